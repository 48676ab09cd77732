/**
 * The reception workspace end to end: officers publish reception days, read their schedule and
 * show the day's presence code, deputies check in at the station with it, residents follow a
 * station and hear of new days — the `reception` bundle on the local function host, the real
 * SDK, the seeded emulator.
 */
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import { toGeoPoint } from '../../backend/data/documents';
import { receptionIdFor } from '../../backend/domain/reception';
import templates from '../../config/subscribe-templates.json';
import { DEMO_DEPUTY_ID, DEMO_OFFICER_STAFF_ID, DEMO_OPENIDS } from '../../scripts/seed/demo-accounts';
import type { Reception, Station } from '../../typings/models';
import type { CheckInInput, PresenceCodeOutput, PublishReceptionInput } from '../../typings/workspace';
import { readQrDataUrl } from '../support/qr-read';
import { newOpenid, startBackend, type Backend } from './harness';

const { officer: OFFICER, deputy: DEPUTY, resident: RESIDENT } = DEMO_OPENIDS;
const REMINDER = templates.templates.receptionReminder.id;

let backend: Backend;
let today: string;
let officerStations: string[];
const suiteStart = new Date();

beforeAll(async () => {
  backend = await startBackend({ functions: ['reception', 'subscription', 'user'] });
  today = shanghaiDate(new Date());
  const { data } = await backend.db.collection('staff').doc(DEMO_OFFICER_STAFF_ID).get();
  officerStations = data[0].stationIds;
}, 120_000);
afterAll(() => backend?.close());

const receptionsAt = async (stationId: string, date: string): Promise<Reception[]> =>
  (await backend.db.collection('receptions').where({ stationId, date }).get()).data as Reception[];

const station = async (id: string): Promise<Station> => {
  const doc = (await backend.db.collection('stations').doc(id).get()).data[0];
  return { ...doc, location: toGeoPoint(doc.location) } as Station;
};

/** Deputies stationed at a station, by id. */
const rosterOf = async (stationId: string): Promise<string[]> =>
  (await backend.db.collection('deputies').where({ stationIds: stationId }).orderBy('_id', 'asc').get()).data.map((d: { _id: string }) => d._id);

/** A date at least `from` days ahead with no reception at the station (the seed fills about two a month). */
const dates = new Set<string>();
async function freeDate(stationId: string, from = 10): Promise<string> {
  for (let days = from; days < 90; days += 1) {
    const date = addDays(today, days);
    if (dates.has(`${stationId}|${date}`)) continue;
    if ((await receptionsAt(stationId, date)).length === 0) {
      dates.add(`${stationId}|${date}`);
      return date;
    }
  }
  throw new Error(`no free date at ${stationId}`);
}

const dayAt = (stationId: string, date: string, over: Partial<PublishReceptionInput> = {}): PublishReceptionInput => ({
  stationId,
  date,
  start: '09:00',
  end: '10:30',
  deputyIds: [DEMO_DEPUTY_ID],
  slots: [
    { start: '09:00', end: '09:30', capacity: 2 },
    { start: '09:30', end: '10:00', capacity: 3 },
  ],
  ...over,
});

