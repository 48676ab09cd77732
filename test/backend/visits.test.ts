/**
 * 接待日登记 through the real stack (reception, case, user functions on the emulator): a walk-in
 * and a booked resident are recorded on today's reception, the walk-in's visit becomes an
 * owner-less case marked 接待日登记 that the officer handles and the resident claims by code
 * (then sees in 我的留言 and is told of the reply), the visit answered on the spot becomes a
 * replied case its claimer rates, and the deputy's 履职档案 counts both. Expected values by hand.
 */
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../backend/domain/calendar';
import type { Reception } from '../../typings/models';
import type { VisitToCaseOutput, VisitView } from '../../typings/visit';
import { ADMIN, caseDocument, DEPUTY, DEPUTY_ID, notificationDocuments, OFFICER, STATION } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhotos } from './photos';
import { purgeExpiredContacts } from '../../backend/use-cases/retention';
import { todaysReception } from './todays-reception';

let backend: Backend;
const requestId = () => `req-${randomUUID()}`;
const RECEPTION = `rc-visit-${randomUUID().slice(0, 8)}`;
const ELSEWHERE = `rc-visit-other-${randomUUID().slice(0, 8)}`;
const BOOKING = `bk-visit-${randomUUID().slice(0, 8)}`;
const LATER = `bk-visit-later-${randomUUID().slice(0, 8)}`;
const CANCELLED = `bk-visit-cancelled-${randomUUID().slice(0, 8)}`;
const WALK_IN = newOpenid();
const BOOKED = newOpenid();

const reception = (id: string, over: Partial<Reception> = {}): Reception =>
  todaysReception(id, { slots: [{ start: '09:00', end: '09:30', capacity: 2, booked: 1 }], ...over });

beforeAll(async () => {
  backend = await startBackend({ functions: ['reception', 'case', 'user', 'subscription', 'station', 'admin'] });
  const { data: stations } = await backend.db.collection('stations').limit(1000).get();
  const { data: staff } = await backend.db.collection('staff').doc('sf-ft-hf').get();
  const other = stations.find((s: any) => !staff[0].stationIds.includes(s._id))._id;
  await backend.db.collection('receptions').add(reception(RECEPTION));
  await backend.db.collection('receptions').add(reception(ELSEWHERE, { stationId: other }));
  const now = new Date();
  const booked = { requestId: 'req-booked', receptionId: RECEPTION, stationId: STATION, stationName: '华富街道', date: shanghaiDate(now), createdAt: now, updatedAt: now };
  await backend.db.collection('bookings').add([
    {
      ...booked,
      _id: LATER,
      openid: newOpenid(),
      slotIndex: 1,
      start: '10:00',
      end: '10:30',
      startsAt: new Date(now.getTime() + 3_600_000),
      topic: '想了解加装电梯补贴',
      deputy: { id: DEPUTY_ID, name: '代表甲' },
      status: 'booked',
    },
    { ...booked, _id: CANCELLED, openid: newOpenid(), slotIndex: 0, start: '09:00', end: '09:30', startsAt: now, topic: '已取消的预约', status: 'cancelled' },
  ]);
  await backend.db.collection('bookings').add({
    _id: BOOKING,
    openid: BOOKED,
    requestId: 'req-booked-visit',
    receptionId: RECEPTION,
    stationId: STATION,
    stationName: '华富街道',
    date: shanghaiDate(now),
    slotIndex: 0,
    start: '09:00',
    end: '09:30',
    startsAt: now,
    topic: '楼道堆物影响消防通道，想当面反映',
    contact: { name: '李阿姨', phone: '13800001111' },
    status: 'booked',
    createdAt: now,
    updatedAt: now,
  });
}, 180_000);

afterAll(() => backend?.close());

const walkIn = { requestId: requestId(), receptionId: RECEPTION, issue: '华富村东区电梯经常停运，老人上下楼困难', name: '王先生' };
let walkInVisit: VisitView;
let bookedVisit: VisitView;
let walkInCase: VisitToCaseOutput;

const TODAY = shanghaiDate(new Date());
const stationVisitors = async () => (await backend.data('station', 'get', { id: STATION })).figures.visitors;
const officeFigures = (by: 'station' | 'deputy') => backend.data('admin', 'figures', { by, from: TODAY, to: TODAY }, ADMIN);

