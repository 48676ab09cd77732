/**
 * `reception.followed`: 关注的联络站 on 我的 — the stations a resident follows, the latest
 * followed first, each named with its address and next reception day, through the function
 * host. Only the caller's own follows; a station since removed is left out; at most 20.
 */
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
let today: string;
/** Seeded stations in code order. */
let stationIds: string[];

beforeAll(async () => {
  backend = await startBackend({ functions: ['reception', 'station'] });
  today = shanghaiDate(new Date());
  const { data } = await backend.db.collection('stations').orderBy('code', 'asc').field({ _id: true }).limit(100).get();
  stationIds = (data as { _id: string }[]).map((s) => s._id);
}, 180_000);

afterAll(() => backend?.close());

const follow = (stationId: string, openid: string, yes = true) => backend.data('reception', 'follow', { stationId, follow: yes }, openid);
const followed = (openid: string) => backend.data('reception', 'followed', {}, openid);

/** A station of its own (no seeded reception days) with receptions on the given days. */
async function stationWithDays(label: string, dates: string[]): Promise<string> {
  const id = `st-test-${label}-${Math.random().toString(36).slice(2, 8)}`;
  await backend.db.collection('stations').add({
    _id: id,
    code: id.toUpperCase().slice(-12),
    name: `测试联络站${label}`,
    kind: 'community',
    district: '福田区',
    street: '华富街道',
    address: `华富路${label}号`,
    location: new backend.db.Geo.Point(114.0775, 22.5515),
    phone: '0755-00000000',
    hours: [],
    officerIds: [],
    rules: [],
    createdAt: new Date(),
  });
  for (const date of dates) {
    await backend.db.collection('receptions').add({
      _id: `rc-${id}-${date}`,
      stationId: id,
      date,
      start: '09:00',
      end: '11:00',
      deputyIds: [],
      officerId: '',
      slots: [],
      publishedAt: new Date(),
    });
  }
  return id;
}

describe('reception.followed', () => {
  it('is empty for a resident who follows nothing', async () => {
    expect(await followed(newOpenid())).toEqual({ stations: [] });
  });

  it('lists the stations followed, latest first, as the station page names them, with the same next reception day', async () => {
    const resident = newOpenid('followed');
    const [first, second] = stationIds;
    await follow(first, resident);
    await follow(second, resident);
    const { stations } = await followed(resident);
    expect(stations.map((s) => s.id)).toEqual([second, first]);
    for (const shown of stations) {
      const page = await backend.data('station', 'get', { id: shown.id }, resident);
      expect(shown).toEqual({ id: page.id, name: page.name, address: page.address, nextReceptionDate: page.nextReceptionDate });
    }

    await follow(second, resident, false);
    expect((await followed(resident)).stations.map((s) => s.id)).toEqual([first]);
    // Another resident's follows are theirs alone.
    expect((await followed(newOpenid())).stations).toEqual([]);
  });

  it('gives the first reception day from today on, or null when none is scheduled', async () => {
    const resident = newOpenid('next-day');
    const ahead = await stationWithDays('ahead', [addDays(today, -3), addDays(today, 12), addDays(today, 5)]);
    const todayToo = await stationWithDays('today', [addDays(today, -1), today]);
    const none = await stationWithDays('none', [addDays(today, -10)]);
    for (const id of [ahead, todayToo, none]) await follow(id, resident);
    const { stations } = await followed(resident);
    expect(stations).toEqual([
      { id: none, name: '测试联络站none', address: '华富路none号', nextReceptionDate: null },
      { id: todayToo, name: '测试联络站today', address: '华富路today号', nextReceptionDate: today },
      { id: ahead, name: '测试联络站ahead', address: '华富路ahead号', nextReceptionDate: addDays(today, 5) },
    ]);
  });

  it('leaves out a station removed since it was followed', async () => {
    const resident = newOpenid('removed');
    const gone = await stationWithDays('gone', []);
    await follow(stationIds[2], resident);
    await follow(gone, resident);
    await backend.db.collection('stations').doc(gone).remove();
    expect((await followed(resident)).stations.map((s) => s.id)).toEqual([stationIds[2]]);
  });

  it('lists at most 20: the latest followed', async () => {
    const resident = newOpenid('many');
    const many = stationIds.slice(0, 21);
    expect(many).toHaveLength(21);
    for (const id of many) await follow(id, resident);
    const { stations } = await followed(resident);
    expect(stations.map((s) => s.id)).toEqual(many.slice(1).reverse());
  });

  it('refuses any input field with a Chinese message and a stable code', async () => {
    expect(await backend.call('reception', 'followed', { page: 1 } as never, newOpenid())).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '不认识的字段 page', field: 'page' },
    });
  });

  it('is for residents: a work role is refused, and a caller WeChat did not name is unauthenticated', async () => {
    expect(await backend.call('reception', 'followed', {}, 'odemo-officer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('reception', 'followed', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
