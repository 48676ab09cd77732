/**
 * Abuse, through the function host, the real SDK and the emulator: a flood of messages to one
 * deputy is held for the station's officer (more than 3 in 30 minutes), and one resident's
 * parallel submissions cannot get past the per-minute limit.
 */
import type { InboxItem } from '../../typings/workspace';
import { caseDocument, DEPUTY, DEPUTY_ID, OFFICER, ref, STATION, submission, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
}, 120_000);

afterAll(() => backend?.close());

const MINUTE = 60_000;

/** Every case to the demo deputy so far was submitted `minutes` earlier than it was: the window starts empty. */
async function ageCasesToDeputy(minutes: number): Promise<void> {
  const { data } = await backend.db.collection('cases').where({ targetDeputyId: DEPUTY_ID }).limit(1000).get();
  for (const doc of data) {
    const submittedAt = new Date(new Date(doc.submittedAt).getTime() - minutes * MINUTE);
    await backend.db.collection('cases').doc(doc._id).update({ submittedAt });
  }
}

/** A case to the demo deputy from a resident of its own, so no per-resident limit is reached. */
const toDeputy = () => submitted(backend, newOpenid(), { deputyId: DEPUTY_ID });
const get = (caseId: string, openid: string) => backend.call('case', 'get', { caseId }, openid);
const queue = async (openid: string, filter: 'open' | 'triage' | 'closed' = 'open'): Promise<InboxItem[]> => (await backend.data('case', 'inbox', { filter }, openid)).cases;
const idsOf = (items: InboxItem[]) => items.map((item) => item.id);

describe('a flood of messages to one deputy', () => {
  beforeEach(() => ageCasesToDeputy(31));

  it('shows the deputy the first 3 within 30 minutes and holds the 4th for the officer until accepted', async () => {
    const first = [await toDeputy(), await toDeputy(), await toDeputy()];
    for (const { caseId } of first) expect(await get(caseId, DEPUTY)).toMatchObject({ ok: true, data: { id: caseId } });
    expect(idsOf(await queue(DEPUTY))).toEqual(expect.arrayContaining(first.map((c) => c.caseId)));

    const resident = newOpenid();
    const fourth = await submitted(backend, resident, { deputyId: DEPUTY_ID });
    expect((await caseDocument(backend, fourth.caseId)).held).toEqual({ reason: 'deputy_flood', at: expect.any(Date) });
    // The deputy neither lists nor reads it, and the counts do not give it away.
    const deputyQueue = await backend.data('case', 'inbox', { filter: 'open' }, DEPUTY);
    expect(idsOf(deputyQueue.cases)).not.toContain(fourth.caseId);
    expect(deputyQueue.counts.triage).toBe(deputyQueue.cases.filter((c) => c.status === 'submitted').length);
    expect(await get(fourth.caseId, DEPUTY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('case', 'requestTransfer', { caseId: fourth.caseId, version: 1, note: '建议转办' }, DEPUTY)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // The officer sees it marked in the queue and told why on the case.
    const officerQueue = await queue(OFFICER, 'triage');
    expect(officerQueue.find((c) => c.id === fourth.caseId)).toMatchObject({ held: 'deputy_flood' });
    expect(officerQueue.find((c) => c.id === first[0].caseId)?.held).toBeUndefined();
    const forOfficer = await backend.data('case', 'get', { caseId: fourth.caseId }, OFFICER);
    expect(forOfficer.held).toEqual({ reason: 'deputy_flood', at: expect.any(String) });

    // The resident is not told: their view is that of any other case.
    const forResident = await backend.data('case', 'get', { caseId: fourth.caseId }, resident);
    expect(forResident).toMatchObject({ status: 'submitted', targetDeputy: { id: DEPUTY_ID } });
    expect('held' in forResident).toBe(false);

    // Accepted, it behaves as any other: the deputy reads and lists it, the mark is gone.
    const accepted = await backend.data('case', 'accept', ref(forOfficer), OFFICER);
    expect('held' in accepted).toBe(false);
    expect(await get(fourth.caseId, DEPUTY)).toMatchObject({ ok: true, data: { id: fourth.caseId, status: 'accepted' } });
    expect(idsOf(await queue(DEPUTY))).toContain(fourth.caseId);
    expect((await queue(OFFICER)).find((c) => c.id === fourth.caseId)?.held).toBeUndefined();
  });

  it('keeps every case after the 3rd held, and releases a rejected one; a withdrawn one stays hidden', async () => {
    for (let i = 0; i < 3; i += 1) await toDeputy();
    const rejectedOne = await toDeputy();
    const withdrawer = newOpenid();
    const withdrawnOne = await submitted(backend, withdrawer, { deputyId: DEPUTY_ID });
    for (const { caseId } of [rejectedOne, withdrawnOne]) expect((await caseDocument(backend, caseId)).held).toMatchObject({ reason: 'deputy_flood' });

    await backend.data('case', 'withdraw', { caseId: withdrawnOne.caseId, version: 1 }, withdrawer);
    await backend.data('case', 'reject', { caseId: rejectedOne.caseId, version: 1, reason: '重复反映', referral: '请关注此前的留言办理进度' }, OFFICER);
    const closed = idsOf(await queue(DEPUTY, 'closed'));
    expect(closed).toContain(rejectedOne.caseId);
    expect(closed).not.toContain(withdrawnOne.caseId);
    expect(await get(withdrawnOne.caseId, DEPUTY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('does not hold a case once the earlier ones are more than 30 minutes old', async () => {
    for (let i = 0; i < 3; i += 1) await toDeputy();
    await ageCasesToDeputy(31);
    const later = await toDeputy();
    expect((await caseDocument(backend, later.caseId)).held).toBeUndefined();
    expect(await get(later.caseId, DEPUTY)).toMatchObject({ ok: true, data: { id: later.caseId } });
    expect(idsOf(await queue(DEPUTY))).toContain(later.caseId);
  });

  it('holds nothing for cases to the station without a deputy', async () => {
    for (let i = 0; i < 4; i += 1) {
      const { caseId } = await submitted(backend, newOpenid(), { stationId: STATION });
      expect((await caseDocument(backend, caseId)).held).toBeUndefined();
    }
  });
});

describe('one resident submitting in parallel', () => {
  it('gets exactly 3 of 8 parallel submissions through within a minute; the rest are RATE_LIMITED', async () => {
    const resident = newOpenid();
    const answers = await Promise.all(Array.from({ length: 8 }, () => backend.call('case', 'submit', submission(), resident)));
    const refused = answers.filter((a) => !a.ok);
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/一分钟内最多提交 3 件/) } });
    const { data } = await backend.db.collection('cases').where({ ownerOpenid: resident }).get();
    expect(data).toHaveLength(3);
  });
});
