/**
 * One search session of 附近联络站: where from, how far, and the pages loaded so far.
 * It sits off the page's `data`, which holds only what is rendered.
 */
import type { NearbyStationsOutput } from '../../../typings/api';
import { callApi } from '../../services/api-client';
import { canFixInSettings, locate } from '../../services/location';
import type { Failure, Outcome } from '../../services/outcome';
import { DEFAULT_RANGE } from './view-model';
import type { Origin, SearchResult } from './view-model';

/** The device gave no position: the page offers streets (and settings, when that can help). */
export interface Unlocated {
  problem: Failure;
  canOpenSetting: boolean;
}

export type Located = { found: SearchResult } | { unlocated: Unlocated };

export class StationFinder {
  private result: SearchResult | null = null;
  /** 0-based page the next `more()` asks for. */
  private nextPage = 0;
  /** The last search asked for, so a retry repeats it rather than locating again. */
  private origin: Origin | null = null;
  private range = DEFAULT_RANGE;

  get current(): SearchResult | null {
    return this.result;
  }

  /** Locate the phone, then search around it. */
  async nearMe(): Promise<Outcome<Located>> {
    const here = await locate();
    if (!here.ok) return { ok: true, data: { unlocated: { problem: here.error, canOpenSetting: canFixInSettings(here.error.code) } } };
    const found = await this.near(here.data, DEFAULT_RANGE);
    return found.ok ? { ok: true, data: { found: found.data } } : found;
  }

  /** A fresh search around `origin`: the first page. */
  async near(origin: Origin, range: number): Promise<Outcome<SearchResult>> {
    this.origin = origin;
    this.range = range;
    this.result = null;
    const page = await this.fetch(0);
    if (!page.ok) return page;
    this.nextPage = 1;
    this.result = { origin, range, stations: page.data.stations, hasMore: page.data.hasMore };
    return { ok: true, data: this.result };
  }

  /** Same place, wider. */
  widen(range: number): Promise<Outcome<SearchResult>> {
    return this.origin ? this.near(this.origin, range) : Promise.resolve({ ok: false, error: { message: '请先定位或选择街道' } });
  }

  /** What failed last time, again: the search if there was one, else locating. */
  retry(): Promise<Outcome<Located>> {
    if (!this.origin) return this.nearMe();
    return this.near(this.origin, this.range).then((r) => (r.ok ? { ok: true, data: { found: r.data } } : r));
  }

  /**
   * The next page, appended. Null when there is nothing to add: all is loaded, or a search
   * started meanwhile (another street, wider) owns the list now.
   */
  async more(): Promise<Outcome<SearchResult | null>> {
    const result = this.result;
    if (!result || !result.hasMore) return { ok: true, data: null };
    const page = await this.fetch(this.nextPage);
    if (this.result !== result) return { ok: true, data: null };
    if (!page.ok) return page;
    this.nextPage += 1;
    // Stations are ranked afresh on each call; one that moved across a page boundary shows once.
    const known = new Set(result.stations.map((s) => s.id));
    this.result = { ...result, stations: [...result.stations, ...page.data.stations.filter((s) => !known.has(s.id))], hasMore: page.data.hasMore };
    return { ok: true, data: this.result };
  }

  private fetch(page: number): Promise<Outcome<NearbyStationsOutput>> {
    const { latitude, longitude } = this.origin!;
    return callApi('station', 'nearby', {
      latitude,
      longitude,
      // The default travels implicitly, so the first call reads as the plain "near me" search.
      ...(this.range === DEFAULT_RANGE ? {} : { maxDistance: this.range }),
      ...(page > 0 ? { page } : {}),
    });
  }
}

/** One finder per page instance, without putting it in `data`. */
const finders = new WeakMap<object, StationFinder>();

export function finderOf(page: object): StationFinder {
  let finder = finders.get(page);
  if (!finder) finders.set(page, (finder = new StationFinder()));
  return finder;
}
