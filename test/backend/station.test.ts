/**
 * Public station information through the function host, the real SDK and the emulator, over
 * the seeded demo district (41 stations): nearby, search and the station page. The handling
 * figures on the station page have their own suite (station-figures.test.ts).
 */
import type { Station } from '../../typings/models';
import type { StationSummary } from '../../typings/api';
import { startBackend, type Backend } from './harness';

let backend: Backend;
let stations: Station[];

/** 华富街道's street office, where its street station stands. */
const HUAFU = { latitude: 22.5531, longitude: 114.0792 };

beforeAll(async () => {
  backend = await startBackend({ functions: ['station'] });
  stations = (await backend.db.collection('stations').limit(1000).get()).data as Station[];
}, 120_000);

afterAll(() => backend?.close());

const coordinatesOf = (station: Pick<Station, 'location'>) => {
  const point = station.location as unknown as { coordinates?: [number, number]; longitude?: number; latitude?: number };
  return point.coordinates ?? [point.longitude!, point.latitude!];
};

/** Great-circle distance in metres (mean Earth radius), to check the server's. */
function metresBetween(a: { latitude: number; longitude: number }, [longitude, latitude]: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (latitude - a.latitude) * rad;
  const dLng = (longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** What the search promises, computed here from the stored stations: the text in name, address, street or community. */
const matching = (text: string) => stations.filter((s) => [s.name, s.address, s.street, s.community ?? ''].some((field) => field.toLowerCase().includes(text.toLowerCase())));

async function allPages(action: 'nearby' | 'search', input: Record<string, unknown>): Promise<{ pages: { stations: StationSummary[]; hasMore: boolean; page: number }[] }> {
  const pages = [];
  for (let page = 0; page < 10; page += 1) {
    const answer = await backend.data('station', action as 'search', { ...(input as { query: string }), ...(page ? { page } : {}) });
    pages.push(answer);
    if (!answer.hasMore) break;
  }
  return { pages };
}

/** Earth radii differ by 0.1% between conventions; a metre for rounding. */
const closeEnough = (metres: number) => 1 + metres * 0.001;

const expectAscending = (distances: number[]) => distances.slice(1).forEach((d, i) => expect(d).toBeGreaterThanOrEqual(distances[i]));

describe('station.nearby', () => {
  it('answers the nearest stations first, with their distance in metres, within 5 km by default', async () => {
    const answer = await backend.data('station', 'nearby', HUAFU);
    expect(answer.page).toBe(0);
    expect(answer.stations[0]).toMatchObject({ id: 'st-ft-hf', code: 'FT-HF', distance: 0 });
    const distances = answer.stations.map((s) => s.distance!);
    expectAscending(distances);
    expect(Math.max(...distances)).toBeLessThanOrEqual(5000);
    for (const station of answer.stations) {
      expect(Number.isInteger(station.distance)).toBe(true);
      expect(Math.abs(station.distance! - metresBetween(HUAFU, station.location.coordinates))).toBeLessThanOrEqual(closeEnough(station.distance!));
    }
    // The page holds the 20 nearest of the district, by our own reckoning.
    const nearest = [...stations].sort((a, b) => metresBetween(HUAFU, coordinatesOf(a)) - metresBetween(HUAFU, coordinatesOf(b)));
    expect(answer.stations.map((s) => s.id)).toEqual(nearest.slice(0, answer.stations.length).map((s) => s._id));
    const within = nearest.filter((s) => metresBetween(HUAFU, coordinatesOf(s)) <= 5000);
    expect(answer.stations).toHaveLength(Math.min(20, within.length));
    expect(answer.hasMore).toBe(within.length > 20);
  });

  it('pages by 20 with hasMore, nearest first across pages, until every station of the district was listed once', async () => {
    const { pages } = await allPages('nearby', { ...HUAFU, maxDistance: 50000 });
    expect(pages.map((p) => [p.page, p.stations.length, p.hasMore])).toEqual([
      [0, 20, true],
      [1, 20, true],
      [2, 1, false],
    ]);
    const listed = pages.flatMap((p) => p.stations);
    expect(new Set(listed.map((s) => s.id)).size).toBe(41);
    expect(listed.map((s) => s.id).sort()).toEqual(stations.map((s) => s._id).sort());
    expectAscending(listed.map((s) => s.distance!));
    // A page past the end is empty, not an error.
    expect(await backend.data('station', 'nearby', { ...HUAFU, maxDistance: 50000, page: 3 })).toEqual({ stations: [], page: 3, hasMore: false });
  });

  it('shows what a card needs and nothing private', async () => {
    const [first] = (await backend.data('station', 'nearby', HUAFU)).stations;
    expect(Object.keys(first).sort()).toEqual(['address', 'code', 'distance', 'hours', 'id', 'kind', 'location', 'name', 'nextReceptionDate', 'street'].sort());
    expect(first.nextReceptionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says null, never nothing, when a station has no reception day in the next 60 days', async () => {
    // Far from the demo district (Beijing), so no other test's list or count meets it.
    const quiet = {
      _id: 'st-test-quiet',
      code: 'TEST-QUIET',
      name: '无接待日测试站',
      kind: 'community',
      district: '测试区',
      street: '测试街道',
      community: '测试社区',
      address: '测试路 9 号',
      location: new backend.db.Geo.Point(116.4, 39.9),
      phone: '010-88880000',
      hours: [],
      officerIds: [],
      rules: [],
      createdAt: new Date(),
    };
    await backend.db.collection('stations').add(quiet);
    try {
      const { stations: near } = await backend.data('station', 'nearby', { latitude: 39.9, longitude: 116.4, maxDistance: 100 });
      expect(near).toEqual([expect.objectContaining({ id: quiet._id, nextReceptionDate: null })]);
      const detail = await backend.data('station', 'get', { id: quiet._id });
      expect(detail).toMatchObject({ nextReceptionDate: null, receptions: [] });
    } finally {
      await backend.db.collection('stations').doc(quiet._id).remove();
    }
  });

  it.each([
    ['latitude as a string', { latitude: '22.55', longitude: 114.07 }, 'latitude'],
    ['latitude out of range', { latitude: 91, longitude: 114.07 }, 'latitude'],
    ['no longitude', { latitude: 22.55 }, 'longitude'],
    ['an operator for a number', { latitude: { $gt: 0 }, longitude: 114.07 }, 'latitude'],
    ['too small a range', { ...HUAFU, maxDistance: 50 }, 'maxDistance'],
    ['too large a range', { ...HUAFU, maxDistance: 50001 }, 'maxDistance'],
    ['a negative page', { ...HUAFU, page: -1 }, 'page'],
    ['a fractional page', { ...HUAFU, page: 1.5 }, 'page'],
    ['an unknown field', { ...HUAFU, openid: 'o-someone' }, 'openid'],
  ])('refuses %s with INVALID_INPUT on its field', async (_what, input, field) => {
    const { status, body } = await backend.callRaw('station', { action: 'nearby', ...input });
    expect(status).toBe(200);
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });
});

describe('station.search', () => {
  it('finds stations by name, without a position in code order and without distance', async () => {
    const answer = await backend.data('station', 'search', { query: '莲花北' });
    const expected = inCodeOrder(matching('莲花北')).map((s) => s.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.stations.map((s) => s.code)).toEqual(expected);
    expect(answer.stations.every((s) => s.distance === undefined)).toBe(true);
    expect(answer).toMatchObject({ page: 0, hasMore: false });
  });

  it('finds a station by a part of its address', async () => {
    const answer = await backend.data('station', 'search', { query: '泰然九路' });
    expect(answer.stations.map((s) => s.id)).toEqual(['st-ft-hy-kj']);
  });

  it('finds every station of a street by the street name', async () => {
    const answer = await backend.data('station', 'search', { query: '华富街道' });
    const ids = answer.stations.map((s) => s.id);
    expect(ids).toEqual(inCodeOrder(matching('华富街道')).map((s) => s._id));
    const ofStreet = stations.filter((s) => s.street === '华富街道').map((s) => s._id);
    expect(ids).toEqual(expect.arrayContaining(ofStreet));
  });

  it('with a position, answers the same matches nearest first with their distance', async () => {
    const answer = await backend.data('station', 'search', { query: '华富街道', ...HUAFU });
    expect(answer.stations.map((s) => s.id).sort()).toEqual(
      matching('华富街道')
        .map((s) => s._id)
        .sort(),
    );
    expect(answer.stations[0]).toMatchObject({ id: 'st-ft-hf', distance: 0 });
    expectAscending(answer.stations.map((s) => s.distance!));
    for (const station of answer.stations) {
      expect(Math.abs(station.distance! - metresBetween(HUAFU, station.location.coordinates))).toBeLessThanOrEqual(closeEnough(station.distance!));
    }
  });

  it('trims the words typed around the query', async () => {
    expect(await backend.data('station', 'search', { query: '  泰然九路 ' })).toEqual(await backend.data('station', 'search', { query: '泰然九路' }));
  });

  it.each([
    ['without a position', {}],
    ['with a position', HUAFU],
  ])('pages by 20 with hasMore %s, every match once', async (_how, position) => {
    const { pages } = await allPages('search', { query: '福田区', ...position });
    const expected = matching('福田区');
    expect(expected).toHaveLength(41);
    expect(pages.map((p) => [p.page, p.stations.length, p.hasMore])).toEqual([
      [0, 20, true],
      [1, 20, true],
      [2, 1, false],
    ]);
    const listed = pages.flatMap((p) => p.stations);
    expect(listed.map((s) => s.id).sort()).toEqual(expected.map((s) => s._id).sort());
    if ('latitude' in position) expectAscending(listed.map((s) => s.distance!));
    else expect(listed.map((s) => s.id)).toEqual(inCodeOrder(expected).map((s) => s._id));
  });

  it.each(['(.*)', '.*', '.', '[', '\\', '^福田', '福田区$', 'a|b', '莲花+', '?', '{1}'])(
    'treats %p as text, not as a pattern: it finds nothing and does not fail',
    async (query) => {
      for (const position of [{}, HUAFU]) {
        const answer = await backend.call('station', 'search', { query, ...position });
        expect(answer).toEqual({ ok: true, data: { stations: [], page: 0, hasMore: false } });
      }
    },
  );

  it.each([
    ['an empty query', { query: '' }, 'query'],
    ['only spaces', { query: '   ' }, 'query'],
    ['no query', {}, 'query'],
    ['a query of 31 characters', { query: '华'.repeat(31) }, 'query'],
    ['a pattern object for the query', { query: { $regex: '.*' } }, 'query'],
    ['a latitude without a longitude', { query: '华富', latitude: 22.55 }, 'longitude'],
    ['a longitude without a latitude', { query: '华富', longitude: 114.07 }, 'latitude'],
    ['a latitude out of range', { query: '华富', latitude: -91, longitude: 114.07 }, 'latitude'],
    ['a page as a string', { query: '华富', page: '1' }, 'page'],
  ])('refuses %s with INVALID_INPUT on its field', async (_what, input, field) => {
    const { body } = await backend.callRaw('station', { action: 'search', ...input });
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('accepts 30 characters', async () => {
    expect(await backend.call('station', 'search', { query: '华'.repeat(30) })).toMatchObject({ ok: true, data: { stations: [] } });
  });
});

describe('station.get', () => {
  it('answers the same station by id and by the code of its QR code, to anyone', async () => {
    const byId = await backend.data('station', 'get', { id: 'st-ft-hf' });
    const byCode = await backend.data('station', 'get', { code: 'FT-HF' }, 'o-some-resident');
    expect(byCode).toEqual(byId);
    expect(byId).toMatchObject({ id: 'st-ft-hf', code: 'FT-HF', name: '福田区华富街道人大代表联络站', kind: 'street', street: '华富街道', district: '福田区' });
    expect(byId.officers.map((o) => o.id)).toContain('sf-ft-hf');
    expect(byId.deputies.map((d) => d.id)).toContain('dp-001');
    expect(byId.receptions.length).toBeGreaterThan(0);
    expect(byId.nextReceptionDate).toBe(byId.receptions[0].date);
    expect(byId.figures).toEqual({
      period: { from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      received: 0,
      closed: 0,
      rated: 0,
      satisfied: 0,
      respondedInTime: 0,
      // Nobody recorded on a reception day yet (接待日登记).
      visitors: 0,
    });
    // Deputies' openids and private details stay on the server.
    expect(JSON.stringify(byId)).not.toMatch(/openid|odemo-/i);
  });

  it('finds a station by its code in any case, as the district office saves codes (ft-hf is FT-HF)', async () => {
    const upper = await backend.data('station', 'get', { code: 'FT-HF' });
    expect(await backend.data('station', 'get', { code: 'ft-hf' })).toEqual(upper);
    expect(await backend.data('station', 'get', { code: 'Ft-Hf' })).toEqual(upper);
  });

  it('refuses both an id and a code (which one would win is not for the caller to guess)', async () => {
    const { body } = await backend.callRaw('station', { action: 'get', id: 'st-ft-hf', code: 'FT-HF' });
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'code', message: '联络站编号和二维码只能提供其中一个' } });
    // Even when they name different stations: no silent precedence.
    expect((await backend.callRaw('station', { action: 'get', id: 'st-ft-hf', code: 'FT-LH' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['an unknown code', { code: 'FT-XX-99' }],
    ['an unknown id', { id: 'st-nowhere' }],
  ])('answers NOT_FOUND for %s', async (_what, input) => {
    expect(await backend.call('station', 'get', input)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个联络站，请确认二维码是否正确' } });
  });

  it.each([
    ['neither id nor code', {}, 'id'],
    ['a code with other characters', { code: 'FT HF' }, 'code'],
    ['an operator for the id', { id: { $ne: null } }, 'id'],
    ['a code longer than a scene', { code: 'F'.repeat(33) }, 'code'],
  ])('refuses %s with INVALID_INPUT', async (_what, input, field) => {
    const { body } = await backend.callRaw('station', { action: 'get', ...input });
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
  });

  it('answers UNKNOWN_ACTION for an action it does not have, or none at all', async () => {
    expect((await backend.callRaw('station', { action: 'delete', id: 'st-ft-hf' })).body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect((await backend.callRaw('station', { id: 'st-ft-hf' })).body).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
  });
});

function inCodeOrder(list: Station[]): Station[] {
  return [...list].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
