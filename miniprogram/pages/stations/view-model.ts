/** Shapes nearby stations and search results for 附近联络站. Pure: unit-tested in test/miniprogram/station-view-model.test.ts. */
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

/** What station.search answered for one query, pages appended in order. */
export interface SearchHits {
  query: string;
  /** Where distances are measured from; null when the list has no centre yet (no position, no street). */
  origin: Origin | null;
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
  /** Under the heading of search results: how they are ordered. */
  searchNote: string;
  emptyText: string;
  emptyHint: string;
  /** '扩大到10公里', or '' when there is no wider range to offer. */
  widenText: string;
  map: { latitude: number; longitude: number; markers: MapMarker[] } | null;
}

export interface ListOptions {
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

/** station.search takes 1–30 characters. */
export const MAX_QUERY_LENGTH = 30;

/** What to search for: '' when the box holds nothing worth a call (only spaces). */
export function searchText(typed: string): string {
  return Array.from(typed.trim()).slice(0, MAX_QUERY_LENGTH).join('');
}

/** 5000 → '5公里', 800 → '800米'. */
export function rangeText(metres: number): string {
  return formatDistance(metres);
}

export function toMarkers(stations: StationSummary[]): MapMarker[] {
  return stations.map((s, i) => {
    const [longitude, latitude] = s.location.coordinates;
    return {
      id: i,
      latitude,
      longitude,
      title: s.name,
      width: 28,
      height: 34,
      callout: {
        content: `${s.name}\n${[formatDistance(s.distance), '点击查看'].filter(Boolean).join(' · ')}`,
        display: 'BYCLICK',
        padding: 8,
        borderRadius: 8,
        fontSize: 13,
      },
    };
  });
}

export function toListData(result: SearchResult, options: ListOptions): ListData {
  const range = rangeText(result.range);
  return {
    heading: result.origin.street ? `${result.origin.street}附近的联络站` : '离您最近的联络站',
    stations: result.stations.map((s) => toStationCard(s, options.now)),
    more: result.hasMore ? 'idle' : 'end',
    searchNote: '',
    emptyText: '附近没有联络站',
    emptyHint: `${range}内没有找到联络站，可以扩大搜索范围`,
    widenText: result.range < WIDER_RANGE ? `扩大到${rangeText(WIDER_RANGE)}` : '',
    map: options.mapShown ? { latitude: result.origin.latitude, longitude: result.origin.longitude, markers: toMarkers(result.stations) } : null,
  };
}

/** Search results: the whole district, nearest first when the list has a centre. */
export function toSearchListData(hits: SearchHits, options: ListOptions): ListData {
  const origin = hits.origin;
  // Without a centre the map opens on the first match.
  const centre = origin ?? (hits.stations[0] && { latitude: hits.stations[0].location.coordinates[1], longitude: hits.stations[0].location.coordinates[0] });
  return {
    heading: `“${hits.query}”的搜索结果`,
    stations: hits.stations.map((s) => toStationCard(s, options.now)),
    more: hits.hasMore ? 'idle' : 'end',
    searchNote: !hits.stations.length ? '' : !origin ? '没有位置信息，未按距离排列' : origin.street ? `离${origin.street}最近的在前` : '离您最近的在前',
    emptyText: `没有找到“${hits.query}”相关的联络站`,
    emptyHint: '可以换个词试试：联络站、街道、社区或道路的名称',
    widenText: '',
    map: options.mapShown && centre ? { ...centre, markers: toMarkers(hits.stations) } : null,
  };
}

/**
 * After another page arrived: only the new cards travel, by index path (`stations[20]`),
 * so each append costs one page however long the list is.
 */
export function appendListData(full: ListData, shownBefore: number): Record<string, unknown> {
  const patch: Record<string, unknown> = { more: full.more, searchNote: full.searchNote };
  full.stations.slice(shownBefore).forEach((card, i) => (patch[`stations[${shownBefore + i}]`] = card));
  if (full.map) patch.map = full.map;
  return patch;
}