describe('schedule: the officer’s stations’ reception days', () => {
  it('shows the seeded receptions of odemo-officer’s stations, the past week to 60 days ahead, and no one else’s', async () => {
    const answer = await backend.data('reception', 'schedule', {}, OFFICER);
    const from = addDays(today, -7);
    const to = addDays(today, 60);
    const { data } = await backend.db
      .collection('receptions')
      .where({ date: backend.db.command.gte(from).and(backend.db.command.lte(to)) })
      .limit(1000)
      .get();
    const mine = (data as Reception[]).filter((r) => officerStations.includes(r.stationId));
    const others = (data as Reception[]).filter((r) => !officerStations.includes(r.stationId));
    expect(mine.length).toBeGreaterThan(3);
    expect(others.length).toBeGreaterThan(0); // the district has other stations' days: they must not show
    expect(answer.receptions.map((r) => r.id).sort()).toEqual(mine.map((r) => r._id).sort());
    expect(answer.earliestDate).toBe(addDays(today, 7));
    const dates = answer.receptions.map((r) => r.date);
    expect([...dates].sort()).toEqual(dates);
    const first = answer.receptions[0];
    const stored = mine.find((r) => r._id === first.id)!;
    expect(first).toMatchObject({
      stationId: stored.stationId,
      stationName: (await station(stored.stationId)).name,
      start: stored.start,
      end: stored.end,
      slots: stored.slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity, booked: s.booked })),
      bookings: 0,
    });
    expect(first.deputies.map((d) => d.id)).toEqual(stored.deputyIds);
    expect(first.deputies.every((d) => d.name.length > 0 && d.checkedIn === false)).toBe(true);
  });

  it('narrows to one of the officer’s stations, and refuses a station of someone else', async () => {
    const one = await backend.data('reception', 'schedule', { stationId: 'st-ft-hf' }, OFFICER);
    expect(one.receptions.length).toBeGreaterThan(0);
    expect(one.receptions.every((r) => r.stationId === 'st-ft-hf')).toBe(true);
    const elsewhere = (
      await backend.db
        .collection('stations')
        .where({ _id: backend.db.command.nin(officerStations) })
        .limit(1)
        .get()
    ).data[0]._id;
    expect(await backend.call('reception', 'schedule', { stationId: elsewhere }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([RESIDENT, DEPUTY])('is for officers only (%s: FORBIDDEN)', async (openid) => {
    expect(await backend.call('reception', 'schedule', {}, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('publish: a new reception day', () => {
  it('publishes a day a week or more ahead, and residents can book it', async () => {
    const date = await freeDate('st-ft-hf');
    const published = await backend.data('reception', 'publish', dayAt('st-ft-hf', date), OFFICER);
    expect(published).toMatchObject({
      id: receptionIdFor('st-ft-hf', date),
      stationId: 'st-ft-hf',
      date,
      start: '09:00',
      end: '10:30',
      deputies: [{ id: DEMO_DEPUTY_ID, name: expect.any(String), checkedIn: false }],
      slots: [
        { start: '09:00', end: '09:30', capacity: 2, booked: 0 },
        { start: '09:30', end: '10:00', capacity: 3, booked: 0 },
      ],
      bookings: 0,
    });
    const stored = (await receptionsAt('st-ft-hf', date))[0];
    expect(stored).toMatchObject({ officerId: DEMO_OFFICER_STAFF_ID, deputyIds: [DEMO_DEPUTY_ID] });

    const listed = await backend.data('reception', 'list', { stationId: 'st-ft-hf' }, RESIDENT);
    expect(listed.receptions.find((r) => r.id === published.id)).toMatchObject({ date, slots: [{ remaining: 2 }, { remaining: 3 }] });
    const booking = await backend.data('reception', 'book', { requestId: `req-ws-${Date.now()}`, receptionId: published.id, slotIndex: 1, topic: '小区停车' }, RESIDENT);
    expect(booking.start).toBe('09:30');
    const scheduled = (await backend.data('reception', 'schedule', { stationId: 'st-ft-hf' }, OFFICER)).receptions.find((r) => r.id === published.id);
    expect(scheduled).toMatchObject({ bookings: 1, slots: [{ booked: 0 }, { booked: 1 }] });
  });

  it('stores slots in order of their start, however they were sent', async () => {
    const date = await freeDate('st-ft-hf');
    const slots = [
      { start: '10:00', end: '10:30', capacity: 1 },
      { start: '09:00', end: '09:30', capacity: 4 },
    ];
    const published = await backend.data('reception', 'publish', dayAt('st-ft-hf', date, { slots }), OFFICER);
    expect(published.slots.map((s) => s.start)).toEqual(['09:00', '10:00']);
  });

  it('refuses a day less than 7 days ahead, naming the earliest', async () => {
    const answer = await backend.call('reception', 'publish', dayAt('st-ft-hf', addDays(today, 6)), OFFICER);
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'date', message: `接待日须至少提前 7 天公布，最早可选 ${addDays(today, 7)}` } });
  });

  it('refuses a deputy who does not serve the station', async () => {
    const here = new Set(await rosterOf('st-ft-hf'));
    const { data } = await backend.db.collection('deputies').limit(200).get();
    const stranger = (data as { _id: string }[]).find((d) => !here.has(d._id))!._id;
    const answer = await backend.call('reception', 'publish', dayAt('st-ft-hf', await freeDate('st-ft-hf'), { deputyIds: [DEMO_DEPUTY_ID, stranger] }), OFFICER);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'deputyIds.1', message: '所选代表不是本联络站的驻站代表，请重新选择' } });
  });

  it('refuses overlapping slots and writes nothing', async () => {
    const date = await freeDate('st-ft-hf');
    const slots = [
      { start: '09:00', end: '09:45', capacity: 2 },
      { start: '09:30', end: '10:00', capacity: 2 },
    ];
    const answer = await backend.call('reception', 'publish', dayAt('st-ft-hf', date, { slots }), OFFICER);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'slots.1', message: '时段与 09:00–09:45 重叠，请调整' } });
    expect(await receptionsAt('st-ft-hf', date)).toEqual([]);
  });

  it('refuses a second reception day at the same station on the same date, seeded or published', async () => {
    const date = await freeDate('st-ft-hf');
    await backend.data('reception', 'publish', dayAt('st-ft-hf', date), OFFICER);
    const again = await backend.call('reception', 'publish', dayAt('st-ft-hf', date, { start: '14:00', end: '15:00', slots: [] }), OFFICER);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await receptionsAt('st-ft-hf', date)).toHaveLength(1);

    const _ = backend.db.command;
    const { data } = await backend.db
      .collection('receptions')
      .where({ stationId: 'st-ft-hf', date: _.gte(addDays(today, 8)), publishedAt: _.lt(suiteStart) })
      .orderBy('date', 'asc')
      .limit(1)
      .get();
    const seeded = data[0] as Reception;
    const onSeeded = await backend.call('reception', 'publish', dayAt('st-ft-hf', seeded.date), OFFICER);
    expect(onSeeded).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('of two officers’ publishes of the same day at once, exactly one wins', async () => {
    const date = await freeDate('st-ft-hf');
    const answers = await Promise.all([
      backend.call('reception', 'publish', dayAt('st-ft-hf', date), OFFICER),
      backend.call('reception', 'publish', dayAt('st-ft-hf', date, { start: '14:00', end: '15:00', slots: [] }), OFFICER),
      backend.call('reception', 'publish', dayAt('st-ft-hf', date, { start: '15:00', end: '16:00', slots: [] }), OFFICER),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const stored = await receptionsAt('st-ft-hf', date);
    expect(stored).toHaveLength(1);
    const winner = answers.find((a) => a.ok);
    expect(winner?.ok && winner.data.start).toBe(stored[0].start);
  });

  it('a retried publish (the same schedule) answers the stored day and queues no second notice', async () => {
    const stationId = 'st-ft-hf';
    const follower = newOpenid('retry-follower');
    await backend.data('reception', 'follow', { stationId, follow: true }, follower);
    const date = await freeDate(stationId);
    const [a, b] = await Promise.all([
      backend.data('reception', 'publish', dayAt(stationId, date), OFFICER),
      backend.data('reception', 'publish', dayAt(stationId, date), OFFICER),
    ]);
    const c = await backend.data('reception', 'publish', dayAt(stationId, date), OFFICER);
    expect(new Set([a.id, b.id, c.id])).toEqual(new Set([receptionIdFor(stationId, date)]));
    expect(await receptionsAt(stationId, date)).toHaveLength(1);
    const { total } = await backend.db.collection('notifications').where({ openid: follower }).count();
    expect(total).toBe(1);

    // As if the first attempt had died after storing the day and before queueing its notice: the retry queues it.
    await backend.db.collection('receptions').doc(a.id).update({ followersToldAt: backend.db.command.remove() });
    await backend.db.collection('notifications').where({ openid: follower }).remove();
    await backend.data('reception', 'publish', dayAt(stationId, date), OFFICER);
    const requeued = (await backend.db.collection('notifications').where({ openid: follower }).get()).data;
    expect(requeued.map((n: { _id: string }) => n._id)).toEqual([`${a.id}:${follower}:receptionPublished`]);
  });

  it.each([
    ['a resident', RESIDENT],
    ['a deputy', DEPUTY],
  ])('%s may not publish', async (_name, openid) => {
    const date = await freeDate('st-ft-hf');
    expect(await backend.call('reception', 'publish', dayAt('st-ft-hf', date), openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await receptionsAt('st-ft-hf', date)).toEqual([]);
  });

  it('an officer may not publish for a station they do not staff', async () => {
    const { data } = await backend.db
      .collection('stations')
      .where({ _id: backend.db.command.nin(officerStations), kind: 'street' })
      .limit(1)
      .get();
    const elsewhere = data[0]._id as string;
    const [deputy] = await rosterOf(elsewhere);
    const date = await freeDate(elsewhere);
    const answer = await backend.call('reception', 'publish', dayAt(elsewhere, date, { deputyIds: [deputy] }), OFFICER);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您只能管理自己负责的联络站的接待日' } });
    expect(await receptionsAt(elsewhere, date)).toEqual([]);
  });
});

describe('followers hear of a new reception day', () => {
  it('a follower with a receptionReminder grant gets one push; one without a grant, or who unfollowed, gets nothing', async () => {
    // A community station of the officer's, followed by nobody else in this suite.
    const stationId = officerStations.find((id) => id !== 'st-ft-hf')!;
    const granted = newOpenid('granted');
    const ungranted = newOpenid('ungranted');
    const leaver = newOpenid('leaver');
    for (const openid of [granted, ungranted, leaver]) {
      expect(await backend.data('reception', 'follow', { stationId, follow: true }, openid)).toEqual({ stationId, following: true });
    }
    await backend.data('reception', 'follow', { stationId, follow: true }, granted); // twice is once
    expect(await backend.data('reception', 'follow', { stationId, follow: false }, leaver)).toEqual({ stationId, following: false });
    // What the station page's 关注 button shows.
    expect(await backend.data('reception', 'following', { stationId }, granted)).toEqual({ stationId, following: true });
    expect(await backend.data('reception', 'following', { stationId }, leaver)).toEqual({ stationId, following: false });
    for (const openid of [granted, leaver]) {
      await backend.data('subscription', 'record', { results: { [REMINDER]: 'accept' } }, openid);
      await backend.wx.grant(openid, REMINDER);
    }

    const [deputy] = await rosterOf(stationId);
    const date = await freeDate(stationId);
    const published = await backend.data('reception', 'publish', dayAt(stationId, date, { deputyIds: [deputy] }), OFFICER);

    const sent = await backend.wx.sent({ openid: granted });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: REMINDER, page: `packages/station/booking/index?stationId=${stationId}` });
    const [y, m, d] = date.split('-').map(Number);
    expect(Object.values(sent[0].data).map((v) => v.value)).toEqual([
      (await station(stationId)).name.slice(0, 20),
      `${y}年${m}月${d}日 09:00`,
      published.deputies[0].name,
      '新的接待日已发布，可在小程序预约',
    ]);
    expect(await backend.wx.sent({ openid: ungranted })).toEqual([]);
    expect(await backend.wx.sent({ openid: leaver })).toEqual([]);

    const notices = (
      await backend.db
        .collection('notifications')
        .where({ _id: backend.db.command.in([granted, ungranted, leaver].map((o) => `${published.id}:${o}:receptionPublished`)) })
        .get()
    ).data;
    expect(notices.map((n: { openid: string; state: string }) => [n.openid, n.state]).sort()).toEqual(
      [
        [granted, 'sent'],
        [ungranted, 'skipped_no_grant'],
      ].sort(),
    );
    const follows = await backend.db.collection('follows').where({ stationId }).count();
    expect(follows.total).toBe(2);
  });

  it('following needs a station that exists and a resident', async () => {
    expect(await backend.call('reception', 'follow', { stationId: 'st-nowhere', follow: true }, newOpenid())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('reception', 'follow', { stationId: 'st-ft-hf', follow: true }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('reception', 'follow', { stationId: 'st-ft-hf', follow: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('checkIn: a deputy at the station during their reception, with the officer’s presence code', () => {
  const HOUR_MS = 60 * 60 * 1000;
  /** 'HH:mm' on Beijing's wall clock, written here rather than taken from the back end. */
  const beijingHHMM = (at: Date) => new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(11, 16);
  const minutesToday = () => {
    const [h, m] = beijingHHMM(new Date()).split(':').map(Number);
    return h * 60 + m;
  };
  const WRONG_CODE = { ok: false, error: { code: 'INVALID_INPUT', field: 'presenceCode', message: '签到码不正确或已过期，请扫描联络员手机上正在显示的签到码' } };

  beforeAll(async () => {
    // The functions read the real clock: a reception "around now" must fit in one Beijing day.
    const left = 24 * 60 - minutesToday();
    if (left <= 5) await new Promise((resolve) => setTimeout(resolve, left * 60_000 + 5_000));
    today = shanghaiDate(new Date());
  }, 400_000);

  /** An hour either side of now, inside today. */
  const aroundNow = () => {
    const now = Date.now();
    return {
      start: shanghaiDate(new Date(now - HOUR_MS)) === today ? beijingHHMM(new Date(now - HOUR_MS)) : '00:00',
      end: shanghaiDate(new Date(now + HOUR_MS)) === today ? beijingHHMM(new Date(now + HOUR_MS)) : '23:59',
    };
  };

  /** Replaces whatever the station has today with one reception of these deputies (its own id per test, so no check-in carries over). */
  async function receptionToday(stationId: string, deputyIds: string[], tag: string, hours = aroundNow()): Promise<Reception> {
    await backend.db.collection('receptions').where({ stationId, date: today }).remove();
    const reception: Reception = {
      _id: `${receptionIdFor(stationId, today)}-${tag}`,
      stationId,
      date: today,
      ...hours,
      deputyIds,
      officerId: DEMO_OFFICER_STAFF_ID,
      slots: [],
      publishedAt: new Date(Date.now() - 8 * 86_400_000),
    };
    await backend.db.collection('receptions').add(reception);
    return reception;
  }

  /** The station's position moved north by `degrees` of latitude (0.001° ≈ 111 m). */
  const near = async (stationId: string, degrees: number) => {
    const [longitude, latitude] = (await station(stationId)).location.coordinates;
    return { latitude: latitude + degrees, longitude };
  };

  /** What the deputy's camera reads off the officer's phone: the QR code, decoded independently. */
  async function scanOfficerPhone(receptionId: string): Promise<{ shown: PresenceCodeOutput; code: string; presenceCode: string }> {
    const shown = await backend.data('reception', 'presenceCode', { receptionId }, OFFICER);
    const read = readQrDataUrl(shown.qrImage);
    const match = /^LLZ-CHECKIN:([A-Z0-9-]+):(\d{6})$/.exec(read ?? '');
    if (!match) throw new Error(`the officer's QR code reads ${JSON.stringify(read)}`);
    return { shown, code: match[1], presenceCode: match[2] };
  }

  const checkinsOf = async (receptionId: string) => (await backend.db.collection('checkins').where({ receptionId }).count()).total;
  const checkIn = (input: CheckInInput, openid: string = DEPUTY) => backend.call('reception', 'checkIn', input, openid);

  it('the officer’s phone shows a 6-digit code and its QR code, new every 30 seconds; the secret stays on the server', async () => {
    const reception = await receptionToday('st-ft-hf', [DEMO_DEPUTY_ID], 'shown');
    const { shown, code, presenceCode } = await scanOfficerPhone(reception._id);
    const { code: doorCode, name } = await station('st-ft-hf');
    expect(shown).toMatchObject({ receptionId: reception._id, stationName: name, date: today, periodSeconds: 30 });
    expect(shown.code).toMatch(/^\d{6}$/);
    expect([code, presenceCode]).toEqual([doorCode, shown.code]);
    expect(shown.payload).toBe(`LLZ-CHECKIN:${doorCode}:${shown.code}`);
    const left = Date.parse(shown.expiresAt) - Date.parse(shown.issuedAt);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(30_000);
    expect(Date.parse(shown.expiresAt) % 30_000).toBe(0);
    // Check-in opens 30 minutes before the start (config/checkin.json) and closes at the end.
    const [h, m] = reception.start.split(':').map(Number);
    const opens = Math.max(0, h * 60 + m - 30);
    expect(shown.checkInOpens).toBe(`${String(Math.floor(opens / 60)).padStart(2, '0')}:${String(opens % 60).padStart(2, '0')}`);
    expect(shown.checkInCloses).toBe(reception.end);

    const stored = (await backend.db.collection('presence_secrets').doc(reception._id).get()).data;
    expect(stored).toHaveLength(1);
    expect(stored[0].secret.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(shown)).not.toContain(stored[0].secret);
    // Asked again, the same secret: one per reception.
    await backend.data('reception', 'presenceCode', { receptionId: reception._id }, OFFICER);
    expect((await backend.db.collection('presence_secrets').where({ _id: reception._id }).count()).total).toBe(1);
  });

  it('records a check-in once: too far is refused with the distance; the second scan answers already; the duty record says how it was proven', async () => {
    const reception = await receptionToday('st-ft-hf', [DEMO_DEPUTY_ID], 'once');
    const scanned = await scanOfficerPhone(reception._id);
    const proof = { code: scanned.code, presenceCode: scanned.presenceCode };

    const far = await checkIn({ ...proof, ...(await near('st-ft-hf', 0.011)) });
    expect(far).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'location', message: '您距离联络站约 1.2 公里，请到站后签到' } });
    expect(await checkinsOf(reception._id)).toBe(0);

    const first = await backend.data('reception', 'checkIn', { ...proof, ...(await near('st-ft-hf', 0.001)) }, DEPUTY);
    expect(first).toMatchObject({ receptionId: reception._id, stationName: (await station('st-ft-hf')).name, date: today, already: false, proof: 'presence-code+location' });
    expect(first.distance).toBeGreaterThanOrEqual(110);
    expect(first.distance).toBeLessThanOrEqual(112);
    const stored = (await backend.db.collection('checkins').doc(`${reception._id}:${DEMO_DEPUTY_ID}`).get()).data[0];
    expect(stored).toEqual({
      _id: `${reception._id}:${DEMO_DEPUTY_ID}`,
      receptionId: reception._id,
      stationId: 'st-ft-hf',
      deputyId: DEMO_DEPUTY_ID,
      date: today,
      at: new Date(first.checkedInAt),
      distance: first.distance,
      proof: 'presence-code+location',
    });

    const second = await backend.data('reception', 'checkIn', { ...proof, ...(await near('st-ft-hf', 0.002)) }, DEPUTY);
    expect(second).toEqual({ ...first, already: true });
    const fromAfar = await backend.data('reception', 'checkIn', { ...proof, ...(await near('st-ft-hf', 0.05)) }, DEPUTY);
    expect(fromAfar).toEqual({ ...first, already: true });
    // The door code in lower case (typed by hand, or a lower-case print) is the same station.
    expect(await backend.data('reception', 'checkIn', { ...proof, code: proof.code.toLowerCase(), ...(await near('st-ft-hf', 0.001)) }, DEPUTY)).toEqual({
      ...first,
      already: true,
    });
    expect(await checkinsOf(reception._id)).toBe(1);

    const scheduled = (await backend.data('reception', 'schedule', { stationId: 'st-ft-hf' }, OFFICER)).receptions.find((r) => r.id === reception._id);
    expect(scheduled?.deputies).toEqual([{ id: DEMO_DEPUTY_ID, name: expect.any(String), checkedIn: true }]);

    const duty = await backend.data('user', 'duty', {}, DEPUTY);
    const entry = duty.recent.find((e) => e.kind === 'receptions' && e.at === first.checkedInAt);
    expect(entry).toMatchObject({ text: `在${(await station('st-ft-hf')).name}接待日签到`, proof: 'presence-code+location' });
  });

  it('a check-in stored before presence codes reads as proven by position only, and still counts', async () => {
    const stationId = officerStations.filter((id) => id !== 'st-ft-hf')[2];
    const date = addDays(today, -3);
    await backend.db.collection('checkins').add({
      _id: `rc-legacy-${date}:${DEMO_DEPUTY_ID}`,
      receptionId: `rc-legacy-${date}`,
      stationId,
      deputyId: DEMO_DEPUTY_ID,
      date,
      at: new Date(Date.now() - 3 * 86_400_000),
      distance: 40,
    });
    if (date.slice(0, 4) !== today.slice(0, 4)) return; // early January: that day is in last year's record
    const duty = await backend.data('user', 'duty', {}, DEPUTY);
    expect(duty.recent.filter((e) => e.kind === 'receptions' && e.proof === 'location')).toEqual([
      { at: expect.any(String), kind: 'receptions', text: `在${(await station(stationId)).name}接待日签到`, proof: 'location' },
    ]);
  });

  it('ATTACK: the public door code and a position spoofed to the door, without the officer’s code, record nothing', async () => {
    const reception = await receptionToday('st-ft-hf', [DEMO_DEPUTY_ID], 'spoofed');
    const { code } = await station('st-ft-hf');
    const atTheDoor = await near('st-ft-hf', 0);
    // An older mini-program, or a script: the door code and a position only.
    expect(await backend.callRaw('reception', { action: 'checkIn', code, ...atTheDoor }, DEPUTY)).toMatchObject({
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'presenceCode', message: '签到需要联络员手机上的签到码，请扫描它，或输入 6 位签到码' } },
    });
    // Guessing: a code that is not the one on the officer's phone (which is shown here, so the guess is surely wrong).
    const shown = await backend.data('reception', 'presenceCode', { receptionId: reception._id }, OFFICER);
    const guess = String((Number(shown.code) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await checkIn({ code, presenceCode: guess, ...atTheDoor })).toEqual(WRONG_CODE);
    expect(await checkinsOf(reception._id)).toBe(0);
  });

  it('ATTACK: another reception’s code (another station’s officer’s phone) does not check in here', async () => {
    const here = await receptionToday('st-ft-hf', [DEMO_DEPUTY_ID], 'mine');
    const otherStation = officerStations.filter((id) => id !== 'st-ft-hf')[2];
    const there = await receptionToday(otherStation, [DEMO_DEPUTY_ID], 'other');
    const elsewhere = await scanOfficerPhone(there._id);
    const { code } = await station('st-ft-hf');
    // The other station's code, with this station's door code, at this station's door.
    expect(await checkIn({ code, presenceCode: elsewhere.presenceCode, ...(await near('st-ft-hf', 0)) })).toEqual(WRONG_CODE);
    // This station's reception never had a code shown: no secret, no code can match.
    expect((await backend.db.collection('presence_secrets').where({ _id: here._id }).count()).total).toBe(0);
    expect(await checkinsOf(here._id)).toBe(0);
  });

  it('ATTACK: after the reception’s hours (as at 23:00 on the day) even the right code is refused; before them it says when check-in opens', async () => {
    const { code } = await station('st-ft-hf');
    const now = minutesToday();
    const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    let tried = 0;
    if (now >= 3) {
      // Over: from midnight until two minutes ago.
      const end = hhmm(now - 2);
      const over = await receptionToday('st-ft-hf', [DEMO_DEPUTY_ID], 'over', { start: '00:00', end });
      const { presenceCode } = await scanOfficerPhone(over._id);
      const before = await backend.db.collection('checkins').count();
      expect(await checkIn({ code, presenceCode, ...(await near('st-ft-hf', 0)) })).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: `今天的接待已于 ${end} 结束，不能再签到；如确实参加了接待，请联系联络员说明` },
      });
      expect((await backend.db.collection('checkins').count()).total).toBe(before.total);
      tried += 1;
    }
    if (now + 120 < 24 * 60) {
      // Early: starting in two hours, so check-in opens in an hour and a half.
      const [start, end] = [hhmm(now + 120), hhmm(Math.min(now + 180, 24 * 60 - 1))];
      const early = await receptionToday('st-ft-hf', [DEMO_DEPUTY_ID], 'early', { start, end });
      const { presenceCode } = await scanOfficerPhone(early._id);
      expect(await checkIn({ code, presenceCode, ...(await near('st-ft-hf', 0)) })).toEqual({
        ok: false,
        error: { code: 'NOT_YET_DUE', message: `签到将于 ${hhmm(now + 90)} 开始（接待时间 ${start}–${end}），请到时再签到` },
      });
      expect(await checkinsOf(early._id)).toBe(0);
      tried += 1;
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('the code typed on the deputy’s phone, without scanning any door code, checks in to the deputy’s reception of today', async () => {
    const stationId = officerStations.filter((id) => id !== 'st-ft-hf')[2];
    const reception = await receptionToday(stationId, [DEMO_DEPUTY_ID], 'typed');
    const { shown } = await scanOfficerPhone(reception._id);
    const answer = await backend.data('reception', 'checkIn', { presenceCode: shown.code, ...(await near(stationId, 0.0005)) }, DEPUTY);
    expect(answer).toMatchObject({ receptionId: reception._id, stationName: (await station(stationId)).name, already: false, proof: 'presence-code+location' });
  });

  it('refuses a deputy who is not on today’s list at that station (FORBIDDEN)', async () => {
    const stationId = officerStations.find((id) => id !== 'st-ft-hf')!;
    const other = (await rosterOf(stationId)).find((id) => id !== DEMO_DEPUTY_ID)!;
    const reception = await receptionToday(stationId, [other], 'roster');
    const { code, presenceCode } = await scanOfficerPhone(reception._id);
    const answer = await checkIn({ code, presenceCode, ...(await near(stationId, 0)) });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您不在今天本站接待日的代表名单中，如需参加请联系联络员' } });
  });

  it('refuses a day without their reception (NOT_YET_DUE), naming their next one', async () => {
    const stationId = officerStations.filter((id) => id !== 'st-ft-hf')[1];
    await backend.db.collection('receptions').where({ stationId, date: today }).remove();
    const next = addDays(today, 3);
    await backend.db
      .collection('receptions')
      .where({ stationId, date: backend.db.command.gt(today).and(backend.db.command.lte(next)) })
      .remove();
    await backend.db.collection('receptions').add({
      _id: receptionIdFor(stationId, next),
      stationId,
      date: next,
      start: '09:00',
      end: '10:00',
      deputyIds: [DEMO_DEPUTY_ID],
      officerId: DEMO_OFFICER_STAFF_ID,
      slots: [],
      publishedAt: new Date(),
    });
    const { code } = await station(stationId);
    const answer = await checkIn({ code, presenceCode: '123456', ...(await near(stationId, 0)) });
    const [, m, d] = next.split('-').map(Number);
    expect(answer).toEqual({ ok: false, error: { code: 'NOT_YET_DUE', message: `今天不是您在本站的接待日，您的下一次接待日是 ${m}月${d}日` } });
    expect((await backend.db.collection('checkins').where({ stationId }).count()).total).toBe(0);
    // The officer cannot show a code for that day yet either.
    expect(await backend.call('reception', 'presenceCode', { receptionId: receptionIdFor(stationId, next) }, OFFICER)).toEqual({
      ok: false,
      error: { code: 'NOT_YET_DUE', message: `签到码只能在接待日当天出示，这次接待日是 ${m}月${d}日` },
    });
  });

  it('answers NOT_FOUND for a code no station has, and is for deputies only', async () => {
    const position = { latitude: 22.55, longitude: 114.07, presenceCode: '123456' };
    expect(await checkIn({ code: 'NO-SUCH-CODE', ...position })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await checkIn({ code: 'FT-HF', ...position }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await checkIn({ code: 'FT-HF', ...position }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the presence code is the station’s officers’, on the day: another station’s, another day’s, another role are refused, and nothing is written', async () => {
    const { data } = await backend.db
      .collection('stations')
      .where({ _id: backend.db.command.nin(officerStations), kind: 'street' })
      .limit(1)
      .get();
    const elsewhere = data[0]._id as string;
    const [deputy] = await rosterOf(elsewhere);
    const theirs = await receptionToday(elsewhere, [deputy], 'theirs');
    const secrets = async () => (await backend.db.collection('presence_secrets').count()).total;
    const before = await secrets();
    expect(await backend.call('reception', 'presenceCode', { receptionId: theirs._id }, OFFICER)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您只能管理自己负责的联络站的接待日' },
    });
    const past = (
      await backend.db
        .collection('receptions')
        .where({ stationId: 'st-ft-hf', date: backend.db.command.lt(today) })
        .limit(1)
        .get()
    ).data[0] as Reception | undefined;
    if (past) {
      const [, m, d] = past.date.split('-').map(Number);
      expect(await backend.call('reception', 'presenceCode', { receptionId: past._id }, OFFICER)).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: `这次接待日（${m}月${d}日）已经过去，不能再出示签到码` },
      });
    }
    expect(await backend.call('reception', 'presenceCode', { receptionId: 'rc-no-such' }, OFFICER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const openid of [DEPUTY, RESIDENT]) {
      expect(await backend.call('reception', 'presenceCode', { receptionId: theirs._id }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await backend.call('reception', 'presenceCode', { receptionId: theirs._id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await secrets()).toBe(before);
  });

  it('ATTACK: guessing is slowed — after 5 wrong codes in a minute even the right one waits, and nothing is written', async () => {
    // A deputy of its own, so the count does not reach the other tests' deputy.
    const deputyId = 'dp-test-guesser';
    const openid = newOpenid('guesser');
    await backend.db.collection('deputies').add({
      _id: deputyId,
      name: '郑明',
      level: 'district',
      delegation: '福田区代表团 华富选区',
      occupation: '居民',
      stationIds: ['st-ft-hf'],
      openid,
      createdAt: new Date(),
    });
    await backend.db.collection('users').add({ _id: `us-${deputyId}`, openid, role: 'deputy', deputyId, createdAt: new Date() });
    const reception = await receptionToday('st-ft-hf', [deputyId], 'guessed');
    // The count is per minute: start early in one, so six calls do not straddle two.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const { code, presenceCode } = await scanOfficerPhone(reception._id);
    const atTheDoor = await near('st-ft-hf', 0);
    const wrong = String((Number(presenceCode) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i += 1) expect(await checkIn({ code, presenceCode: wrong, ...atTheDoor }, openid)).toEqual(WRONG_CODE);
    expect(await checkIn({ code, presenceCode, ...atTheDoor }, openid)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '签到码输错次数太多，请 1 分钟后再试' },
    });
    expect(await checkinsOf(reception._id)).toBe(0);
  }, 60_000);
});
