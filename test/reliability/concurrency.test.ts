/**
 * Concurrency, through the whole stack (function host, real SDK, emulator):
 * 50 clients each retrying their submission at once make exactly one case per requestId;
 * two officers deciding the same case at once leave one decision and a gapless timeline.
 */
import { createHash } from 'node:crypto';
import { caseDocument, eventDocuments, notificationDocuments, OFFICER, STATION, submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';

let backend: Backend;
const OFFICER_2 = 'otest-reliability-officer-2';

const CLIENTS = 50;
const RETRIES = 3;
const ROUNDS = 20;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
  // A second liaison officer of the same station, so two people can decide one case at once.
  const createdAt = new Date();
  await backend.db
    .collection('staff')
    .add({ _id: 'sf-reliability-2', name: '周晓燕', role: 'officer', phone: '0755-00000000', stationIds: [STATION], district: '福田区', createdAt });
  await backend.db.collection('users').add({ _id: 'us-reliability-officer-2', openid: OFFICER_2, role: 'officer', staffId: 'sf-reliability-2', createdAt });
}, 120_000);

afterAll(() => backend?.close());

describe('50 clients submitting at once, each retrying with its own requestId', () => {
  it(`makes exactly ${CLIENTS} cases of ${CLIENTS * RETRIES} concurrent calls, one per requestId, each answered the same on every retry`, async () => {
    const clients = Array.from({ length: CLIENTS }, () => ({ openid: newOpenid('concurrent'), input: submission() }));
    const calls = clients.flatMap((client) => Array.from({ length: RETRIES }, () => ({ client, answer: backend.call('case', 'submit', client.input, client.openid) })));
    const answers = await Promise.all(calls.map(async ({ client, answer }) => ({ client, answer: await answer })));

    const failures = answers.filter(({ answer }) => !answer.ok);
    expect(failures.map(({ answer }) => answer)).toEqual([]);
    const byClient = new Map<string, Set<string>>();
    for (const { client, answer } of answers) {
      if (!answer.ok) continue;
      const seen = byClient.get(client.openid) ?? new Set<string>();
      seen.add(`${answer.data.caseId} ${answer.data.receiptNo}`);
      byClient.set(client.openid, seen);
    }
    // Every client got one and the same answer on each of its retries …
    expect([...byClient.values()].map((seen) => seen.size)).toEqual(Array(CLIENTS).fill(1));
    const caseIds = [...byClient.values()].map((seen) => [...seen][0].split(' ')[0]);
    // … and no two clients share a case or a receipt number.
    expect(new Set(caseIds).size).toBe(CLIENTS);
    expect(new Set([...byClient.values()].map((seen) => [...seen][0].split(' ')[1])).size).toBe(CLIENTS);

    const _ = backend.db.command;
    const { data: cases } = await backend.db
      .collection('cases')
      .where({ ownerOpenid: _.in(clients.map((c) => c.openid)) })
      .limit(1000)
      .get();
    expect(cases).toHaveLength(CLIENTS);
    expect(new Set(cases.map((c: { ownerOpenid: string }) => c.ownerOpenid)).size).toBe(CLIENTS);
    expect(cases.map((c: { _id: string }) => c._id).sort()).toEqual([...caseIds].sort());

    for (const stored of cases) {
      expect(stored).toMatchObject({ status: 'submitted', version: 1, lastSeq: 1 });
      const events = await eventDocuments(backend, stored._id);
      expect(events.map((e) => [e.seq, e.kind])).toEqual([[1, 'submitted']]);
      // A submission queues no message (the receipt is on the resident's screen): its outbox is empty, not doubled.
      expect(await notificationDocuments(backend, stored._id)).toEqual([]);
    }

    // One idempotency record per request, naming its case: the entry in the resident's submission window (sha256 of the openid).
    const windowIds = clients.map((c) => `submissions-${createHash('sha256').update(c.openid).digest('hex')}`);
    const { data: windows } = await backend.db
      .collection('counters')
      .where({ _id: _.in(windowIds) })
      .limit(1000)
      .get();
    expect(windows).toHaveLength(CLIENTS);
    for (const [i, client] of clients.entries()) {
      const entries = windows.find((w: { _id: string }) => w._id === windowIds[i]).entries as { requestId: string }[];
      const stored = cases.find((c: { ownerOpenid: string }) => c.ownerOpenid === client.openid);
      expect(entries).toEqual([expect.objectContaining({ requestId: client.input.requestId, caseId: stored._id, receiptNo: stored.receiptNo })]);
    }
    console.log(`[reliability] concurrency: ${CLIENTS} clients, ${answers.length} calls at once, ${cases.length} cases, ${windows.length} request records`);
  }, 120_000);
});

describe('two officers deciding the same case at once', () => {
  it(`leaves exactly one decision per case over ${ROUNDS} rounds, the loser told CONFLICT, the timeline gapless`, async () => {
    const losers: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round += 1) {
      const { caseId } = await backend.data('case', 'submit', submission(), newOpenid('decided'));
      // Even rounds: both accept. Odd rounds: one accepts while the other rejects.
      const second =
        round % 2 === 0
          ? backend.call('case', 'accept', { caseId, version: 1 }, OFFICER_2)
          : backend.call('case', 'reject', { caseId, version: 1, reason: '属于正在审理的诉讼事项', referral: '请向区人民法院诉讼服务中心咨询' }, OFFICER_2);
      const answers = await Promise.all([backend.call('case', 'accept', { caseId, version: 1 }, OFFICER), second]);

      const winners = answers.filter((a) => a.ok);
      expect(winners).toHaveLength(1);
      const [loser] = answers.filter((a) => !a.ok);
      const code = loser && !loser.ok ? loser.error.code : 'none';
      // CONFLICT: the loser's version was stale. ILLEGAL_TRANSITION: it read the case after the winner committed.
      expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain(code);
      losers[code] = (losers[code] ?? 0) + 1;

      const winner = winners[0].ok ? winners[0].data : undefined;
      const events = await eventDocuments(backend, caseId);
      expect(events.map((e) => e.seq)).toEqual([1, 2]);
      expect(events.map((e) => e.kind)).toEqual(['submitted', winner?.status === 'rejected' ? 'rejected' : 'accepted']);
      const stored = await caseDocument(backend, caseId);
      // version counts the changes: the submission and the one decision.
      expect(stored).toMatchObject({ status: winner?.status, version: events.length, lastSeq: events.length });
      // The resident is told of the one decision only.
      expect((await notificationDocuments(backend, caseId)).map((n) => [n.eventSeq, n.kind])).toEqual([[2, 'caseStatusChanged']]);
    }
    console.log(`[reliability] concurrency: ${ROUNDS} rounds of two officers on one case, losers ${JSON.stringify(losers)}`);
  }, 120_000);
});
