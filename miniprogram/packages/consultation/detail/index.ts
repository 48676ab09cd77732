import type { ConsultationDetail } from '../../../../typings/consultation';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { openPdf } from '../../../services/pdf-files';
import { getConsultation } from './load';
import { commentUrl, stationFor, toArticleRows, toDetailView } from './view-model';
import type { ArticleRow, DetailView } from './view-model';

type Tap<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{}, {}, T>;

/** Not rendered: which consultation, the station it was opened from, the last page of articles asked for. */
const sessions = new WeakMap<object, { id?: string; stationId?: string; detail?: ConsultationDetail }>();
const toast = (title: string) => wx.showToast({ title, icon: 'none' });

/** 立法意见征集: a draft law open for comment, its articles folded, and the ways to comment on it. */
definePage({
  data: {
    loading: true,
    view: null as DetailView | null,
    articles: [] as ArticleRow[],
    hasMore: false,
    moreState: 'idle' as 'idle' | 'loading' | 'error',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { id: query.id, stationId: query.stationId });
      return this.load();
    },
    ...reloadMethods,
    async load() {
      const s = sessions.get(this)!;
      const detail = await this.run(
        () => getConsultation(s.id, 0),
        (d) => ({ view: toDetailView(d), articles: toArticleRows(d.articles), hasMore: d.hasMoreArticles, moreState: 'idle' as const }),
      );
      if (!detail) return;
      s.detail = detail;
      wx.setNavigationBarTitle({ title: '立法意见征集' });
    },
    /** 加载更多: the next 20 articles, added under the ones shown. */
    async onMore() {
      const s = sessions.get(this);
      if (!s?.detail || this.data.moreState === 'loading') return;
      this.setData({ moreState: 'loading' });
      const next = await getConsultation(s.id, s.detail.articlePage + 1);
      if (!next.ok) return this.setData({ moreState: 'error' });
      const shown = this.data.articles;
      const lastChapter = s.detail.articles[s.detail.articles.length - 1]?.chapter ?? '';
      s.detail = next.data;
      this.setData({ articles: [...shown, ...toArticleRows(next.data.articles, lastChapter)], hasMore: next.data.hasMoreArticles, moreState: 'idle' });
    },
    onToggleArticle(event: Tap<{ index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const row = this.data.articles[index];
      if (row) this.setData({ [`articles[${index}].open`]: !row.open });
    },
    /** 对本条提意见 (data-no) or 提总体意见 (no 0). */
    onComment(event: Tap<{ no: number }>) {
      const s = sessions.get(this);
      if (!s?.detail || !this.data.view?.canComment) return;
      wx.navigateTo({ url: commentUrl(s.detail.id, Number(event.currentTarget.dataset.no) || 0, stationFor(s.detail, s.stationId)) });
    },
    onOpenReview() {
      const id = this.data.view?.id;
      if (id) wx.navigateTo({ url: `/packages/consultation/review/index?id=${encodeURIComponent(id)}` });
    },
    onOpenReport() {
      const id = this.data.view?.id;
      if (id) wx.navigateTo({ url: `/packages/consultation/report/index?id=${encodeURIComponent(id)}` });
    },
    async onOpenPdf(event: Tap<{ url: string }>) {
      const opened = await openPdf(event.currentTarget.dataset.url, 'PDF');
      if (!opened.ok) toast(opened.error.message);
    },
    onPreviewPhoto(event: Tap<{ url: string }>) {
      wx.previewImage({ urls: this.data.view?.photos ?? [], current: event.currentTarget.dataset.url });
    },
  },
});
