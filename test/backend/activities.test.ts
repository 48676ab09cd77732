/**
 * 履职登记 through the real stack (user, station, admin functions on the emulator): the demo
 * officer records activities for deputies of their stations, the deputy confirms or disputes
 * them, a disputed one is corrected once or withdrawn, and only confirmed ones count — in
 * user.duty, on the station's wall and in the district office's figures per deputy. Expected
 * values are worked out by hand.
 */
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../backend/domain/calendar';
import type { ActivityView, RecordActivityInput } from '../../typings/activity';
import type { DutyRecord } from '../../typings/workspace';
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, STATION } from './case-fixtures';
import { startBackend, type Backend } from './harness';
import { uploadedPhotos } from './photos';

let backend: Backend;
const today = () => shanghaiDate(new Date());
const requestId = () => `req-${randomUUID()}`;
const input = (over: Partial<RecordActivityInput> = {}): RecordActivityInput => ({
  requestId: requestId(),
  deputyId: DEPUTY_ID,
  kind: 'lawEnforcement',
  date: today(),
  place: '莲花北农贸市场',
  ...over,
});
const record = (over: Partial<RecordActivityInput> = {}): Promise<ActivityView> => backend.data('user', 'recordActivity', input(over), OFFICER);
const countOf = (duty: DutyRecord, key: string) => duty.items.find((i) => i.key === key)!.count;

/** A deputy the demo officer does not serve. */
let outsideDeputy = '';

beforeAll(async () => {
  backend = await startBackend({ functions: ['user', 'station', 'admin', 'case'] });
  const { data: staff } = await backend.db.collection('staff').doc('sf-ft-hf').get();
  const officerStations: string[] = staff[0].stationIds;
  const { data: deputies } = await backend.db.collection('deputies').limit(1000).get();
  outsideDeputy = deputies.find((d: any) => !d.stationIds.some((id: string) => officerStations.includes(id)))._id;
}, 180_000);

afterAll(() => backend?.close());

describe('recording', () => {
  it('records for a deputy of the officer’s stations, with photos, and tells the deputy', async () => {
    const photoFileIds = await uploadedPhotos(backend, OFFICER, 2);
    const made = await record({ note: '检查冷链追溯，电话 13812345678', photoFileIds });
    expect(made).toMatchObject({ status: 'recorded', statusLabel: '待确认', kindLabel: '执法检查', resends: 0, canConfirm: false, canRevise: false });
    expect(made.photos).toHaveLength(2);
    const stored = (await backend.db.collection('activities').doc(made.id).get()).data[0];
    expect(stored.events).toEqual([expect.objectContaining({ seq: 1, kind: 'recorded', actorRole: 'officer', actorId: 'sf-ft-hf' })]);
    const { data: notices } = await backend.db.collection('notifications').where({ openid: DEPUTY, kind: 'handlerTask' }).limit(100).get();
    expect(notices.map((n: any) => n._id)).toContain(`${made.id}:1:handlerTask:${DEPUTY}`);
    expect(JSON.stringify(notices)).not.toContain('13812345678');
  });

  it('is idempotent by requestId: a retry answers the same activity and writes nothing more', async () => {
    const same = input();
    const [a, b] = await Promise.all([backend.data('user', 'recordActivity', same, OFFICER), backend.data('user', 'recordActivity', same, OFFICER)]);
    const c = await backend.data('user', 'recordActivity', same, OFFICER);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const { data } = await backend.db.collection('activities').where({ _id: a.id }).get();
    expect(data).toHaveLength(1);
  });

  // [what, input, code, field]: written from the brief's rules.
  it.each([
    ['a day in the future', () => input({ date: '2999-01-01' }), 'INVALID_INPUT', 'date'],
    ['a day before last year', () => input({ date: `${Number(today().slice(0, 4)) - 2}-12-31` }), 'INVALID_INPUT', 'date'],
    ['an unknown kind', () => ({ ...input(), kind: 'party' }), 'INVALID_INPUT', 'kind'],
    ['a note over 500 characters', () => input({ note: '字'.repeat(501) }), 'INVALID_INPUT', 'note'],
    [
      'ten photos',
      () => input({ photoFileIds: Array.from({ length: 10 }, (_, i) => `cloud://local-dev/cases/2026/01/${'a'.repeat(31)}${i}.png`) }),
      'INVALID_INPUT',
      'photoFileIds',
    ],
    ['a deputy of another station', () => input({ deputyId: outsideDeputy }), 'FORBIDDEN', undefined],
    ['no such deputy', () => input({ deputyId: 'dp-none' }), 'NOT_FOUND', undefined],
    ['risky text', () => input({ note: '加我微信，网上赌场注册送彩金，稳赚不赔，快来！' }), 'CONTENT_RISKY', undefined],
  ])('refuses %s, writing nothing', async (_what, make, code, field) => {
    const before = (await backend.db.collection('activities').count()).total;
    const answer = await backend.call('user', 'recordActivity', make() as RecordActivityInput, OFFICER);
    expect(answer).toMatchObject({ ok: false, error: { code, ...(field ? { field } : {}) } });
    expect((await backend.db.collection('activities').count()).total).toBe(before);
  });
});

