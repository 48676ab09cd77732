/**
 * 述职会 (a meeting where deputies report to their voters) published like a reception day: at
 * least 7 days ahead, no 约访 slots, followers told with a notice that says 述职会 and opens the
 * station page; never bookable. Days stored without a kind stay reception days.
 */
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import templates from '../../config/subscribe-templates.json';
import { DEMO_DEPUTY_ID, DEMO_OPENIDS } from '../../scripts/seed/demo-accounts';
import type { PublishReceptionInput } from '../../typings/workspace';
import { newOpenid, startBackend, type Backend } from './harness';

const { officer: OFFICER } = DEMO_OPENIDS;
const STATION = 'st-ft-hf';
const REMINDER = templates.templates.receptionReminder.id;

let backend: Backend;
let today: string;

beforeAll(async () => {
  backend = await startBackend({ functions: ['reception', 'station', 'subscription'] });
  today = shanghaiDate(new Date());
}, 120_000);
afterAll(() => backend?.close());

/** A date ahead with no reception at the station (the seed fills about two a month). */
async function freeDate(from: number): Promise<string> {
  for (let days = from; days < 90; days += 1) {
    const date = addDays(today, days);
    const { total } = await backend.db.collection('receptions').where({ stationId: STATION, date }).count();
    if (total === 0) return date;
  }
  throw new Error('no free date');
}

const meeting = (date: string, over: Partial<PublishReceptionInput> = {}): PublishReceptionInput => ({
  stationId: STATION,
  kind: 'report_meeting',
  date,
  start: '14:30',
  end: '16:30',
  deputyIds: [DEMO_DEPUTY_ID],
  slots: [],
  ...over,
});

it('refuses a 述职会 with slots, or less than 7 days ahead, writing nothing', async () => {
  const date = await freeDate(10);
  expect(await backend.call('reception', 'publish', meeting(date, { slots: [{ start: '14:30', end: '15:00', capacity: 2 }] }), OFFICER)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'slots', message: '述职会不设预约时段，请删除时段后再发布' },
  });
  expect(await backend.call('reception', 'publish', meeting(addDays(today, 6)), OFFICER)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date' } });
  expect(await backend.call('reception', 'publish', { ...meeting(date), kind: 'party' } as never, OFFICER)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'kind' },
  });
  expect((await backend.db.collection('receptions').where({ stationId: STATION, date }).count()).total).toBe(0);
});

it('publishes a 述职会, tells the followers that it is one, shows it on the station page and never offers it for booking', async () => {
  const follower = newOpenid('meeting-follower');
  await backend.data('reception', 'follow', { stationId: STATION, follow: true }, follower);
  await backend.data('subscription', 'record', { results: { [REMINDER]: 'accept' } }, follower);
  await backend.wx.grant(follower, REMINDER);

  const date = await freeDate(10);
  const published = await backend.data('reception', 'publish', meeting(date), OFFICER);
  expect(published).toMatchObject({ kind: 'report_meeting', date, slots: [] });

  const sent = await backend.wx.sent({ openid: follower });
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ template_id: REMINDER, page: `packages/station/detail/index?id=${STATION}` });
  const [y, m, d] = date.split('-').map(Number);
  const values = Object.values(sent[0].data).map((v) => v.value);
  expect(values[1]).toBe(`${y}年${m}月${d}日 14:30`);
  expect(values[3]).toBe('代表述职会已发布，欢迎到站参加');

  const station = await backend.data('station', 'get', { id: STATION });
  expect(station.receptions.find((r) => r.id === published.id)).toMatchObject({ kind: 'report_meeting', date });
  // Seeded days carry no kind: they are reception days.
  expect(station.receptions.filter((r) => r.id !== published.id).every((r) => r.kind === 'reception')).toBe(true);

  const { receptions } = await backend.data('reception', 'list', { stationId: STATION });
  expect(receptions.map((r) => r.id)).not.toContain(published.id);
  const schedule = await backend.data('reception', 'schedule', { stationId: STATION }, OFFICER);
  expect(schedule.receptions.find((r) => r.id === published.id)?.kind).toBe('report_meeting');
  expect(schedule.receptions.filter((r) => r.id !== published.id).every((r) => r.kind === 'reception')).toBe(true);

  // A retry of the same 述职会 answers it; a reception day on the same date is a different schedule.
  expect((await backend.data('reception', 'publish', meeting(date), OFFICER)).id).toBe(published.id);
  expect(await backend.call('reception', 'publish', meeting(date, { kind: 'reception' }), OFFICER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await backend.wx.sent({ openid: follower })).toHaveLength(1);
});

it('a reception day published without a kind is a reception day, as before', async () => {
  const date = await freeDate(10);
  const published = await backend.data('reception', 'publish', meeting(date, { kind: undefined, slots: [{ start: '14:30', end: '15:00', capacity: 2 }] }), OFFICER);
  expect(published.kind).toBe('reception');
  const { receptions } = await backend.data('reception', 'list', { stationId: STATION });
  expect(receptions.map((r) => r.id)).toContain(published.id);
});
