/**
 * Retention of contacts (config/retention.json): the job removes the contact from cases that
 * ended more than N days ago — and only from those — a bounded number per run, and from 立法意见
 * comments of consultations closed that long ago, through the real SDK on the emulator. The clock is moved by writing closure dates with backend.db.
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

describe('立法意见 comments', () => {
  // 2026-12-07 12:00 in Shanghai: 180 days earlier is 2026-06-10 12:00. A consultation whose last day was
  // 06-09 closed at 06-10 00:00, long enough ago; one ending 06-10 closed at 06-11 00:00, not yet.
  const AT = new Date('2026-12-07T04:00:00Z');
  const contact = { name: '保留测试丁', phone: '13600000000' };

  async function comment(id: string, closesOn: string, fields: Record<string, unknown> = {}) {
    const created = new Date('2026-05-01T02:00:00Z');
    await backend.db.collection('consultation_comments').add({
      _id: id,
      consultationId: 'cs-retention',
      closesOn,
      stationId: 'st-ft-hf',
      articleNo: 3,
      text: '建议写明业主自治的议事程序。',
      status: 'forwarded',
      ownerOpenid: newOpenid('retention-opinion'),
      createdAt: created,
      updatedAt: created,
      ...fields,
    });
  }
  const stored = async (id: string) => (await backend.db.collection('consultation_comments').doc(id).get()).data[0];

  it('removes the contact from comments of consultations closed more than 180 days ago, keeps the comments and every other contact', async () => {
    const suffix = Date.now();
    await comment(`ret-old-${suffix}`, '2026-06-09', { contact });
    await comment(`ret-pending-${suffix}`, '2026-01-15', { contact: { phone: '13600000001' }, status: 'pending', ownerOpenid: '' });
    await comment(`ret-recent-${suffix}`, '2026-06-10', { contact });
    await comment(`ret-none-${suffix}`, '2025-12-31');

    expect(await purge(100, AT)).toBe(2);
    expect(await stored(`ret-old-${suffix}`)).not.toHaveProperty('contact');
    expect(await stored(`ret-pending-${suffix}`)).not.toHaveProperty('contact');
    expect(await stored(`ret-old-${suffix}`)).toMatchObject({ text: '建议写明业主自治的议事程序。', status: 'forwarded' });
    expect((await stored(`ret-recent-${suffix}`)).contact).toEqual(contact);
    expect(await purge(100, AT)).toBe(0);
    // A day later in Shanghai, the consultation that ended on 06-10 has been closed long enough too.
    expect(await purge(100, new Date('2026-12-08T04:00:00Z'))).toBe(1);
    expect(await stored(`ret-recent-${suffix}`)).not.toHaveProperty('contact');
  });
});
