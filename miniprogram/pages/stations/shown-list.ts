/**
 * The list on 附近联络站 comes from one of two sources — the nearby stations (finder.ts) or
 * the search results (search.ts) — which page, map and open stations the same way.
 */
import type { StationSummary } from '../../../typings/api';
import type { Outcome } from '../../services/outcome';
import { finderOf } from './finder';
import { searchOf } from './search';
import { toListData, toSearchListData } from './view-model';
import type { ListData, ListOptions } from './view-model';

export interface ShownList {
  /** The stations on screen, in the order of their cards and map markers. */
  stations: StationSummary[];
  /** All of it, shaped afresh for the page; null when nothing is loaded yet. */
  shape(options: ListOptions): ListData | null;
  /** The next page, shaped; null when there is none, or a new search owns the list now. */
  more(options: ListOptions): Promise<Outcome<ListData | null>>;
}

export function shownList(page: object, searching: boolean): ShownList {
  if (searching) {
    const search = searchOf(page);
    return {
      stations: search.current?.stations ?? [],
      shape: (options) => (search.current ? toSearchListData(search.current, options) : null),
      more: (options) => search.more().then((r) => (r.ok ? { ok: true, data: r.data && toSearchListData(r.data, options) } : r)),
    };
  }
  const finder = finderOf(page);
  return {
    stations: finder.current?.stations ?? [],
    shape: (options) => (finder.current ? toListData(finder.current, options) : null),
    more: (options) => finder.more().then((r) => (r.ok ? { ok: true, data: r.data && toListData(r.data, options) } : r)),
  };
}
