/**
 * 代表建议 through the real stack (suggestion, case, user functions on the emulator): a deputy links
 * two residents' cases into a draft, a co-signer confirms, the office accepts (numbered) and
 * assigns a lead and an assisting unit, the lead asks for and gets an extension, answers with a
 * PDF, the deputy rates 不满意, the unit answers again, the deputy rates 满意. Along the way:
 * every step's one event, the residents' notices queued, the people told, the cases' marks, an
 * idempotent save, racing steps, and outsiders (another unit, another district's office, another
 * deputy, a resident) kept out. Expected values are written by hand from the brief.
 */
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../backend/domain/calendar';
import type { SuggestionDocument } from '../../backend/domain/suggestion';
import { commitSuggestionStep, findSuggestion } from '../../backend/data/suggestions';
import type { Database } from '../../backend/platform/cloudbase';
import type { SuggestionDetail } from '../../typings/suggestion';
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, STATION, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { postUpload } from './photos';
import { GOALS } from './round-trip-goals';

const UNIT = 'odemo-unit'; // 区住房和建设局 (unit-ft-zjj)
const UNIT_2 = 'odemo-unit-2'; // 区城市管理和综合执法局 (unit-ft-cgj)
const OUTSIDER_UNIT = 'otest-sg-unit-hfjd'; // 华富街道办事处, never assigned here
const OUTSIDER_ADMIN = 'otest-sg-admin-ns';
const COSIGNER = 'otest-sg-cosigner';
const OTHER_DEPUTY = 'otest-sg-deputy';

let backend: Backend;
let db: Database;
let cosignerId = '';
const residents = [newOpenid('sg-a'), newOpenid('sg-b')];
let caseIds: string[] = [];
const requestId = () => `req-${randomUUID()}`;
const today = () => shanghaiDate(new Date());

/** A case of `owner`'s, accepted and assigned to the demo deputy by the demo officer. */
async function deputysCase(owner: string): Promise<string> {
  const { caseId } = await submitted(backend, owner, { stationId: STATION });
  const got = await backend.data('case', 'get', { caseId }, owner);
  const accepted = await backend.data('case', 'accept', { caseId, version: got.version }, OFFICER);
  await backend.data('case', 'assign', { caseId, version: accepted.version, deputyId: DEPUTY_ID }, OFFICER);
  return caseId;
}

async function bind(openid: string, record: { role: 'deputy' | 'unit' | 'admin'; id: string; name: string; district?: string; unitId?: string; stationIds?: string[] }) {
  const createdAt = new Date();
  if (record.role !== 'deputy') {
    await backend.db.collection('staff').add({
      _id: record.id,
      name: record.name,
      role: record.role,
      phone: '0755-00000000',
      stationIds: [],
      district: record.district,
      unitId: record.unitId,
      openid,
      createdAt,
    });
  }
  const actingAs = {
    name: record.name,
    stationIds: record.stationIds ?? [],
    ...(record.district ? { district: record.district } : {}),
    ...(record.unitId ? { unitId: record.unitId } : {}),
  };
  await backend.db
    .collection('users')
    .add({ _id: `us-${openid}`, openid, role: record.role, ...(record.role === 'deputy' ? { deputyId: record.id } : { staffId: record.id }), actingAs, createdAt });
}

beforeAll(async () => {
  backend = await startBackend({ functions: ['suggestion', 'case', 'user'] });
  db = backend.db as unknown as Database;
  const { data: deputies } = await backend.db.collection('deputies').where({ stationIds: STATION }).limit(100).get();
  const other = deputies.find((d: any) => d._id !== DEPUTY_ID);
  cosignerId = other._id;
  await bind(COSIGNER, { role: 'deputy', id: cosignerId, name: other.name, stationIds: other.stationIds });
  const third = deputies.find((d: any) => d._id !== DEPUTY_ID && d._id !== cosignerId);
  await bind(OTHER_DEPUTY, { role: 'deputy', id: third._id, name: third.name, stationIds: third.stationIds });
  await bind(OUTSIDER_UNIT, { role: 'unit', id: 'sf-t-hfjd', name: '周九', district: '福田区', unitId: 'unit-ft-hfjd' });
  await bind(OUTSIDER_ADMIN, { role: 'admin', id: 'sf-t-ns', name: '林慧', district: '南山区' });
  caseIds = [await deputysCase(residents[0]), await deputysCase(residents[1])];
}, 240_000);

