import { callApi } from '../../../services/api-client';
import { newRequestId } from '../../../services/request-id';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { COMMENT_LIMITS } from '../common/limits';
import { commentInput, commentProblems, EMPTY_FORM, fieldOf, firstProblem } from '../comment/view-model';
import type { CommentErrors, CommentForm } from '../comment/view-model';
import { consultationWithArticles, reviewer } from '../review/load';
import { articleOptions, toClaimCard } from './view-model';
import type { ArticleOption, ClaimCard } from './view-model';

/** Not rendered: the consultation and station, and the request id kept across retries of one comment. */
const sessions = new WeakMap<object, { id: string; stationId: string; requestId?: string }>();

type FieldEvent = { detail: string; currentTarget: { dataset: { field: keyof CommentForm } } };

/** 代为记录: an officer records a comment heard at the station; the resident scans the code to confirm it. */
definePage({
  data: {
    loading: true,
    title: '',
    stationName: '',
    articles: [] as ArticleOption[],
    articleIndex: 0,
    form: { ...EMPTY_FORM } as CommentForm,
    errors: {} as CommentErrors,
    formError: '',
    limits: COMMENT_LIMITS,
    busy: false,
    claim: null as ClaimCard | null,
    claimProblem: '',
    refreshing: false,
  },
  methods: {
    ...reloadMethods,
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { id: query.id ?? '', stationId: query.stationId ?? '' });
      return this.load();
    },
    async load() {
      const s = sessions.get(this)!;
      await this.run(
        async () => {
          const [who, detail] = await Promise.all([reviewer(s.stationId || undefined), consultationWithArticles(s.id)]);
          if (!who.ok) return who;
          if (who.data.role !== 'officer') return { ok: false as const, error: { code: 'FORBIDDEN', message: '只有联络员可以代为记录意见' } };
          if (!detail.ok) return detail;
          s.stationId = who.data.stationId ?? '';
          const station = who.data.profile.stations?.find((x) => x.id === s.stationId);
          return { ok: true as const, data: { detail: detail.data, stationName: station?.name ?? '' } };
        },
        ({ detail, stationName }) => ({ title: detail.title, stationName, articles: articleOptions(detail.articles) }),
      );
    },
    onArticle(event: WechatMiniprogram.PickerChange) {
      this.setData({ articleIndex: Number(event.detail.value) });
    },
    onField(event: FieldEvent) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '', formError: '' });
    },
    async onSubmit() {
      const s = sessions.get(this)!;
      const { form, busy, articles, articleIndex } = this.data;
      if (busy) return;
      const errors = commentProblems(form, s.stationId);
      if (firstProblem(errors)) return this.setData({ errors, formError: firstProblem(errors) });
      this.setData({ busy: true, errors: {}, formError: '' });
      s.requestId ??= await newRequestId();
      const input = commentInput(form, { requestId: s.requestId, consultationId: s.id, stationId: s.stationId, articleNo: articles[articleIndex]?.no ?? 0 });
      const answer = await callApi('consultation', 'record', input);
      if (!answer.ok) {
        const at = fieldOf(answer.error.field);
        return this.setData({ busy: false, formError: answer.error.message, ...(at ? { [`errors.${at}`]: answer.error.message } : {}) });
      }
      // The next comment is another: a new request id, an empty form.
      s.requestId = undefined;
      this.setData({ busy: false, form: { ...EMPTY_FORM }, claim: toClaimCard(answer.data.comment.id, answer.data.claim), claimProblem: '' });
    },
    /** 刷新二维码: a new code when the old one ran out or was seen by someone else. */
    async onRefreshCode() {
      const claim = this.data.claim;
      if (!claim || this.data.refreshing) return;
      this.setData({ refreshing: true, claimProblem: '' });
      const answer = await callApi('consultation', 'claimCode', { commentId: claim.commentId });
      this.setData(answer.ok ? { refreshing: false, claim: toClaimCard(claim.commentId, answer.data.claim) } : { refreshing: false, claimProblem: answer.error.message });
    },
    /** 记录下一条: the form again, for the next resident. */
    onCloseClaim() {
      this.setData({ claim: null, claimProblem: '' });
    },
  },
});