describe('confirming, disputing, correcting', () => {
  it('counts only what the deputy confirmed, in the duty record, on the station’s wall and in the office’s figures', async () => {
    const before: DutyRecord = await backend.data('user', 'duty', {}, DEPUTY);
    const wallOf = async () => (await backend.data('station', 'get', { id: STATION })).deputies.find((d) => d.id === DEPUTY_ID)!.activities!;
    const wallBefore = await wallOf();
    const confirmed = await record({ kind: 'inspection', place: '景田社区加装电梯调研' });
    const disputed = await record({ kind: 'lawEnforcement', place: '华富街道食品安全检查' });
    const waiting = await record({ kind: 'forum', place: '华富街道党群服务中心' });

    const yes = await backend.data('user', 'confirmActivity', { activityId: confirmed.id, confirm: true }, DEPUTY);
    expect(yes).toMatchObject({ status: 'confirmed', canConfirm: false });
    const no = await backend.data('user', 'confirmActivity', { activityId: disputed.id, confirm: false, reason: '当天不在' }, DEPUTY);
    expect(no).toMatchObject({ status: 'disputed', disputeReason: '当天不在' });

    const after: DutyRecord = await backend.data('user', 'duty', {}, DEPUTY);
    // By hand: one confirmed 调研视察 → 联组活动 +1, 线下 +1; the disputed and the waiting one count nowhere.
    expect(countOf(after, 'groupActivities')).toBe(countOf(before, 'groupActivities') + 1);
    expect(countOf(after, 'offlineActivities')).toBe(countOf(before, 'offlineActivities') + 1);
    expect(after.recent.map((r) => r.activityId)).toContain(confirmed.id);
    expect(after.recent.map((r) => r.activityId)).not.toContain(disputed.id);
    expect(after.recent.map((r) => r.activityId)).not.toContain(waiting.id);

    expect(await wallOf()).toBe(wallBefore + 1);

    const year = today().slice(0, 4);
    const figures = await backend.data('admin', 'figures', { by: 'deputy', from: `${year}-01-01`, to: today() }, ADMIN);
    expect(figures.rows.find((r) => r.id === DEPUTY_ID)!.activities).toBe(countOf(after, 'offlineActivities'));
  });

  it('lets the officer correct a disputed one once, tells the deputy again, then only withdraw', async () => {
    const made = await record();
    await backend.data('user', 'confirmActivity', { activityId: made.id, confirm: false, reason: '日期不对' }, DEPUTY);
    const corrected = await backend.data('user', 'reviseActivity', { activityId: made.id, kind: 'lawEnforcement', date: today(), place: '莲花北农贸市场（更正）' }, OFFICER);
    expect(corrected).toMatchObject({ status: 'recorded', resends: 1, place: '莲花北农贸市场（更正）' });
    const { data: notices } = await backend.db
      .collection('notifications')
      .where({ _id: `${made.id}:3:handlerTask:${DEPUTY}` })
      .get();
    expect(notices).toHaveLength(1);

    await backend.data('user', 'confirmActivity', { activityId: made.id, confirm: false, reason: '还是不对' }, DEPUTY);
    const again = await backend.call('user', 'reviseActivity', { activityId: made.id, kind: 'lawEnforcement', date: today(), place: '再改一次' }, OFFICER);
    expect(again).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    const withdrawn = await backend.data('user', 'reviseActivity', { activityId: made.id, withdraw: true }, OFFICER);
    expect(withdrawn.status).toBe('withdrawn');
    const stored = (await backend.db.collection('activities').doc(made.id).get()).data[0];
    // Five events, appended in order, none changed.
    expect(stored.events.map((e: any) => [e.seq, e.kind, e.actorRole])).toEqual([
      [1, 'recorded', 'officer'],
      [2, 'disputed', 'deputy'],
      [3, 'resent', 'officer'],
      [4, 'disputed', 'deputy'],
      [5, 'withdrawn', 'officer'],
    ]);
  });

  it('keeps the photos through a correction that sends none', async () => {
    const photoFileIds = await uploadedPhotos(backend, OFFICER, 2);
    const made = await record({ photoFileIds });
    await backend.data('user', 'confirmActivity', { activityId: made.id, confirm: false, reason: '地点不对' }, DEPUTY);
    const corrected = await backend.data('user', 'reviseActivity', { activityId: made.id, kind: 'lawEnforcement', date: today(), place: '更正后的地点' }, OFFICER);
    expect(corrected.photos.map((p) => p.fileId)).toEqual(photoFileIds);
    expect((await backend.db.collection('activities').doc(made.id).get()).data[0].photoFileIds).toEqual(photoFileIds);
  });

  it('replaces the photos of a corrected activity, claiming only the new ones; refuses someone else’s upload and a used one', async () => {
    const [own, spare] = await uploadedPhotos(backend, OFFICER, 2);
    const made = await record({ photoFileIds: [own] });
    await backend.data('user', 'confirmActivity', { activityId: made.id, confirm: false, reason: '照片不全' }, DEPUTY);
    const revise = (photoFileIds: string[]) =>
      backend.call('user', 'reviseActivity', { activityId: made.id, kind: 'lawEnforcement', date: today(), place: '莲花北农贸市场', photoFileIds }, OFFICER);
    const stored = async () => (await backend.db.collection('activities').doc(made.id).get()).data[0];

    // A resident's upload, second in the set: refused by its place in the set sent, nothing written.
    const [theirs] = await uploadedPhotos(backend, 'odemo-resident', 1);
    expect(await revise([own, theirs])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.1' } });
    // The same photo twice.
    expect(await revise([own, own])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.1' } });
    // A photo another activity already uses.
    const [used] = await uploadedPhotos(backend, OFFICER, 1);
    await record({ photoFileIds: [used] });
    expect(await revise([used])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' } });
    expect((await stored()).status).toBe('disputed');

    // The kept photo (its own already) and a new one of the officer's: the new set, shown.
    const answer = await revise([spare, own]);
    expect(answer).toMatchObject({ ok: true, data: { status: 'recorded', resends: 1 } });
    expect((answer as { data: ActivityView }).data.photos.map((p) => p.fileId)).toEqual([spare, own]);
    expect((await stored()).photoFileIds).toEqual([spare, own]);
    // The new one is the activity's now: no other record can take it.
    expect(await backend.call('user', 'recordActivity', input({ photoFileIds: [spare] }), OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' },
    });
  });

  it('refuses a second confirmation and a confirmation by anyone but the deputy', async () => {
    const made = await record();
    await backend.data('user', 'confirmActivity', { activityId: made.id, confirm: true }, DEPUTY);
    expect(await backend.call('user', 'confirmActivity', { activityId: made.id, confirm: false, reason: '改主意了' }, DEPUTY)).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(await backend.call('user', 'confirmActivity', { activityId: made.id, confirm: true }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('user', 'reviseActivity', { activityId: made.id, withdraw: true }, OFFICER)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('of two racing answers, one applies and the other hears CONFLICT or the new state', async () => {
    const made = await record();
    const answers = await Promise.all([
      backend.call('user', 'confirmActivity', { activityId: made.id, confirm: true }, DEPUTY),
      backend.call('user', 'confirmActivity', { activityId: made.id, confirm: false, reason: '不对' }, DEPUTY),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(answers.find((a) => !a.ok)!.error.code);
    const stored = (await backend.db.collection('activities').doc(made.id).get()).data[0];
    expect(stored.events).toHaveLength(2);
  });
});

describe('listing', () => {
  it('gives the deputy their own, the officer their stations’, and the district office its district’s', async () => {
    const made = await record();
    const ids = (page: { activities: ActivityView[] }) => page.activities.map((a) => a.id);
    expect(ids(await backend.data('user', 'activities', { status: 'recorded' }, DEPUTY))).toContain(made.id);
    expect(ids(await backend.data('user', 'activities', { deputyId: DEPUTY_ID }, OFFICER))).toContain(made.id);
    expect(ids(await backend.data('user', 'activities', { deputyId: DEPUTY_ID }, ADMIN))).toContain(made.id);
    expect(ids(await backend.data('user', 'activities', { status: 'confirmed' }, DEPUTY))).not.toContain(made.id);
    const mine = await backend.data('user', 'activities', {}, DEPUTY);
    expect(mine.activities.find((a: ActivityView) => a.id === made.id)).toMatchObject({ canConfirm: true, canRevise: false });
  });
});
