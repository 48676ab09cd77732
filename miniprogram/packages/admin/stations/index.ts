import type { AdminStation } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { edits, handStation } from '../common/handoff';
import { itemsOf, listLoading } from '../common/list-page';
import type { ListSession } from '../common/list-page';
import { emptyText, toStationRow } from './view-model';
import type { StationRow } from './view-model';

const {
  sessions,
  methods: loading,
  search,
} = listLoading<AdminStation, ListSession<AdminStation>>({
  key: 'stations',
  fetch: (s, page) => itemsOf(callApi('admin', 'stations', { ...(s.query ? { query: s.query } : {}), page }), (d) => d.stations),
  toRow: toStationRow,
  shown: (s) => ({ emptyText: emptyText(s.query) }),
  edits: 'stations',
});

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
    ...loading,
    ...search,
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
