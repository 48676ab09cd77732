/**
 * 约访 end to end: the `reception` function's bundle on the local host, over HTTP, against
 * the seeded emulator. Rules of the domain are tabled in backend/domain/booking; here we check
 * that the stack enforces them, and that capacity holds when residents race.
 */
import { addDays } from '../../backend/domain/calendar';
import { DEMO_OPENIDS } from '../../scripts/seed/demo-accounts';
import { databaseDigest } from '../reliability/support/watch';
import { requestId, startReceptionHarness, type ReceptionHarness } from './reception-harness';

const RESIDENT = DEMO_OPENIDS.resident;
const RESIDENT_2 = DEMO_OPENIDS.resident2;
const SLOT_FULL = { code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' };

describe('reception function: booking a slot on a reception day', () => {
  let h: ReceptionHarness;
  let attending: string;
  let notAttending: string;

  beforeAll(async () => {
    h = await startReceptionHarness();
    // Two deputies stationed at 华富街道: the first attends our receptions, the second does not.
    const { data } = await h.db.collection('deputies').where({ stationIds: 'st-ft-hf' }).orderBy('_id', 'asc').get();
    [attending, notAttending] = [data[0]._id, data[1]._id];
  }, 60_000);
  afterAll(() => h?.close());

  const book = (receptionId: string, slotIndex: number, openid: string, over: Record<string, unknown> = {}) =>
    h.call('book', { requestId: requestId(openid), receptionId, slotIndex, topic: '小区加装电梯的事', ...over }, openid);

  it('lists the bookable receptions of a station with places left per slot and the attending deputies', async () => {
    await h.addReception('rc-test-list', 3, { deputyIds: [attending], slots: [{ start: '09:00', end: '09:30', capacity: 3, booked: 1 }] });
    await h.addReception('rc-test-list-past', -2);
    const { status, body } = await h.call('list', { stationId: 'st-ft-hf' });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    const ours = body.data.receptions.find((r: { id: string }) => r.id === 'rc-test-list');
    expect(ours).toMatchObject({
      stationId: 'st-ft-hf',
      slots: [{ index: 0, start: '09:00', end: '09:30', capacity: 3, remaining: 2 }],
      deputies: [{ id: attending, name: expect.any(String) }],
    });
    const ids: string[] = body.data.receptions.map((r: { id: string }) => r.id);
    expect(ids).not.toContain('rc-test-list-past');
    // The seeded schedule is there too, soonest first, none of it past its booking deadline.
    const dates: string[] = body.data.receptions.map((r: { date: string }) => r.date);
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d > h.today)).toBe(true);
  });

  it('answers NOT_FOUND for a station that does not exist, and refuses a malformed station id', async () => {
    expect((await h.call('list', { stationId: 'st-nowhere' })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await h.call('list', { stationId: { $ne: null } })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'stationId' } });
  });

  it('of 10 residents racing for a 2-place slot, exactly 2 get it; the others are told it is full', async () => {
    await h.addReception('rc-test-race', 4, { slots: [{ start: '10:00', end: '10:30', capacity: 2, booked: 0 }] });
    const residents = Array.from({ length: 10 }, (_, i) => `o-racer-${i}`);
    const answers = await Promise.all(residents.map((openid) => book('rc-test-race', 0, openid)));

    const won = answers.filter((a) => a.body.ok);
    const lost = answers.filter((a) => !a.body.ok);
    expect(won).toHaveLength(2);
    expect(lost.map((a) => a.body.error)).toEqual(Array(8).fill(SLOT_FULL));
    expect(answers.every((a) => a.status === 200)).toBe(true);

    expect((await h.reception('rc-test-race')).slots[0].booked).toBe(2);
    const { total } = await h.db.collection('bookings').where({ receptionId: 'rc-test-race', status: 'booked' }).count();
    expect(total).toBe(2);
    const listed = (await h.call('list', { stationId: 'st-ft-hf' })).body.data.receptions.find((r: { id: string }) => r.id === 'rc-test-race');
    expect(listed.slots[0].remaining).toBe(0);
  });

  it('a retried booking (same requestId) answers the same booking and takes one place only', async () => {
    await h.addReception('rc-test-retry', 5);
    const event = { requestId: requestId('retry'), receptionId: 'rc-test-retry', slotIndex: 1, topic: '停车难' };
    const me = 'o-rc-retry';
    const [a, b] = await Promise.all([h.call('book', event, me), h.call('book', event, me)]);
    const c = await h.call('book', event, me);
    expect(a.body.ok && b.body.ok && c.body.ok).toBe(true);
    expect(new Set([a.body.data.id, b.body.data.id, c.body.data.id]).size).toBe(1);
    expect((await h.reception('rc-test-retry')).slots[1].booked).toBe(1);
    expect(c.body.data).toMatchObject({
      receptionId: 'rc-test-retry',
      stationId: 'st-ft-hf',
      stationName: expect.stringContaining('华富'),
      start: '09:30',
      end: '10:00',
      topic: '停车难',
      status: 'booked',
    });
  });

  it('one active booking per resident per reception', async () => {
    await h.addReception('rc-test-once', 5);
    expect((await book('rc-test-once', 0, 'o-rc-once')).body.ok).toBe(true);
    const second = await book('rc-test-once', 1, 'o-rc-once');
    expect(second.body).toEqual({ ok: false, error: { code: 'CONFLICT', message: '您已预约了这次接待，如需更换时段请先取消原预约' } });
    expect((await h.reception('rc-test-once')).slots.map((s) => s.booked)).toEqual([1, 0]);
  });

  it('cancelling frees the place for someone else, and lets the resident book again', async () => {
    await h.addReception('rc-test-cancel', 6, { slots: [{ start: '09:00', end: '09:30', capacity: 1, booked: 0 }] });
    const mine = await book('rc-test-cancel', 0, 'o-rc-cancel');
    expect((await book('rc-test-cancel', 0, 'o-rc-cancel-2')).body.error).toEqual(SLOT_FULL);

    const cancelled = await h.call('cancel', { bookingId: mine.body.data.id }, 'o-rc-cancel');
    expect(cancelled.body).toMatchObject({ ok: true, data: { id: mine.body.data.id, status: 'cancelled' } });
    expect((await h.reception('rc-test-cancel')).slots[0].booked).toBe(0);
    // A retried cancel answers the same and frees nothing twice.
    expect((await h.call('cancel', { bookingId: mine.body.data.id }, 'o-rc-cancel')).body.data.status).toBe('cancelled');
    expect((await h.reception('rc-test-cancel')).slots[0].booked).toBe(0);

    expect((await book('rc-test-cancel', 0, 'o-rc-cancel-2')).body.ok).toBe(true);
    expect((await h.reception('rc-test-cancel')).slots[0].booked).toBe(1);
    expect((await book('rc-test-cancel', 0, 'o-rc-cancel')).body.error).toEqual(SLOT_FULL); // full again, not "already booked"
  });

  it('puts a reminder in the outbox for 09:00 the day before, and withdraws it when the booking is cancelled', async () => {
    const reception = await h.addReception('rc-test-reminder', 9);
    const booked = await book('rc-test-reminder', 0, 'o-rc-reminder');
    const reminderId = `${booked.body.data.id}:receptionReminder`;
    const { data } = await h.db.collection('notifications').doc(reminderId).get();
    expect(data[0]).toMatchObject({
      openid: 'o-rc-reminder',
      kind: 'receptionReminder',
      state: 'pending',
      nextAttemptAt: new Date(`${addDays(reception.date, -1)}T09:00:00+08:00`),
      page: 'packages/station/booking/index?stationId=st-ft-hf',
    });

    await h.call('cancel', { bookingId: booked.body.data.id }, 'o-rc-reminder');
    expect((await h.db.collection('notifications').doc(reminderId).get()).data).toEqual([]);
  });

  it("a resident cannot cancel another resident's booking", async () => {
    await h.addReception('rc-test-theirs', 6);
    const theirs = await book('rc-test-theirs', 0, 'o-rc-theirs');
    const attempt = await h.call('cancel', { bookingId: theirs.body.data.id }, RESIDENT);
    expect(attempt.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这条预约' } });
    expect((await h.reception('rc-test-theirs')).slots[0].booked).toBe(1);
    const stillThere = (await h.call('mine', {}, 'o-rc-theirs')).body.data.bookings.find((b: { id: string }) => b.id === theirs.body.data.id);
    expect(stillThere.status).toBe('booked');
  });

  it('cannot cancel once the slot has started', async () => {
    // A booking whose slot started an hour ago, written as the function would have written it.
    const startsAt = new Date(Date.now() - 3_600_000);
    await h.db.collection('bookings').add({
      _id: 'bk-test-started',
      openid: RESIDENT,
      requestId: 'req-started',
      receptionId: 'rc-test-started',
      stationId: 'st-ft-hf',
      stationName: '华富街道人大代表联络站',
      date: h.today,
      slotIndex: 0,
      start: '09:00',
      end: '09:30',
      startsAt,
      topic: '已开始',
      status: 'booked',
      createdAt: startsAt,
      updatedAt: startsAt,
    });
    const attempt = await h.call('cancel', { bookingId: 'bk-test-started' }, RESIDENT);
    expect(attempt.body).toEqual({ ok: false, error: { code: 'CONFLICT', message: '预约时段已开始，不能取消' } });
  });

  it.each([
    ['a past reception', 'rc-test-past', -1, '这次接待已经结束，请选择其他接待日'],
    // Today's reception: bookings closed at 18:00 yesterday, whatever the time now.
    ['a reception today (booking closed at 18:00 yesterday)', 'rc-test-today', 0, '预约已截止：请在接待日前一天 18:00 前预约'],
  ])('refuses %s', async (_name, id, days, message) => {
    await h.addReception(id, days, { start: '00:00', end: days === 0 ? '23:59' : '10:00' });
    const answer = await book(id, 0, RESIDENT);
    expect(answer.body).toEqual({ ok: false, error: { code: 'CONFLICT', message } });
    expect((await h.reception(id)).slots[0].booked).toBe(0);
  });

  it('refuses a reception not yet published as if it did not exist', async () => {
    await h.addReception('rc-test-unpublished', 10, { publishedAt: new Date(Date.now() + 86_400_000) });
    expect((await book('rc-test-unpublished', 0, RESIDENT)).body.error.code).toBe('NOT_FOUND');
    const ids = (await h.call('list', { stationId: 'st-ft-hf' })).body.data.receptions.map((r: { id: string }) => r.id);
    expect(ids).not.toContain('rc-test-unpublished');
  });

  it('books a chosen attending deputy, and refuses a deputy who does not attend', async () => {
    await h.addReception('rc-test-deputy', 7, { deputyIds: [attending] });
    const refused = await book('rc-test-deputy', 0, 'o-rc-deputy', { deputyId: notAttending });
    expect(refused.body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '这位代表不参加这次接待，请重新选择', field: 'deputyId' } });
    const booked = await book('rc-test-deputy', 0, 'o-rc-deputy', { deputyId: attending });
    expect(booked.body.data.deputy).toEqual({ id: attending, name: expect.any(String) });
  });

  it('refuses a slot that does not exist and checks the input at the edge', async () => {
    await h.addReception('rc-test-input', 8);
    expect((await book('rc-test-input', 5, RESIDENT)).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'slotIndex' });
    expect((await book('rc-test-input', 0, RESIDENT, { topic: '   ' })).body.error).toEqual({ code: 'INVALID_INPUT', message: '请填写预约事由', field: 'topic' });
    expect((await book('rc-test-input', 0, RESIDENT, { topic: '字'.repeat(101) })).body.error.field).toBe('topic');
    expect((await book('rc-test-input', 0, RESIDENT, { openid: RESIDENT_2 })).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'openid' });
    expect((await h.call('book', { requestId: 'x', receptionId: 'rc-nowhere', slotIndex: 0, topic: '话题' }, RESIDENT)).body.error.field).toBe('requestId');
    expect((await book('rc-nowhere', 0, RESIDENT)).body.error.code).toBe('NOT_FOUND');
  });

  it('book, cancel and mine need a WeChat caller; list does not', async () => {
    await h.addReception('rc-test-anon', 8);
    const unauthenticated = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开小程序后再试' } };
    expect((await h.call('book', { requestId: requestId('anon'), receptionId: 'rc-test-anon', slotIndex: 0, topic: '话题' })).body).toEqual(unauthenticated);
    expect((await h.call('cancel', { bookingId: 'bk-test-started' })).body).toEqual(unauthenticated);
    expect((await h.call('mine', {})).body).toEqual(unauthenticated);
    expect((await h.call('list', { stationId: 'st-ft-hf' })).body.ok).toBe(true);
    expect((await h.reception('rc-test-anon')).slots[0].booked).toBe(0);
  });

  it("我的预约 lists only the caller's bookings, upcoming first", async () => {
    await h.addReception('rc-test-mine-later', 20);
    await h.addReception('rc-test-mine-sooner', 2);
    // Cancelled first: with two open bookings a third would be refused (the cap).
    // Three days ahead, not one: booking closes at 18:00 the day before, and the suite runs at any hour.
    await h.addReception('rc-test-mine-cancelled', 3);
    const cancelled = await book('rc-test-mine-cancelled', 0, 'o-mine');
    await h.call('cancel', { bookingId: cancelled.body.data.id }, 'o-mine');
    const later = await book('rc-test-mine-later', 0, 'o-mine');
    const sooner = await book('rc-test-mine-sooner', 1, 'o-mine');
    const gone = await book('rc-test-mine-later', 1, 'o-mine-other');
    await h.call('cancel', { bookingId: gone.body.data.id }, 'o-mine-other');

    const { body } = await h.call('mine', {}, 'o-mine');
    expect(body.data.bookings.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      [sooner.body.data.id, 'booked'],
      [later.body.data.id, 'booked'],
      [cancelled.body.data.id, 'cancelled'],
    ]);
    expect(Object.keys(body.data.bookings[0]).sort()).toEqual(
      ['createdAt', 'date', 'end', 'id', 'receptionId', 'start', 'stationId', 'stationName', 'status', 'topic'].sort(),
    );
  });

  describe('a resident holds at most 2 open bookings (config/bookings.json)', () => {
    const LIMIT = { code: 'BOOKING_LIMIT', message: '您已有 2 个未到期的预约，请先取消一个再预约' };
    /** `count` receptions of the test's own, 11+ days ahead so none has closed for booking. */
    const receptions = async (tag: string, count: number) => {
      const ids = Array.from({ length: count }, (_, i) => `rc-cap-${tag}-${i}`);
      for (const [i, id] of ids.entries()) await h.addReception(id, 11 + i);
      return ids;
    };
    const openBookingsOf = async (openid: string) => (await h.db.collection('bookings').where({ openid, status: 'booked' }).count()).total;
    const placesTaken = async (ids: string[]) => {
      let taken = 0;
      for (const id of ids) taken += (await h.reception(id)).slots.reduce((sum, slot) => sum + slot.booked, 0);
      return taken;
    };
    /** A booking as the function would have written it, for states a test cannot reach by calling (made before the cap, already past). */
    const storedBooking = (id: string, openid: string, startsAt: Date, status = 'booked') =>
      h.db.collection('bookings').add({
        _id: id,
        openid,
        requestId: `req-${id}`,
        receptionId: `rc-elsewhere-${id}`,
        stationId: 'st-ft-hf',
        stationName: '华富街道人大代表联络站',
        date: h.today,
        slotIndex: 0,
        start: '09:00',
        end: '09:30',
        startsAt,
        topic: '早先的预约',
        status,
        createdAt: new Date(),
        updatedAt: new Date(),
      });

    it('refuses the 3rd open booking with BOOKING_LIMIT and writes nothing for it; a retry of an admitted one still answers it', async () => {
      const me = 'o-cap-third';
      const [a, b, c] = await receptions('third', 3);
      const firstRequest = requestId(me);
      const first = await book(a, 0, me, { requestId: firstRequest });
      expect((await book(b, 0, me)).body.ok).toBe(true);
      const before = await databaseDigest(h.backend);
      const third = await book(c, 0, me);
      expect(third).toEqual({ status: 200, body: { ok: false, error: LIMIT } });
      expect((await databaseDigest(h.backend)).sha256).toBe(before.sha256);
      expect((await h.reception(c)).slots[0].booked).toBe(0);
      expect(await openBookingsOf(me)).toBe(2);
      // A retry of an admitted booking (its answer was lost) is answered with it, not refused.
      const retried = await book(a, 0, me, { requestId: firstRequest });
      expect(retried.body).toMatchObject({ ok: true, data: { id: first.body.data.id } });
    });

    it('of 8 parallel bookings by one resident on 8 receptions, exactly 2 are stored; the rest are told the limit', async () => {
      const me = 'o-cap-parallel';
      const ids = await receptions('parallel', 8);
      const answers = await Promise.all(ids.map((id) => book(id, 0, me)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(answers.filter((a) => a.body.ok)).toHaveLength(2);
      expect(answers.filter((a) => !a.body.ok).map((a) => a.body.error)).toEqual(Array(6).fill(LIMIT));
      expect(await openBookingsOf(me)).toBe(2);
      expect(await placesTaken(ids)).toBe(2);
      const { total: claims } = await h.db
        .collection('booking_claims')
        .where({ receptionId: h.db.command.in(ids) })
        .count();
      expect(claims).toBe(2);
    });

    it('after cancelling one, the resident can book again — and then not a third time', async () => {
      const me = 'o-cap-cancel';
      const [a, b, c, d] = await receptions('cancel', 4);
      const first = await book(a, 0, me);
      await book(b, 0, me);
      expect((await book(c, 0, me)).body.error).toEqual(LIMIT);
      expect((await h.call('cancel', { bookingId: first.body.data.id }, me)).body.data.status).toBe('cancelled');
      expect((await book(c, 0, me)).body).toMatchObject({ ok: true, data: { receptionId: c } });
      expect((await book(d, 0, me)).body.error).toEqual(LIMIT);
      expect(await openBookingsOf(me)).toBe(2);
    });

    it('past, started, cancelled and attended bookings do not count', async () => {
      const me = 'o-cap-past';
      const hour = 3_600_000;
      await storedBooking('bk-cap-past', me, new Date(Date.now() - 48 * hour));
      await storedBooking('bk-cap-started', me, new Date(Date.now() - hour / 2));
      await storedBooking('bk-cap-cancelled', me, new Date(Date.now() + 72 * hour), 'cancelled');
      await storedBooking('bk-cap-attended', me, new Date(Date.now() - 72 * hour), 'attended');
      const [a, b, c] = await receptions('past', 3);
      expect((await book(a, 0, me)).body.ok).toBe(true);
      expect((await book(b, 0, me)).body.ok).toBe(true);
      expect((await book(c, 0, me)).body.error).toEqual(LIMIT);
    });

    it('counts open bookings made before the cap existed (no per-resident record of them yet)', async () => {
      const me = 'o-cap-hoarder';
      await storedBooking('bk-cap-old-1', me, new Date(Date.now() + 5 * 86_400_000));
      await storedBooking('bk-cap-old-2', me, new Date(Date.now() + 6 * 86_400_000));
      const [a] = await receptions('hoarder', 1);
      expect((await book(a, 0, me)).body.error).toEqual(LIMIT);
      await h.db.collection('bookings').doc('bk-cap-old-1').update({ status: 'cancelled' });
      expect((await book(a, 0, me)).body.ok).toBe(true);
    });

    it('counts each resident on their own', async () => {
      const [a, b] = await receptions('each', 2);
      for (const me of ['o-cap-each-1', 'o-cap-each-2']) {
        expect((await book(a, 0, me)).body.ok).toBe(true);
        expect((await book(b, 0, me)).body.ok).toBe(true);
      }
    });
  });

  it('an unknown action answers UNKNOWN_ACTION, never undefined', async () => {
    expect((await h.call('reschedule', {}, RESIDENT)).body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });
});
