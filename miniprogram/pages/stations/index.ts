import { openLocationSetting } from '../../services/location';
import type { Failure, Outcome } from '../../services/outcome';
import { definePage } from '../../utils/define-page';
import { elderHomeMethods } from './elder-home';
import { finderOf } from './finder';
import type { Located } from './finder';
import { openStationMethods } from './open-station';
import { searchOf } from './search';
import { shownList } from './shown-list';
import { boardUrl } from './routes';
import { DISTRICT, STREETS } from './streets';
import { DEFAULT_RANGE, WIDER_RANGE, appendListData, searchText, toListData, toSearchListData } from './view-model';
import type { ListData, ListOptions, SearchHits, SearchResult } from './view-model';

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

/**
 * 附近联络站, the front door: the stations nearest to me (or to the street I pick), by list or
 * map — or, while something is typed in the box, the district's stations that match it.
 * In elder mode it opens on three big actions first (elder-home.ts).
 */
definePage({
  data: {
    loading: true as boolean,
    /** No position: the street picker is shown, under why. */
    picking: false,
    problem: null as Failure | null,
    canOpenSetting: false,
    streets: STREETS.map((s) => s.name),
    /** Set when the search is centred on a picked street: offers to locate again. */
    byStreet: false,
    query: '',
    /** A query is typed: the list shows station.search's answer, not the nearby stations. */
    searching: false,
    mapShown: false,
    ...EMPTY_LIST,
    /** The once-only 开启长辈模式？ dialog is open. */
    elderOffer: false,
    /** Elder mode: the finder is shown (找联络站) instead of the three actions. */
    elderList: false,
    writeHint: '',
    district: DISTRICT,
  },
  methods: {
    ...elderHomeMethods,
    ...openStationMethods,
    onLoad() {
      this.offerElderMode();
      this.showWriteTarget();
      return this.show(() => finderOf(this).nearMe());
    },
    /** Back from a station page: 给代表留言 now writes to it. */
    onShow() {
      this.showWriteTarget();
    },
    onRelocate() {
      return this.show(() => finderOf(this).nearMe());
    },
    onRetry() {
      if (this.data.searching) return this.searchNow(this.data.query);
      return this.show(() => finderOf(this).retry());
    },
    async show(step: () => Promise<Outcome<Located>>) {
      // A search typed while locating keeps the screen; the nearby list waits in the finder.
      await this.run(step, (located) =>
        this.data.searching
          ? {}
          : 'found' in located
            ? this.listData(located.found)
            : { picking: true, problem: located.unlocated.problem, canOpenSetting: located.unlocated.canOpenSetting },
      );
      this.showWriteTarget();
    },
    async search(step: () => Promise<Outcome<SearchResult>>) {
      await this.run(step, (found) => this.listData(found));
    },
    listOptions(overrides: Partial<ListOptions> = {}): ListOptions {
      return { mapShown: this.data.mapShown, now: new Date(), ...overrides };
    },
    listData(found: SearchResult, overrides?: Partial<ListOptions>) {
      return { picking: false, byStreet: Boolean(found.origin.street), ...toListData(found, this.listOptions(overrides)) };
    },
    /** Each keystroke: the query travels after a pause; an empty box goes back to the nearby list. */
    onSearch(event: { detail: string }) {
      const query = event.detail ?? '';
      if (!searchText(query)) return this.backToNearby(query);
      this.setData({ query });
      searchOf(this).later(searchText(query), this.origin(), (found) => this.showSearch(found));
    },
    /** The keyboard's search key, and 重试 after a failed search: no pause. */
    async searchNow(query: string) {
      if (!searchText(query)) return this.backToNearby(query);
      // In search mode at once: clearing the box while it loads must bring the list back.
      this.setData({ query, searching: true, loading: true, error: null });
      const found = await searchOf(this).find(searchText(query), this.origin());
      if (found) this.showSearch(found);
    },
    onSearchConfirm(event: { detail: string }) {
      return this.searchNow(event.detail ?? this.data.query);
    },
    onClearSearch() {
      this.backToNearby('');
    },
    showSearch(found: Outcome<SearchHits>) {
      if (!found.ok) return this.setData({ loading: false, error: found.error, searching: true });
      this.setData({ loading: false, error: null, picking: false, byStreet: false, searching: true, ...toSearchListData(found.data, this.listOptions()) });
    },
    backToNearby(query: string) {
      searchOf(this).stop();
      if (!this.data.searching) return this.setData({ query });
      const found = finderOf(this).current;
      // Without a nearby list (no position), back to the streets.
      this.setData({ query, searching: false, loading: false, error: null, ...(found ? this.listData(found) : { picking: true }) });
    },
    /** Search results are measured from the nearby list's centre (position or street), if any. */
    origin() {
      return finderOf(this).current?.origin ?? null;
    },
    onPickStreet(event: TapEvent<{ index: number }>) {
      const street = STREETS[event.currentTarget.dataset.index];
      return this.search(() => finderOf(this).near({ latitude: street.latitude, longitude: street.longitude, street: street.name }, DEFAULT_RANGE));
    },
    onOpenBoard() {
      wx.navigateTo({ url: boardUrl({ district: DISTRICT }) });
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
    onToggleMap() {
      // The cards do not change, so only the map travels.
      const mapShown = !this.data.mapShown;
      this.setData({ mapShown, map: shownList(this, this.data.searching).shape(this.listOptions({ mapShown }))?.map ?? null });
    },
    async onReachBottom() {
      // Not behind the street picker: the list it covers is not what the resident is looking at.
      if (this.data.more === 'idle' && !this.data.loading && !this.data.picking) await this.loadMore();
    },
    async loadMore() {
      this.setData({ more: 'loading' });
      const next = await shownList(this, this.data.searching).more(this.listOptions());
      if (!next.ok) this.setData({ more: 'failed' });
      // Null: a new search replaced the list meanwhile and renders itself.
      else if (next.data) this.setData(appendListData(next.data, this.data.stations.length));
    },
  },
});