describe('recording', () => {
  it('offers the day’s open bookings to pre-fill from: booked, earliest first, only what a recorder needs', async () => {
    const { visits, bookings } = await backend.data('reception', 'visits', { receptionId: RECEPTION }, OFFICER);
    expect(visits).toEqual([]);
    expect(bookings).toEqual([
      { id: BOOKING, start: '09:00', end: '09:30', topic: '楼道堆物影响消防通道，想当面反映', name: '李阿姨', phone: '13800001111' },
      { id: LATER, start: '10:00', end: '10:30', topic: '想了解加装电梯补贴', deputy: { id: DEPUTY_ID, name: '代表甲' } },
    ]);
  });

  it('records a walk-in (officer, the day’s only deputy set) and answers a retry with the same visit', async () => {
    walkInVisit = await backend.data('reception', 'recordVisit', walkIn, OFFICER);
    expect(walkInVisit).toMatchObject({ status: 'recorded', recordedBy: 'officer', deputy: { id: DEPUTY_ID }, issue: walkIn.issue, name: '王先生', station: { id: STATION } });
    expect((await backend.data('reception', 'recordVisit', walkIn, OFFICER)).id).toBe(walkInVisit.id);
  });

  it('records a booked resident answered on the spot (deputy): topic and contact from the booking, the booking 已接待', async () => {
    bookedVisit = await backend.data(
      'reception',
      'recordVisit',
      { requestId: requestId(), receptionId: RECEPTION, bookingId: BOOKING, answer: '已联系物业三天内清理堆物' },
      DEPUTY,
    );
    expect(bookedVisit).toMatchObject({
      status: 'answered',
      recordedBy: 'deputy',
      issue: '楼道堆物影响消防通道，想当面反映',
      name: '李阿姨',
      phone: '13800001111',
      bookingId: BOOKING,
    });
    expect((await backend.db.collection('bookings').doc(BOOKING).get()).data[0].status).toBe('attended');
    const { visits, bookings } = await backend.data('reception', 'visits', { receptionId: RECEPTION }, OFFICER);
    expect(visits.map((v) => v.id).sort()).toEqual([walkInVisit.id, bookedVisit.id].sort());
    // Met: no longer offered.
    expect(bookings.map((b) => b.id)).toEqual([LATER]);
  });

  it('refuses a visit with nothing raised, an outsider officer, a resident, and another reception’s booking', async () => {
    expect(await backend.call('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'issue' },
    });
    expect(await backend.call('reception', 'recordVisit', { requestId: requestId(), receptionId: ELSEWHERE, issue: '路灯不亮' }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await backend.call('reception', 'visits', { receptionId: ELSEWHERE }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION, issue: '路灯不亮' }, WALK_IN)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await backend.call('reception', 'recordVisit', { requestId: requestId(), receptionId: ELSEWHERE, bookingId: BOOKING, issue: 'x' }, OFFICER)).toMatchObject({
      ok: false,
    });
  });
});

describe('接访群众 in the figures (station.get, admin.figures)', () => {
  it('counts the two visits for the station, the deputy and the district', async () => {
    expect(await stationVisitors()).toBe(2);
    const byStation = await officeFigures('station');
    expect([byStation.rows.find((r) => r.id === STATION)?.visitors, byStation.totals.visitors]).toEqual([2, 2]);
    const byDeputy = await officeFigures('deputy');
    expect([byDeputy.rows.find((r) => r.id === DEPUTY_ID)?.visitors, byDeputy.totals.visitors]).toEqual([2, 2]);
  });

  it('counts a retried record once, and a retry restores a count its first call never wrote', async () => {
    await backend.data('reception', 'recordVisit', walkIn, OFFICER);
    expect(await stationVisitors()).toBe(2);
    // As if the first call had died between its insert and its count: the day's documents are gone.
    const _ = backend.db.command;
    await backend.db
      .collection('figure_totals')
      .where({ _id: _.in([`station-visits:${STATION}:${TODAY}`, `deputy-visits:${STATION}:${TODAY}`]) })
      .remove();
    expect(await stationVisitors()).toBe(0);
    await backend.data('reception', 'recordVisit', walkIn, OFFICER);
    expect(await stationVisitors()).toBe(2);
    expect((await officeFigures('deputy')).rows.find((r) => r.id === DEPUTY_ID)?.visitors).toBe(2);
  });
});

