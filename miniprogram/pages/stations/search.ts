/**
 * The search box of 附近联络站: what the resident types goes to `station.search`, the whole
 * district, not just the stations loaded nearby. Nearest first with distances when we know
 * where the list is centred; one call per pause in typing; only the latest query's answer
 * is ever shown. Like the finder, it sits off the page's `data`.
 */
import type { NearbyStationsOutput, SearchStationsInput } from '../../../typings/api';
import { callApi } from '../../services/api-client';
import type { Outcome } from '../../services/outcome';
import type { Origin, SearchHits } from './view-model';

/** Typing pauses this long before a query travels. */
export const SEARCH_DELAY_MS = 300;

export class StationSearch {
  private hits: SearchHits | null = null;
  private nextPage = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every new query and by `stop()`: an answer for an older one is dropped. */
  private generation = 0;

  get current(): SearchHits | null {
    return this.hits;
  }

  /** After SEARCH_DELAY_MS without another keystroke, `find`, then `show` the outcome if still wanted. */
  later(query: string, origin: Origin | null, show: (found: Outcome<SearchHits>) => void): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.find(query, origin).then((found) => found && show(found));
    }, SEARCH_DELAY_MS);
  }

  /** The first page for `query` now. Null when a newer query (or `stop`) overtook it. */
  async find(query: string, origin: Origin | null): Promise<Outcome<SearchHits> | null> {
    this.cancelTimer();
    const generation = ++this.generation;
    this.hits = null;
    const page = await this.fetch(query, origin, 0);
    if (generation !== this.generation) return null;
    if (!page.ok) return page;
    this.nextPage = 1;
    this.hits = { query, origin, stations: page.data.stations, hasMore: page.data.hasMore };
    return { ok: true, data: this.hits };
  }

  /** The next page, appended; null when all is loaded or another query owns the list now. */
  async more(): Promise<Outcome<SearchHits | null>> {
    const hits = this.hits;
    if (!hits || !hits.hasMore) return { ok: true, data: null };
    const page = await this.fetch(hits.query, hits.origin, this.nextPage);
    if (this.hits !== hits) return { ok: true, data: null };
    if (!page.ok) return page;
    this.nextPage += 1;
    const known = new Set(hits.stations.map((s) => s.id));
    this.hits = { ...hits, stations: [...hits.stations, ...page.data.stations.filter((s) => !known.has(s.id))], hasMore: page.data.hasMore };
    return { ok: true, data: this.hits };
  }

  /** The box was cleared: forget the results and drop any answer still on its way. */
  stop(): void {
    this.cancelTimer();
    this.generation += 1;
    this.hits = null;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fetch(query: string, origin: Origin | null, page: number): Promise<Outcome<NearbyStationsOutput>> {
    const input: SearchStationsInput = { query, ...(origin ? { latitude: origin.latitude, longitude: origin.longitude } : {}), ...(page > 0 ? { page } : {}) };
    return callApi('station', 'search', input);
  }
}

const searches = new WeakMap<object, StationSearch>();

export function searchOf(page: object): StationSearch {
  let search = searches.get(page);
  if (!search) searches.set(page, (search = new StationSearch()));
  return search;
}
