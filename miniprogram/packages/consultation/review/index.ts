import type { CommentStatus, CommentView, ConsultationDetail } from '../../../../typings/consultation';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { CONSULTATION_STATUS_LABELS } from '../common/labels';
import { consultationWithArticles, reviewer } from './load';
import { sheetMethods } from './sheet-methods';
import { EMPTY_SHEET, SHEET_LIMITS } from './sheets';
import type { SheetForm, SheetKind } from './sheets';
import { articleChoices, commentsInput, TAB_STATUSES, tabsOf, toCommentItem } from './view-model';
import type { ArticleChoice, CommentItem, ReviewRole, TabView } from './view-model';

/** Not rendered: the query, the consultation, every comment loaded (the duplicate picker offers them), the page shown. */
interface Session {
  id: string;
  stationId?: string;
  role: ReviewRole;
  detail?: ConsultationDetail;
  known: Map<string, CommentView>;
  page: number;
  /** Shown once already: a later show is a return from another page. */
  shown: boolean;
}
const sessions = new WeakMap<object, Session>();

/** 处理意见: a consultation's comments by status and article; officers review, the office edits and marks adoptions. */
definePage({
  data: {
    loading: true,
    title: '',
    statusText: '',
    role: '' as ReviewRole | '',
    canRecord: false,
    tabs: [] as TabView[],
    status: 'submitted' as CommentStatus,
    articles: [] as ArticleChoice[],
    articleIndex: 0,
    items: [] as CommentItem[],
    hasMore: false,
    loadingMore: false,
    popup: '' as SheetKind | '',
    sheetTitle: '',
    sheet: { ...EMPTY_SHEET } as SheetForm,
    sheetOriginal: '',
    sheetProblem: '',
    limits: SHEET_LIMITS,
    choices: [] as { id: string; label: string }[],
    busy: '',
  },
  methods: {
    ...reloadMethods,
    ...sheetMethods,
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { id: query.id ?? '', stationId: query.stationId, role: 'officer', known: new Map(), page: 0, shown: false });
      // 标记采纳 from the report opens on 已报送.
      const status = TAB_STATUSES.find((x) => x === query.status);
      if (status) this.setData({ status });
      return this.load();
    },
    /** Back from 代为记录: the new comment counts under 待确认. */
    onShow() {
      const s = sessions.get(this);
      if (s?.shown && s.detail && !this.data.loading) void this.refreshList();
      if (s) s.shown = true;
    },
    async load() {
      const s = sessions.get(this)!;
      await this.run(
        async (): Promise<Outcome<true>> => {
          const [who, detail] = await Promise.all([reviewer(s.stationId), consultationWithArticles(s.id)]);
          if (!who.ok) return who;
          if (!detail.ok) return detail;
          Object.assign(s, { role: who.data.role, stationId: who.data.stationId, detail: detail.data });
          return this.loadComments(0);
        },
        () => {
          const d = s.detail!;
          return {
            title: d.title,
            statusText: `${CONSULTATION_STATUS_LABELS[d.status]} · ${d.askedBy}`,
            role: s.role,
            canRecord: s.role === 'officer' && d.status === 'open',
            articles: articleChoices(d.articles),
          };
        },
      );
    },
    /** One page of the current tab and article; page 0 replaces the list and the counts. */
    async loadComments(page: number): Promise<Outcome<true>> {
      const s = sessions.get(this)!;
      const articleNo = this.data.articles[this.data.articleIndex]?.no ?? -1;
      const answer = await callApi('consultation', 'comments', commentsInput(s.id, { stationId: s.stationId, status: this.data.status, articleNo }, page));
      if (!answer.ok) return answer;
      for (const c of answer.data.comments) s.known.set(c.id, c);
      const items = answer.data.comments.map((c) => toCommentItem(c, s.role, s.detail!, s.known));
      s.page = page;
      if (page === 0) this.setData({ items, tabs: tabsOf(answer.data.counts), hasMore: answer.data.hasMore });
      else this.setData({ ...Object.fromEntries(items.map((item, i) => [`items[${this.data.items.length + i}]`, item])), hasMore: answer.data.hasMore });
      return { ok: true, data: true };
    },
    async refreshList() {
      const answer = await this.loadComments(0);
      if (!answer.ok) wx.showToast({ title: answer.error.message, icon: 'none' });
    },
    onTab(event: { currentTarget: { dataset: { status: CommentStatus } } }) {
      this.setData({ status: event.currentTarget.dataset.status });
      return this.refreshList();
    },
    onArticle(event: WechatMiniprogram.PickerChange) {
      this.setData({ articleIndex: Number(event.detail.value) });
      return this.refreshList();
    },
    async onReachBottom() {
      const { hasMore, loadingMore, loading } = this.data;
      if (!hasMore || loadingMore || loading) return;
      this.setData({ loadingMore: true });
      const answer = await this.loadComments(sessions.get(this)!.page + 1);
      this.setData({ loadingMore: false });
      if (!answer.ok) wx.showToast({ title: answer.error.message, icon: 'none' });
    },
    onRecord() {
      const s = sessions.get(this)!;
      wx.navigateTo({ url: `/packages/consultation/record/index?id=${encodeURIComponent(s.id)}&stationId=${encodeURIComponent(s.stationId ?? '')}` });
    },
    comment(id: string): CommentView | undefined {
      return sessions.get(this)!.known.get(id);
    },
    knownComments(): CommentView[] {
      return [...sessions.get(this)!.known.values()];
    },
  },
});
