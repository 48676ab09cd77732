/**
 * The search session of 附近联络站 (miniprogram/pages/stations/search.ts) on its own, with the
 * API client replaced by answers the test releases in any order: one call per pause in
 * typing, and only the latest query's answer is ever shown.
 */
import type { NearbyStationsOutput, StationSummary } from '../../typings/api';
import type { ApiResult } from '../../typings/errors';
import type { Origin, SearchHits } from '../../miniprogram/pages/stations/view-model';

interface Pending {
  fn: string;
  action: string;
  input: Record<string, unknown>;
  answer(result: ApiResult<NearbyStationsOutput>): void;
}

const pending: Pending[] = [];

jest.mock('../../miniprogram/services/api-client', () => ({
  callApi: (fn: string, action: string, input: Record<string, unknown>) => new Promise((resolve) => pending.push({ fn, action, input, answer: resolve })),
}));

type Outcome<T> = { ok: true; data: T } | { ok: false; error: { message: string; code?: string } };
interface StationSearch {
  readonly current: SearchHits | null;
  later(query: string, origin: Origin | null, show: (found: Outcome<SearchHits>) => void): void;
  find(query: string, origin: Origin | null): Promise<Outcome<SearchHits> | null>;
  more(): Promise<Outcome<SearchHits | null>>;
  stop(): void;
}
// Required, not imported: search.ts reaches the API client, typed against miniprogram-api-typings'
// global `wx`, which only miniprogram/tsconfig.json knows (it type-checks search.ts itself).
const { SEARCH_DELAY_MS, StationSearch } = require('../../miniprogram/pages/stations/search') as {
  SEARCH_DELAY_MS: number;
  StationSearch: new () => StationSearch;
};

const HERE = { latitude: 22.5431, longitude: 114.0579 };

const card = (id: string): StationSummary => ({
  id,
  code: id.toUpperCase(),
  name: `联络站 ${id}`,
  kind: 'community',
  street: '华富街道',
  address: '福田区华富街道',
  location: { type: 'Point', coordinates: [114.07, 22.55] },
  hours: [],
  nextReceptionDate: null,
});
const page = (ids: string[], hasMore = false): ApiResult<NearbyStationsOutput> => ({ ok: true, data: { stations: ids.map(card), page: 0, hasMore } });
const settle = () => new Promise((r) => setImmediate(r));

beforeEach(() => {
  pending.length = 0;
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

describe('StationSearch', () => {
  it('sends one query per pause in typing: the last one', async () => {
    const search = new StationSearch();
    const shown: unknown[] = [];
    search.later('莲', HERE, (found) => shown.push(found));
    jest.advanceTimersByTime(SEARCH_DELAY_MS - 50);
    search.later('莲花', HERE, (found) => shown.push(found));
    jest.advanceTimersByTime(SEARCH_DELAY_MS - 50);
    search.later('莲花北', HERE, (found) => shown.push(found));
    expect(pending).toHaveLength(0);

    jest.advanceTimersByTime(SEARCH_DELAY_MS);
    expect(pending.map((p) => [p.fn, p.action, p.input])).toEqual([['station', 'search', { query: '莲花北', ...HERE }]]);
    pending[0].answer(page(['st-1']));
    await settle();
    expect(shown).toEqual([{ ok: true, data: { query: '莲花北', origin: HERE, stations: [card('st-1')], hasMore: false } }]);
  });

  it('drops an answer that arrives after a newer query was sent', async () => {
    const search = new StationSearch();
    const first = search.find('莲花', HERE);
    const second = search.find('莲花北', HERE);
    pending[1].answer(page(['st-new']));
    pending[0].answer(page(['st-old']));
    expect(await first).toBeNull();
    expect(await second).toMatchObject({ ok: true, data: { query: '莲花北', stations: [card('st-new')] } });
    expect(search.current?.stations.map((s) => s.id)).toEqual(['st-new']);
  });

  it('forgets everything when stopped: no call for a waiting query, no answer shown for a sent one', async () => {
    const search = new StationSearch();
    const shown: unknown[] = [];
    search.later('莲花', HERE, (found) => shown.push(found));
    search.stop();
    jest.advanceTimersByTime(SEARCH_DELAY_MS * 2);
    expect(pending).toHaveLength(0);

    search.later('法律', null, (found) => shown.push(found));
    jest.advanceTimersByTime(SEARCH_DELAY_MS);
    expect(pending[0].input).toEqual({ query: '法律' });
    search.stop();
    pending[0].answer(page(['st-1']));
    await settle();
    expect(shown).toEqual([]);
    expect(search.current).toBeNull();
  });

  it('pages the current query, appending each station once', async () => {
    const search = new StationSearch();
    const found = search.find('社区', HERE);
    pending[0].answer(page(['st-1', 'st-2'], true));
    await found;

    const more = search.more();
    expect(pending[1].input).toEqual({ query: '社区', ...HERE, page: 1 });
    pending[1].answer(page(['st-2', 'st-3'], false));
    expect(await more).toMatchObject({ ok: true, data: { hasMore: false } });
    expect(search.current?.stations.map((s) => s.id)).toEqual(['st-1', 'st-2', 'st-3']);
    expect(await search.more()).toEqual({ ok: true, data: null });
    expect(pending).toHaveLength(2);
  });

  it('drops a page that arrives after a new query took over the list', async () => {
    const search = new StationSearch();
    const found = search.find('社区', HERE);
    pending[0].answer(page(['st-1'], true));
    await found;
    const more = search.more();
    const next = search.find('街道', HERE);
    pending[1].answer(page(['st-9']));
    pending[2].answer(page(['st-5']));
    expect(await more).toEqual({ ok: true, data: null });
    await next;
    expect(search.current?.stations.map((s) => s.id)).toEqual(['st-5']);
  });

  it('passes a failed search on as it came', async () => {
    const search = new StationSearch();
    const found = search.find('莲花', null);
    pending[0].answer({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } });
    expect(await found).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } });
    expect(search.current).toBeNull();
  });
});
