/** Shapes nearby stations for 附近联络站. Pure: unit-tested in test/miniprogram/station-view-model.test.ts. */
import type { StationSummary } from '../../../typings/api';
import { formatDistance, kindLabel, nextReceptionText, openNow, shanghaiClock } from './station-format';
import type { OpenState } from './station-format';

// The list's helpers predate station-format.ts; existing callers import them from here.
export { formatDistance, kindLabel } from './station-format';

/** Default search radius (m), and the one step up the empty state offers. */
export const DEFAULT_RANGE = 5000;
export const WIDER_RANGE = 10000;

/** Where the search is centred: the phone's position, or a street the resident picked. */
export interface Origin {
  latitude: number;
  longitude: number;
  /** Set when picked by hand ('园岭街道'); the distances are then from the street's centre. */
  street?: string;
}

/** Everything loaded so far for one origin and range (pages appended in order). */
export interface SearchResult {
  origin: Origin;
  range: number;
  stations: StationSummary[];
  hasMore: boolean;
}

export interface StationCard {
  id: string;
  name: string;
  address: string;
  kindLabel: string;
  /** '850米', '2.3公里'. */
  distanceText: string;
  /** 营业中 / 今日14:00开放 / 已休息, with its state for the tag colour. */
  openText: string;
  openState: OpenState;
  /** '今天接待', '下次接待日 11月25日 周二', or ''. */
  receptionText: string;
}

/** A `<map>` marker; `id` is the station's index in SearchResult.stations (the map wants numbers). */
export interface MapMarker {
  id: number;
  latitude: number;
  longitude: number;
  title: string;
  width: number;
  height: number;
  callout: { content: string; display: 'BYCLICK'; padding: number; borderRadius: number; fontSize: number };
}

/** The footer under the list: can load more, is loading, failed (tap to retry), or all shown. */
export type MoreState = 'idle' | 'loading' | 'failed' | 'end';

/** What the list screen renders, set in one `setData`. */
export interface ListData {
  heading: string;
  stations: StationCard[];
  more: MoreState;
  /** Under the search box while a query is typed: how much the filter looked at. */
  searchNote: string;
  emptyText: string;
  emptyHint: string;
  /** '扩大到10公里', or '' when there is no wider range to offer. */
  widenText: string;
  map: { latitude: number; longitude: number; markers: MapMarker[] } | null;
}

export interface ListOptions {
  query: string;
  now: Date;
  mapShown: boolean;
}

export function toStationCard(station: StationSummary, now: Date): StationCard {
  const open = openNow(station.hours, now);
  return {
    id: station.id,
    name: station.name,
    address: station.address,
    kindLabel: kindLabel(station.kind, station.sector),
    distanceText: formatDistance(station.distance),
    openText: open.text,
    openState: open.state,
    receptionText: nextReceptionText(station.nextReceptionDate, shanghaiClock(now).date),
  };
}

/** Name, address or street contains every word typed (so '华富 莲花' narrows, not widens). */
export function matchesQuery(station: StationSummary, query: string): boolean {
  const haystack = `${station.name} ${station.address} ${station.street}`.toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** 5000 → '5公里', 800 → '800米'. */
export function rangeText(metres: number): string {
  return formatDistance(metres);
}

export function toMarkers(stations: StationSummary[], indexes: number[]): MapMarker[] {
  return indexes.map((i) => {
    const s = stations[i];
    const [longitude, latitude] = s.location.coordinates;
    return {
      id: i,
      latitude,
      longitude,
      title: s.name,
      width: 28,
      height: 34,
      callout: { content: `${s.name}\n${formatDistance(s.distance)} · 点击查看`, display: 'BYCLICK', padding: 8, borderRadius: 8, fontSize: 13 },
    };
  });
}

function shownIndexes(result: SearchResult, query: string): number[] {
  const all = result.stations.map((_, i) => i);
  return query.trim() ? all.filter((i) => matchesQuery(result.stations[i], query)) : all;
}

export function toListData(result: SearchResult, options: ListOptions): ListData {
  const query = options.query.trim();
  const indexes = shownIndexes(result, query);
  const range = rangeText(result.range);
  const loaded = result.stations.length;
  return {
    heading: result.origin.street ? `${result.origin.street}附近的联络站` : '离您最近的联络站',
    stations: indexes.map((i) => toStationCard(result.stations[i], options.now)),
    more: result.hasMore ? 'idle' : 'end',
    // Search filters what is loaded: say so while more pages are waiting on the server.
    searchNote: query && result.hasMore ? `在已加载的${loaded}个联络站中查找，上拉加载更多` : '',
    emptyText: query ? `没有找到“${query}”相关的联络站` : '附近没有联络站',
    emptyHint: query ? `已在${range}内的${loaded}个联络站中查找` : `${range}内没有找到联络站，可以扩大搜索范围`,
    widenText: !query && result.range < WIDER_RANGE ? `扩大到${rangeText(WIDER_RANGE)}` : '',
    map: options.mapShown
      ? { latitude: result.origin.latitude, longitude: result.origin.longitude, markers: toMarkers(result.stations, indexes) }
      : null,
  };
}

/**
 * After another page arrived: without a query, only the new cards travel, by index path
 * (`stations[20]`), so each append costs one page however long the list is.
 */
export function appendListData(result: SearchResult, shownBefore: number, options: ListOptions): Record<string, unknown> {
  const full = toListData(result, options);
  if (options.query.trim()) return { ...full };
  const patch: Record<string, unknown> = { more: full.more, searchNote: full.searchNote };
  full.stations.slice(shownBefore).forEach((card, i) => (patch[`stations[${shownBefore + i}]`] = card));
  if (full.map) patch.map = full.map;
  return patch;
}
