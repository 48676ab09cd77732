/**
 * Retention of contacts (config/retention.json): the job removes the contact from cases that
 * ended more than N days ago — and only from those — a bounded number per run, through the
 * real SDK on the emulator. The clock is moved by writing closure dates with backend.db.
 */
import { purgeExpiredContacts } from '../../backend/use-cases/retention';
import type { Database } from '../../backend/platform/cloudbase';
import { caseDocument, OFFICER, ref, submitted } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';

let backend: Backend;
const DAY = 86_400_000;
const NOW = new Date();

beforeAll(async () => {
  backend = await startBackend({ functions: ['case'] });
}, 180_000);

afterAll(() => backend?.close());

const purge = (limit: number, now = NOW) => purgeExpiredContacts(backend.db as unknown as Database, now, limit);

/** A case with a contact, set to `status` as of `daysAgo` days before NOW. */
async function endedCase(status: 'closed' | 'rejected' | 'withdrawn' | 'in_progress', daysAgo: number): Promise<string> {
  const { caseId } = await submitted(backend, newOpenid('retention'), { contact: { name: '保留测试丙', phone: '13700000000' } });
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  const fields = status === 'closed' ? { status, closure: { at, how: 'officer', withoutRating: true }, updatedAt: at } : { status, updatedAt: at };
  await backend.db.collection('cases').doc(caseId).update(fields);
  return caseId;
}

it('removes the contact of cases ended more than 180 days ago, keeps every other contact and the cases themselves', async () => {
  const expired = [await endedCase('closed', 181), await endedCase('rejected', 200), await endedCase('withdrawn', 365)];
  const kept = [await endedCase('closed', 179), await endedCase('in_progress', 400), await endedCase('withdrawn', 10)];

  expect(await purge(100)).toBe(3);
  for (const id of expired) expect(await caseDocument(backend, id)).not.toHaveProperty('contact');
  for (const id of expired) expect(await caseDocument(backend, id)).toHaveProperty('title'); // the case stays
  for (const id of kept) expect((await caseDocument(backend, id)).contact).toEqual({ name: '保留测试丙', phone: '13700000000' });
  expect(await purge(100)).toBe(0); // nothing left to do: purged cases no longer match
});

it('does at most `limit` per run; the next run continues', async () => {
  for (let i = 0; i < 5; i += 1) await endedCase('closed', 190 + i);
  expect(await purge(2)).toBe(2);
  expect(await purge(2)).toBe(2);
  expect(await purge(2)).toBe(1);
  expect(await purge(2)).toBe(0);
});

it('a case rated and closed today keeps its contact until 180 days have passed', async () => {
  const owner = newOpenid('retention');
  const { caseId } = await submitted(backend, owner, { contact: { name: '保留测试丙', phone: '13700000001' } });
  const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
  const replied = await backend.data('case', 'reply', { ...ref(accepted), content: '已电话联系，问题已解决。' }, OFFICER);
  await backend.data('case', 'rate', { ...ref(replied), rating: 'satisfied' }, owner);
  const closedAt = new Date((await caseDocument(backend, caseId)).closure.at);
  await purge(100, new Date(closedAt.getTime() + 179 * DAY));
  expect((await caseDocument(backend, caseId)).contact).toMatchObject({ phone: '13700000001' });
  await purge(100, new Date(closedAt.getTime() + 181 * DAY));
  expect(await caseDocument(backend, caseId)).not.toHaveProperty('contact');
});