afterAll(() => backend?.close());

async function stored(id: string): Promise<SuggestionDocument> {
  return (await findSuggestion(db, id))!;
}

async function events(id: string): Promise<Record<string, any>[]> {
  const { data } = await backend.db.collection('suggestion_events').where({ suggestionId: id }).orderBy('seq', 'asc').limit(100).get();
  return data;
}

async function caseMark(caseId: string): Promise<string | undefined> {
  const { data } = await backend.db.collection('cases').where({ _id: caseId }).field({ suggestionId: true }).get();
  return data[0]?.suggestionId;
}

async function notices(id: string): Promise<Record<string, any>[]> {
  const { data } = await backend.db
    .collection('notifications')
    .where({ _id: backend.db.RegExp({ regexp: `^suggestion:${id}:` }) })
    .limit(100)
    .get();
  return data;
}

const draft = (over: Record<string, unknown> = {}) => ({
  requestId: requestId(),
  title: '加快老旧小区加装电梯',
  problem: '华富街道老旧小区多，老人上下楼难，群众多次留言反映。',
  proposal: '建议简化加装电梯审批流程，加大财政补贴。',
  ...over,
});

const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'ok' : answer.error!.code);

describe('the whole loop', () => {
  let id = '';
  let detail: SuggestionDetail;

  it('a deputy links two residents’ cases into a draft and asks a co-signer; a retry answers the same draft', async () => {
    const input = draft({ caseIds, cosignerIds: [cosignerId] });
    detail = await backend.data('suggestion', 'save', input, DEPUTY);
    id = detail.id;
    expect(detail).toMatchObject({ status: 'draft', statusLabel: '草稿', deputy: { id: DEPUTY_ID }, round: 1, overdue: false });
    expect(detail.cases.map((c) => c.id)).toEqual(caseIds);
    expect(detail.cosigners).toEqual([expect.objectContaining({ id: cosignerId, status: 'pending' })]);
    expect(detail.can).toMatchObject({ edit: true, submit: false, withdraw: true, rate: false });
    expect(await Promise.all(caseIds.map(caseMark))).toEqual([id, id]);
    const doc = await stored(id);
    expect(doc).toMatchObject({ version: 1, district: '福田区', caseIds });
    expect(doc.stationIds).toContain(STATION);

    const again = await backend.data('suggestion', 'save', input, DEPUTY);
    expect(again.id).toBe(id);
    expect((await backend.db.collection('suggestions').where({ deputyId: DEPUTY_ID, requestId: input.requestId }).count()).total).toBe(1);
    expect((await events(id)).map((e) => [e._id, e.kind])).toEqual([[`${id}:1`, 'created']]);
    // The co-signer is told (待办事项提醒) on their own account.
    expect((await notices(id)).map((n) => [n.openid, n.kind])).toEqual([[COSIGNER, 'handlerTask']]);
  });

  it('refuses a case that is not the deputy’s, one already in this suggestion, and the author as co-signer', async () => {
    const stranger = (await submitted(backend, newOpenid('sg-c'), { stationId: STATION })).caseId;
    expect(await backend.call('suggestion', 'save', draft({ caseIds: [stranger] }), DEPUTY)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'caseIds.0' },
    });
    expect(await backend.call('suggestion', 'save', draft({ caseIds: [caseIds[0]] }), DEPUTY)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'caseIds.0', message: '这条留言已关联到另一条建议' },
    });
    expect(await backend.call('suggestion', 'save', draft({ cosignerIds: [DEPUTY_ID] }), DEPUTY)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'cosignerIds.0' },
    });
  });

  it('is submitted only once the co-signer has answered', async () => {
    expect(await backend.call('suggestion', 'submit', { suggestionId: id }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    const cosigned = await backend.data('suggestion', 'cosign', { suggestionId: id, confirm: true }, COSIGNER);
    expect(cosigned.cosigners[0].status).toBe('confirmed');
    expect(cosigned.can).toMatchObject({ edit: false, submit: false, cosign: true });
    detail = await backend.data('suggestion', 'submit', { suggestionId: id }, DEPUTY);
    expect(detail).toMatchObject({ status: 'submitted', statusLabel: '待审查' });
    expect((await notices(id)).filter((n) => n.openid === ADMIN)).toHaveLength(1);
  });

  it('the office accepts it with the district’s number and the residents’ notices are queued', async () => {
    expect(await backend.call('suggestion', 'get', { suggestionId: id }, OUTSIDER_ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('suggestion', 'review', { suggestionId: id, decision: 'accept' }, OUTSIDER_ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    detail = await backend.data('suggestion', 'review', { suggestionId: id, decision: 'accept' }, ADMIN);
    expect(detail.status).toBe('accepted');
    expect(detail.number).toMatch(new RegExp(`^福田〔${today().slice(0, 4)}〕第\\d+号$`));
    const doc = await stored(id);
    expect(doc.year).toBe(Number(today().slice(0, 4)));
    expect(doc.outbox.map((n) => [n.key, n.status])).toEqual(caseIds.map((c) => [`accepted:${c}`, 'pending']));
  });

  it('is assigned to a lead and an assisting unit, 3 and 1 months out; an outsider unit sees nothing of it', async () => {
    detail = await backend.data('suggestion', 'assign', { suggestionId: id, leadUnitId: 'unit-ft-zjj', assistUnitIds: ['unit-ft-cgj'] }, ADMIN);
    expect(detail.assignments.map((a) => [a.unit.id, a.role])).toEqual([
      ['unit-ft-zjj', 'lead'],
      ['unit-ft-cgj', 'assist'],
    ]);
    const start = today();
    const months = (n: number) => {
      const [y, m, d] = start.split('-').map(Number);
      const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
      return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
    };
    expect(detail.deadline).toBe(months(3));
    expect(detail.assignments[1].deadline).toBe(months(1));

    const lead = await backend.data('suggestion', 'get', { suggestionId: id }, UNIT);
    expect(lead.cases).toEqual([]); // units never see the residents' cases
    expect(lead.can).toMatchObject({ answer: true, requestReroute: true, requestExtension: true, assist: false });
    expect((await backend.data('suggestion', 'list', {}, UNIT)).suggestions.map((s) => s.id)).toContain(id);
    expect((await backend.data('suggestion', 'get', { suggestionId: id }, UNIT_2)).can).toMatchObject({ assist: true, answer: false });
    expect(await backend.call('suggestion', 'answer', { suggestionId: id, text: '协办单位代答', result: 'A', publishable: false }, UNIT_2)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const action of ['get', 'assist'] as const) {
      const input = action === 'get' ? { suggestionId: id } : { suggestionId: id, opinion: '意见' };
      expect(await backend.call('suggestion', action, input as any, OUTSIDER_UNIT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await backend.data('suggestion', 'list', {}, OUTSIDER_UNIT)).suggestions.map((s) => s.id)).not.toContain(id);
    // Each unit's bound staff is told.
    expect(new Set((await notices(id)).map((n) => n.openid))).toEqual(new Set([COSIGNER, ADMIN, UNIT, UNIT_2]));
  });

  it('the lead asks for an extension; of requests racing, one applies; the office grants it', async () => {
    const until = (await stored(id)).deadline!;
    const asked = shanghaiDate(new Date(until.getTime() + 30 * 86_400_000));
    const before = (await events(id)).length;
    const answers = await Promise.all(
      [1, 2, 3].map(() => backend.call('suggestion', 'request', { suggestionId: id, kind: 'extension', reason: '需要财政资金论证', until: asked }, UNIT)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const refused of answers.filter((a) => !a.ok)) expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(code(refused));
    expect((await events(id)).length).toBe(before + 1);
    detail = await backend.data('suggestion', 'decide', { suggestionId: id, grant: true, note: '同意延期' }, ADMIN);
    expect(detail.deadline).toBe(asked);
    expect(detail.request).toBeUndefined();
    expect(detail.can.requestExtension).toBe(false);
  });

  it('a step decided on a version someone else moved on writes nothing (CONFLICT)', async () => {
    const stale = await stored(id);
    await backend.data('suggestion', 'assist', { suggestionId: id, opinion: '同意主办单位的办理意见' }, UNIT_2);
    const next = { ...stale, version: stale.version + 1, title: '不该写入的标题' };
    const event = {
      _id: `${id}:${stale.version + 1}`,
      suggestionId: id,
      seq: stale.version + 1,
      kind: 'edited' as const,
      at: new Date(),
      actorRole: 'deputy' as const,
      actorId: 'x',
      actorName: 'x',
    };
    expect(await commitSuggestionStep(db, stale, next, event)).toBe(false);
    expect((await stored(id)).title).toBe('加快老旧小区加装电梯');
    expect((await events(id)).find((e) => e.seq === stale.version + 1)?.kind).toBe('assisted');
  });

  it('the lead answers B with its signed PDF; another’s upload is refused', async () => {
    const { paths } = await backend.data('suggestion', 'uploadPaths', { extensions: ['pdf'] }, UNIT);
    expect(paths[0].cloudPath).toMatch(/^suggestions\/\d{4}\/\d{2}\/[0-9a-f]{32}\.pdf$/);
    const upload = await postUpload(backend, UNIT, paths[0].cloudPath, Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(upload.status).toBe(200);
    const [someoneElses] = (await backend.data('suggestion', 'uploadPaths', { extensions: ['pdf'] }, UNIT_2)).paths;
    const theirs = await postUpload(backend, UNIT_2, someoneElses.cloudPath, Buffer.from('%PDF-1.4\n%%EOF\n'));
    const answer = { suggestionId: id, text: '已将加装电梯纳入明年计划，正在制定补贴办法。', result: 'B' as const, publishable: true };
    expect(await backend.call('suggestion', 'answer', { ...answer, attachmentFileId: theirs.body.fileID }, UNIT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'attachmentFileId' },
    });
    detail = await backend.data('suggestion', 'answer', { ...answer, attachmentFileId: upload.body.fileID }, UNIT);
    expect(detail).toMatchObject({ status: 'answered', result: 'B', answers: [{ round: 1, result: 'B', resultLabel: '正在解决或列入计划', publishable: true }] });
    expect(detail.answers[0].attachment).toMatchObject({ fileId: upload.body.fileID, kind: 'pdf' });
    expect(detail.can).toMatchObject({ answer: false });
    expect((await backend.data('suggestion', 'get', { suggestionId: id }, DEPUTY)).can.rate).toBe(true);
  });

  it('不满意 sends it back to the unit for one more round; the second answer (A) is rated 满意 and closes it', async () => {
    expect(await backend.call('suggestion', 'rate', { suggestionId: id, rating: 'unsatisfied' }, DEPUTY)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'comment' },
    });
    detail = await backend.data('suggestion', 'rate', { suggestionId: id, rating: 'unsatisfied', comment: '补贴办法没有时间表' }, DEPUTY);
    expect(detail).toMatchObject({ status: 'assigned', statusLabel: '重新办理', round: 2 });
    await backend.data('suggestion', 'answer', { suggestionId: id, text: '补贴办法已于本月出台，首批二十台电梯已开工。', result: 'A', publishable: true }, UNIT);
    detail = await backend.data('suggestion', 'rate', { suggestionId: id, rating: 'satisfied' }, DEPUTY);
    expect(detail).toMatchObject({ status: 'closed', statusLabel: '已办结', result: 'A' });
    expect(detail.answers.map((a) => [a.round, a.result, a.rating?.value])).toEqual([
      [1, 'B', 'unsatisfied'],
      [2, 'A', 'satisfied'],
    ]);
  });

  it('wrote one event per step, in order, and queued each resident’s notices once per step', async () => {
    expect((await events(id)).map((e) => [e.seq, e.kind])).toEqual([
      [1, 'created'],
      [2, 'cosigned'],
      [3, 'submitted'],
      [4, 'accepted'],
      [5, 'assigned'],
      [6, 'extension_requested'],
      [7, 'request_granted'],
      [8, 'assisted'],
      [9, 'answered'],
      [10, 'reopened'],
      [11, 'answered'],
      [12, 'closed'],
    ]);
    expect(detail.timeline.map((t) => t.label)).toEqual([
      '起草建议',
      '确认联名',
      '提交审查',
      '立案',
      '交办',
      '申请延期',
      '同意申请',
      '协办意见',
      '答复',
      '不满意，重新办理',
      '答复',
      '办结',
    ]);
    const doc = await stored(id);
    expect(doc.version).toBe(12);
    expect(doc.outbox.map((n) => n.key)).toEqual(['accepted', 'answered:1', 'answered:2', 'closed'].flatMap((step) => caseIds.map((c) => `${step}:${c}`)));
    // The cases keep their mark: the suggestion is closed, not gone.
    expect(await Promise.all(caseIds.map(caseMark))).toEqual([id, id]);
  });
});

describe('withdrawing and reading', () => {
  it('a withdrawn draft lets its cases go, and is refused any further step', async () => {
    const caseId = await deputysCase(newOpenid('sg-w'));
    const made = await backend.data('suggestion', 'save', draft({ caseIds: [caseId] }), DEPUTY);
    expect(await caseMark(caseId)).toBe(made.id);
    const withdrawn = await backend.data('suggestion', 'withdraw', { suggestionId: made.id }, DEPUTY);
    expect(withdrawn.status).toBe('withdrawn');
    expect(await caseMark(caseId)).toBeUndefined();
    expect(await backend.call('suggestion', 'submit', { suggestionId: made.id }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    // Its case may now go into another one.
    expect((await backend.call('suggestion', 'save', draft({ caseIds: [caseId] }), DEPUTY)).ok).toBe(true);
  });

  it('an edit unlinks the cases it drops and links the ones it adds', async () => {
    const [a, b] = [await deputysCase(newOpenid('sg-e')), await deputysCase(newOpenid('sg-f'))];
    const made = await backend.data('suggestion', 'save', draft({ caseIds: [a] }), DEPUTY);
    const edited = await backend.data('suggestion', 'save', { suggestionId: made.id, title: '改过的标题', problem: '问题', proposal: '建议', caseIds: [b] }, DEPUTY);
    expect(edited.title).toBe('改过的标题');
    expect([await caseMark(a), await caseMark(b)]).toEqual([undefined, made.id]);
  });

  it('parties only: another deputy, a resident, another district’s office are told NOT_FOUND or refused', async () => {
    const made = await backend.data('suggestion', 'save', draft(), DEPUTY);
    expect(await backend.call('suggestion', 'get', { suggestionId: made.id }, OTHER_DEPUTY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('suggestion', 'submit', { suggestionId: made.id }, OTHER_DEPUTY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('suggestion', 'get', { suggestionId: made.id }, newOpenid())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A draft is the deputy's own: the office lists it once submitted.
    const officeList = await backend.data('suggestion', 'list', {}, ADMIN);
    expect(officeList.suggestions.map((s) => s.id)).not.toContain(made.id);
    expect((await backend.data('suggestion', 'list', {}, DEPUTY)).suggestions.map((s) => s.id)).toContain(made.id);
    expect(await backend.call('suggestion', 'list', { unitId: 'unit-ft-zjj' }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'unitId' } });
  });

  it('cosignable lists the district’s deputies by name, never the author', async () => {
    const { deputies } = await backend.data('suggestion', 'cosignable', {}, DEPUTY);
    expect(deputies.length).toBeGreaterThan(0);
    expect(deputies.length).toBeLessThanOrEqual(50);
    expect(deputies.map((d) => d.id)).not.toContain(DEPUTY_ID);
    const name = deputies[0].name;
    expect((await backend.data('suggestion', 'cosignable', { query: name }, DEPUTY)).deputies.every((d) => d.name.includes(name))).toBe(true);
  });
});

describe('a step and its event are one write', () => {
  it('a step whose event cannot be written moves nothing, and goes through once it can', async () => {
    const caseId = await deputysCase(newOpenid('sg-x'));
    const made = await backend.data('suggestion', 'save', draft({ caseIds: [caseId] }), DEPUTY);
    // The withdrawal's event id (`<id>:2`) taken by a foreign document: its insert fails.
    await backend.db.collection('suggestion_events').add({ _id: `${made.id}:2`, foreign: true });
    // No race (the version did not move): a broken record, answered as any crash is.
    expect(await backend.call('suggestion', 'withdraw', { suggestionId: made.id }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await stored(made.id)).toMatchObject({ version: 1, status: 'draft' });
    expect(await caseMark(caseId)).toBe(made.id);
    expect((await events(made.id)).map((e) => [e._id, e.kind])).toEqual([[`${made.id}:1`, 'created']]);

    await backend.db.collection('suggestion_events').doc(`${made.id}:2`).remove();
    expect((await backend.data('suggestion', 'withdraw', { suggestionId: made.id }, DEPUTY)).status).toBe('withdrawn');
    expect(await stored(made.id)).toMatchObject({ version: 2, status: 'withdrawn' });
    expect((await events(made.id)).map((e) => [e._id, e.kind])).toEqual([
      [`${made.id}:1`, 'created'],
      [`${made.id}:2`, 'withdrawn'],
    ]);
    expect(await caseMark(caseId)).toBeUndefined();
  });
});

describe('round trips (the budget in round-trip-goals.ts)', () => {
  it('save, get, list, answer and rate stay within their goals', async () => {
    const trips = async (work: () => Promise<unknown>) => (await backend.roundTrips(work)).total;
    const caseId = await deputysCase(newOpenid('sg-rt'));
    let id = '';
    expect(await trips(async () => (id = (await backend.data('suggestion', 'save', draft({ caseIds: [caseId] }), DEPUTY)).id))).toBeLessThanOrEqual(GOALS['suggestion.save']);
    expect(await trips(() => backend.data('suggestion', 'get', { suggestionId: id }, DEPUTY))).toBeLessThanOrEqual(GOALS['suggestion.get']);
    await backend.data('suggestion', 'submit', { suggestionId: id }, DEPUTY);
    await backend.data('suggestion', 'review', { suggestionId: id, decision: 'accept' }, ADMIN);
    await backend.data('suggestion', 'assign', { suggestionId: id, leadUnitId: 'unit-ft-zjj' }, ADMIN);
    for (const who of [DEPUTY, ADMIN, UNIT]) expect(await trips(() => backend.data('suggestion', 'list', {}, who))).toBeLessThanOrEqual(GOALS['suggestion.list']);
    const answer = () => backend.data('suggestion', 'answer', { suggestionId: id, text: '已办理', result: 'A', publishable: false }, UNIT);
    expect(await trips(answer)).toBeLessThanOrEqual(GOALS['suggestion.answer']);
    expect(await trips(() => backend.data('suggestion', 'rate', { suggestionId: id, rating: 'satisfied' }, DEPUTY))).toBeLessThanOrEqual(GOALS['suggestion.rate']);
  });
});