describe('a walk-in’s visit becomes a case the resident claims', () => {
  it('is submitted on the resident’s behalf, marked 接待日登记, owned by nobody, in the officer’s inbox', async () => {
    walkInCase = await backend.data('reception', 'visitToCase', { visitId: walkInVisit.id, requestId: requestId() }, OFFICER);
    expect(walkInCase.claim.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(walkInCase.claim.payload).toBe(`LLZ-CLAIM:${walkInCase.claim.code}`);
    expect(walkInCase.claim.qrImage).toMatch(/^data:image\/png;base64,/);
    const days = (Date.parse(walkInCase.claim.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(walkInCase.visit).toMatchObject({ status: 'converted', case: { claimed: false } });
    const stored = await caseDocument(backend, walkInCase.visit.case!.id);
    expect(stored).toMatchObject({
      ownerOpenid: '',
      source: 'reception',
      status: 'submitted',
      targetDeputyId: DEPUTY_ID,
      stationId: STATION,
      category: 'unsure',
      contact: { name: '王先生' },
    });
    expect(stored.timeline[0]).toMatchObject({ kind: 'submitted', actorRole: 'officer', data: { source: 'reception' } });
    // The station's only officer with an account converted it: nobody else to tell.
    expect((stored.outbox ?? []).filter((n: { kind: string }) => n.kind === 'handlerTask')).toEqual([]);
    const inbox = await backend.data('case', 'inbox', { stationId: STATION }, OFFICER);
    expect(JSON.stringify(inbox)).toContain(walkInCase.visit.case!.id);
    // Someone else's visit is not the outsider's to convert.
    expect(await backend.call('reception', 'visitToCase', { visitId: walkInVisit.id, requestId: requestId() }, WALK_IN)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a wrong code, then the right one makes it the resident’s: 我的留言, and the reply is told to their own grant', async () => {
    const caseId = walkInCase.visit.case!.id;
    expect(await backend.call('case', 'claim', { code: 'ABCDEFGH' }, WALK_IN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'code', message: '认领码不正确，请核对后重新输入' },
    });
    expect(await backend.data('case', 'claim', { code: walkInCase.claim.payload.toLowerCase() }, WALK_IN)).toEqual({ caseId, receiptNo: walkInCase.visit.case!.receiptNo });
    expect(await backend.call('case', 'claim', { code: walkInCase.claim.code }, newOpenid())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const mine = await backend.data('case', 'mine', {}, WALK_IN);
    expect(JSON.stringify(mine)).toContain(caseId);
    expect(await backend.data('case', 'get', { caseId }, WALK_IN)).toMatchObject({ source: 'reception', status: 'submitted' });

    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    const assigned = await backend.data('case', 'assign', { caseId, version: accepted.version, deputyId: DEPUTY_ID }, OFFICER);
    const replied = await backend.data('case', 'reply', { caseId, version: assigned.version, content: '已协调物业检修电梯，本周完成' }, DEPUTY);
    expect(replied.status).toBe('replied');
    const notices = await notificationDocuments(backend, caseId);
    expect(notices.filter((n) => n.kind === 'caseReplied').map((n) => n.openid)).toEqual([WALK_IN]);
    expect(notices.every((n) => n.openid !== '')).toBe(true);
    // The code works once: a new one for a claimed case is refused.
    expect(await backend.call('reception', 'claimCode', { visitId: walkInVisit.id }, OFFICER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('a visit answered on the spot', () => {
  it('becomes a replied case (the answer as the deputy’s reply) that its claimer rates', async () => {
    const made = await backend.data('reception', 'visitToCase', { visitId: bookedVisit.id, requestId: requestId() }, DEPUTY);
    const caseId = made.visit.case!.id;
    const stored = await caseDocument(backend, caseId);
    expect(stored).toMatchObject({ ownerOpenid: '', status: 'replied', source: 'reception' });
    expect(stored.timeline.map((e: any) => [e.kind, e.actorRole])).toEqual([
      ['submitted', 'deputy'],
      ['accepted', 'officer'],
      ['assigned', 'officer'],
      ['replied', 'deputy'],
    ]);
    expect(stored.outbox ?? []).toEqual([]);
    // A fresh code replaces the first: the first stops working.
    const fresh = await backend.data('reception', 'claimCode', { visitId: bookedVisit.id }, OFFICER);
    expect(await backend.call('case', 'claim', { code: made.claim.code }, BOOKED)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await backend.data('case', 'claim', { code: fresh.code }, BOOKED);
    const detail = await backend.data('case', 'get', { caseId }, BOOKED);
    const rated = await backend.data('case', 'rate', { caseId, version: detail.version, rating: 'satisfied' }, BOOKED);
    expect(rated.status).toBe('closed');
  });
});

describe('履职档案', () => {
  it('counts both visits under 接访群众', async () => {
    const duty = await backend.data('user', 'duty', {}, DEPUTY);
    expect(duty.items.find((i) => i.key === 'visitors')?.count).toBe(2);
  });
});

// After the 履职档案: their visits would add to the 接访群众 counted above.
describe('a visit the deputy turns into a case', () => {
  it('is told to the station’s officers (待办事项提醒) on their own grant, not to the deputy who converted it', async () => {
    const { handlerTask } = await backend.data('subscription', 'templates', {});
    // Both allowed one message (the mini-program records it, WeChat keeps it).
    for (const openid of [OFFICER, DEPUTY]) {
      await backend.data('subscription', 'record', { results: { [handlerTask]: 'accept' } }, openid);
      await backend.wx.grant(openid, handlerTask);
    }
    const visit = await backend.data('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION, issue: '小区健身器材损坏，存在安全隐患' }, DEPUTY);
    const made = await backend.data('reception', 'visitToCase', { visitId: visit.id, requestId: requestId() }, DEPUTY);
    const caseId = made.visit.case!.id;
    const tasks = (await notificationDocuments(backend, caseId)).filter((n) => n.kind === 'handlerTask');
    expect(tasks.map((n) => [n._id, n.openid, n.state])).toEqual([[`${caseId}:1:handlerTask:${OFFICER}`, OFFICER, 'sent']]);
    const sent = await backend.wx.sent({ openid: OFFICER, templateId: handlerTask });
    expect(sent.filter((m) => m.page === `packages/work/case/index?id=${caseId}`)).toHaveLength(1);
    expect(JSON.stringify(sent.find((m) => m.page?.endsWith(caseId))?.data)).toContain('接待日登记转为留言，请受理');
    expect(await backend.wx.sent({ openid: DEPUTY, templateId: handlerTask })).toEqual([]);
  });
});

describe('visits recorded at once', () => {
  it('are each counted once in the station’s figures', async () => {
    const before = await stationVisitors();
    await Promise.all(
      ['路口积水', '噪音扰民', '垃圾清运不及时', '电动车乱停'].map((issue) =>
        backend.data('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION, issue }, OFFICER),
      ),
    );
    expect(await stationVisitors()).toBe(before! + 4);
  });
});

// Last: its visits would add to the 接访群众 counted above.
describe('a visit’s photos', () => {
  it('are the recorder’s own uploads: another person’s photo is refused, the recorder’s own is shown', async () => {
    const [theirs] = await uploadedPhotos(backend, newOpenid(), 1);
    expect(
      await backend.call('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION, issue: '楼道堆放杂物', photoFileIds: [theirs] }, OFFICER),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' },
    });
    const [own] = await uploadedPhotos(backend, OFFICER, 1);
    const visit = await backend.data('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION, issue: '楼道堆放杂物', photoFileIds: [own] }, OFFICER);
    expect(visit.photos.map((p) => p.fileId)).toEqual([own]);
    // Used once: the same upload cannot be attached to a second visit.
    expect(
      await backend.call('reception', 'recordVisit', { requestId: requestId(), receptionId: RECEPTION, issue: '又一处杂物', photoFileIds: [own] }, OFFICER),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' },
    });
  });
});

describe('contact retention', () => {
  it('removes the name and phone of visits recorded longer ago than the retention period, and only theirs', async () => {
    const visit = await backend.data(
      'reception',
      'recordVisit',
      { requestId: requestId(), receptionId: RECEPTION, issue: '楼下路灯不亮', name: '赵女士', phone: '13912340000' },
      OFFICER,
    );
    const stored = async () => (await backend.db.collection('visits').doc(visit.id).get()).data[0] as { name?: string; phone?: string; issue: string };
    // 180 days later (config/retention.json) the contact is still kept; a day after that it is gone, the issue stays.
    await purgeExpiredContacts(backend.db, new Date(Date.now() + 179 * 86_400_000), 10, 180);
    expect(await stored()).toMatchObject({ name: '赵女士', phone: '13912340000' });
    await purgeExpiredContacts(backend.db, new Date(Date.now() + 181 * 86_400_000), 10, 180);
    const after = await stored();
    expect([after.name, after.phone, after.issue]).toEqual([undefined, undefined, '楼下路灯不亮']);
  });
});
