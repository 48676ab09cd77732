import type { AdminStation } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { edits, handStation } from '../common/handoff';
import { appendRows, nextPage, unseen } from '../common/paging';
import { emptyText, toStationRow } from './view-model';
import type { StationRow } from './view-model';

/** Not rendered: the records behind the rows, the query asked, and which answer is the latest. */
interface Session {
  records: AdminStation[];
  query: string;
  asked: number;
  seenEdits: number;
}
const sessions = new WeakMap<object, Session>();

/** 联络站管理: the district's stations, searchable, 20 a page; tap to edit, or create one. */
definePage({
  data: {
    loading: true,
    query: '',
    stations: [] as StationRow[],
    hasMore: false,
    loadingMore: false,
    emptyText: '',
  },
  methods: {
    onLoad() {
      sessions.set(this, { records: [], query: '', asked: 0, seenEdits: edits.stations });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    /** Back from an edit that saved: the first page again, so the change shows. */
    onShow() {
      const s = sessions.get(this);
      if (s && s.seenEdits !== edits.stations) {
        s.seenEdits = edits.stations;
        return this.load();
      }
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      const s = sessions.get(this)!;
      const asked = ++s.asked;
      const query = s.query;
      await this.run(
        () => callApi('admin', 'stations', { ...(query ? { query } : {}), page: 0 }),
        (data) => {
          if (asked !== s.asked) return {};
          s.records = data.stations;
          return { stations: data.stations.map(toStationRow), hasMore: data.hasMore, emptyText: emptyText(query) };
        },
      );
    },
    onQuery(event: { detail: string }) {
      this.setData({ query: event.detail });
    },
    onSearch(event: { detail: string }) {
      sessions.get(this)!.query = String(event.detail ?? '').trim();
      return this.load();
    },
    onClear() {
      sessions.get(this)!.query = '';
      this.setData({ query: '' });
      return this.load();
    },
    async onReachBottom() {
      const s = sessions.get(this);
      if (!s || !this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const asked = s.asked;
      const answer = await callApi('admin', 'stations', { ...(s.query ? { query: s.query } : {}), page: nextPage(s.records.length) });
      if (asked !== s.asked) return;
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      const fresh = unseen(s.records, answer.data.stations);
      const from = s.records.length;
      s.records = [...s.records, ...fresh];
      this.setData({ ...appendRows('stations', from, fresh.map(toStationRow)), hasMore: answer.data.hasMore, loadingMore: false });
    },
    onOpen(event: { currentTarget: { dataset: { index: number } } }) {
      const station = sessions.get(this)?.records[Number(event.currentTarget.dataset.index)];
      if (!station) return;
      handStation(station);
      wx.navigateTo({ url: `/packages/admin/station/index?id=${encodeURIComponent(station.id)}` });
    },
    onCreate() {
      wx.navigateTo({ url: '/packages/admin/station/index' });
    },
  },
});
