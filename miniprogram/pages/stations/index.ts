import { openLocationSetting } from '../../services/location';
import type { Failure, Outcome } from '../../services/outcome';
import { readScan } from '../../services/scan';
import type { ScanAnswer } from '../../services/scan';
import { definePage } from '../../utils/define-page';
import { finderOf } from './finder';
import type { Located } from './finder';
import { stationPageUrl } from './routes';
import { STREETS } from './streets';
import { DEFAULT_RANGE, WIDER_RANGE, appendListData, toListData } from './view-model';
import type { ListData, ListOptions, SearchResult } from './view-model';

type TapEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{}, {}, T>;

const EMPTY_LIST: ListData = {
  heading: '',
  stations: [],
  more: 'end',
  searchNote: '',
  emptyText: '',
  emptyHint: '',
  widenText: '',
  map: null,
};

/** 附近联络站, the front door: the stations nearest to me (or to the street I pick), by list or map. */
definePage({
  data: {
    loading: true,
    /** No position: the street picker is shown, under why. */
    picking: false,
    problem: null as Failure | null,
    canOpenSetting: false,
    streets: STREETS.map((s) => s.name),
    /** Set when the search is centred on a picked street: offers to locate again. */
    byStreet: false,
    query: '',
    mapShown: false,
    ...EMPTY_LIST,
  },
  methods: {
    onLoad() {
      return this.show(() => finderOf(this).nearMe());
    },
    onRelocate() {
      return this.show(() => finderOf(this).nearMe());
    },
    onRetry() {
      return this.show(() => finderOf(this).retry());
    },
    async show(step: () => Promise<Outcome<Located>>) {
      await this.run(step, (located) =>
        'found' in located
          ? this.listData(located.found)
          : { picking: true, problem: located.unlocated.problem, canOpenSetting: located.unlocated.canOpenSetting },
      );
    },
    async search(step: () => Promise<Outcome<SearchResult>>) {
      await this.run(step, (found) => this.listData(found));
    },
    listOptions(overrides: Partial<ListOptions> = {}): ListOptions {
      return { query: this.data.query, mapShown: this.data.mapShown, now: new Date(), ...overrides };
    },
    listData(found: SearchResult, overrides?: Partial<ListOptions>) {
      return { picking: false, byStreet: Boolean(found.origin.street), ...toListData(found, this.listOptions(overrides)) };
    },
    onPickStreet(event: TapEvent<{ index: number }>) {
      const street = STREETS[event.currentTarget.dataset.index];
      return this.search(() => finderOf(this).near({ latitude: street.latitude, longitude: street.longitude, street: street.name }, DEFAULT_RANGE));
    },
    onChangeStreet() {
      this.setData({ picking: true });
    },
    async onOpenSetting() {
      if (await openLocationSetting()) await this.onRelocate();
    },
    onWiden() {
      return this.search(() => finderOf(this).widen(WIDER_RANGE));
    },
    // Filters what is loaded: the back end has no search by name yet (station.search).
    onSearch(event: { detail: string }) {
      this.refilter({ query: event.detail ?? '' });
    },
    onClearSearch() {
      this.refilter({ query: '' });
    },
    refilter(change: { query: string }) {
      const found = finderOf(this).current;
      this.setData(found ? { ...change, ...toListData(found, this.listOptions(change)) } : change);
    },
    onToggleMap() {
      // The cards do not change, so only the map travels.
      const mapShown = !this.data.mapShown;
      const found = finderOf(this).current;
      this.setData({ mapShown, map: found ? toListData(found, this.listOptions({ mapShown })).map : null });
    },
    async onReachBottom() {
      // Not behind the street picker: the list it covers is not what the resident is looking at.
      if (this.data.more === 'idle' && !this.data.loading && !this.data.picking) await this.loadMore();
    },
    async loadMore() {
      this.setData({ more: 'loading' });
      const next = await finderOf(this).more();
      if (!next.ok) this.setData({ more: 'failed' });
      // Null: a new search replaced the list meanwhile and renders itself.
      else if (next.data) this.setData(appendListData(next.data, this.data.stations.length, this.listOptions()));
    },
    onTapStation(event: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: stationPageUrl({ id: event.currentTarget.dataset.id }) });
    },
    onCalloutTap(event: WechatMiniprogram.CustomEvent<{ markerId: number }>) {
      const station = finderOf(this).current?.stations[event.detail.markerId];
      if (station) wx.navigateTo({ url: stationPageUrl({ id: station.id }) });
    },
    async onScan() {
      const answer: ScanAnswer = await wx.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] }).then(
        (scanned) => ({ scanned }),
        (err: { errMsg: string }) => ({ failed: err.errMsg }),
      );
      const scanned = readScan(answer);
      if (!scanned.ok) wx.showToast({ title: scanned.error.message, icon: 'none' });
      else if (scanned.data) wx.navigateTo({ url: stationPageUrl({ code: scanned.data }) });
    },
  },
});
