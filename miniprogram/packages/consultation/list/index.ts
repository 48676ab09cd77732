import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { districtPage, openList } from './load';
import { EMPTY_TEXTS, LIST_TITLES } from './view-model';
import type { ConsultationRow, ListRole } from './view-model';

/** Not rendered: the last page shown, whether the page has been shown once. */
const sessions = new WeakMap<object, { page: number; shown: boolean }>();

type Tap = WechatMiniprogram.CustomEvent<{}, {}, { url: string }>;

/** 立法意见征集 for officers (their stations' consultations) and the district office (all, with 发布征集). */
definePage({
  data: {
    loading: true,
    role: '' as ListRole | '',
    title: '',
    emptyText: '',
    rows: [] as ConsultationRow[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      sessions.set(this, { page: 0, shown: false });
      return this.load();
    },
    /** Back from publishing or reviewing: the counts there show here. */
    onShow() {
      const s = sessions.get(this);
      if (s?.shown && !this.data.loading) void this.load();
      if (s) s.shown = true;
    },
    ...reloadMethods,
    async load() {
      const opened = await this.run(openList, ({ role, rows, hasMore }) => ({ role, title: LIST_TITLES[role], emptyText: EMPTY_TEXTS[role], rows, hasMore }));
      if (!opened) return;
      sessions.get(this)!.page = 0;
      wx.setNavigationBarTitle({ title: LIST_TITLES[opened.role] });
    },
    async onReachBottom() {
      const s = sessions.get(this)!;
      const { hasMore, loadingMore, loading, rows, role } = this.data;
      if (role !== 'admin' || !hasMore || loadingMore || loading) return;
      this.setData({ loadingMore: true });
      const answer = await districtPage(s.page + 1);
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        return void wx.showToast({ title: answer.error.message, icon: 'none' });
      }
      s.page += 1;
      const seen = new Set(rows.map((r) => r.id));
      const added = answer.data.rows.filter((r) => !seen.has(r.id));
      this.setData({ ...Object.fromEntries(added.map((row, i) => [`rows[${rows.length + i}]`, row])), hasMore: answer.data.hasMore, loadingMore: false });
    },
    onOpen(event: Tap) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
    onPublish() {
      wx.navigateTo({ url: '/packages/consultation/publish/index' });
    },
  },
});
