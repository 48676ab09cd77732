/**
 * An existing deployment's cases, stored the old way (events in `case_events`, messages in
 * `notifications`, submission records in `requests`, a window of bare times), moved by
 * scripts/migrate-case-documents.ts into the one-document shape — and then handled as any other
 * case through the functions. The legacy documents are written here by hand, as the old code
 * wrote them.
 */
import { createHash } from 'node:crypto';
import { migrateCaseDocuments } from '../../scripts/migrate-case-documents';
import { caseDocument, OFFICER, STATION } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case'] });
  for (const name of ['case_events', 'requests']) await backend.db.createCollection(name);
}, 120_000);

afterAll(() => backend?.close());

const MIN = 60_000;

it('moves events and messages into their cases, rebuilds the windows, and the case goes on as any other', async () => {
  const owner = newOpenid('legacy');
  const now = Date.now();
  const submittedAt = new Date(now - 20 * MIN);
  const acceptedAt = new Date(now - 10 * MIN);
  const caseId = `legacy-${now}`;
  await backend.db.collection('cases').add({
    _id: caseId,
    receiptNo: `FT-LEGACY-${now}`,
    stationId: STATION,
    stationName: '华富街道人大代表联络站',
    category: 'help',
    title: '旧数据里的留言',
    content: '这是迁移之前按旧方式存下的一件留言，事件在另一个集合里。',
    photoFileIds: [],
    anonymous: false,
    ownerOpenid: owner,
    requestId: 'req-legacy-1',
    contentHash: 'h-legacy',
    status: 'accepted',
    reopenCount: 0,
    dueAt: new Date(now + 10 * 24 * 60 * MIN),
    submittedAt,
    acceptedAt,
    updatedAt: acceptedAt,
    version: 2,
    lastSeq: 2,
    unreadCount: 1,
    readSeq: 1,
  });
  const event = (seq: number, kind: string, at: Date, actorRole: string, actorId: string, fromStatus: string | null, toStatus: string) => ({
    _id: `${caseId}:${seq}`,
    caseId,
    seq,
    kind,
    actorRole,
    actorId,
    at,
    fromStatus,
    toStatus,
  });
  await backend.db
    .collection('case_events')
    .add([event(1, 'submitted', submittedAt, 'resident', owner, null, 'submitted'), event(2, 'accepted', acceptedAt, 'officer', 'sf-ft-hf', 'submitted', 'accepted')]);
  const notice = {
    openid: owner,
    kind: 'caseStatusChanged',
    templateId: 'T',
    page: 'p',
    data: {},
    attempts: 1,
    createdAt: acceptedAt,
    updatedAt: acceptedAt,
    nextAttemptAt: new Date(now + 5 * MIN),
  };
  const reminder = { ...notice, _id: `${caseId}:due:1:o-officer`, openid: 'o-officer', kind: 'handlerTask', state: 'pending', caseId, dueKey: `${caseId}:due:1` };
  await backend.db.collection('notifications').add([{ ...notice, _id: `${caseId}:2:caseStatusChanged`, state: 'pending', caseId, eventSeq: 2 }, reminder]);
  await backend.db.collection('requests').add({ _id: 'legacy-request', action: 'case.submit', caseId, receiptNo: `FT-LEGACY-${now}`, at: submittedAt });
  const windowId = `submissions-${createHash('sha256').update(owner).digest('hex')}`;
  await backend.db.collection('counters').add({ _id: windowId, times: [submittedAt], updatedAt: submittedAt });

  const report = await migrateCaseDocuments(backend.db, new Date(now));
  expect(report).toMatchObject({ events: 2, notices: 1, requestsRemoved: 1 });
  expect(report.cases).toBeGreaterThanOrEqual(1);

  const stored = await caseDocument(backend, caseId);
  expect(stored.timeline.map((e: { seq: number; kind: string }) => [e.seq, e.kind])).toEqual([
    [1, 'submitted'],
    [2, 'accepted'],
  ]);
  expect(stored.outbox.map((n: { _id: string; state: string }) => [n._id, n.state])).toEqual([[`${caseId}:2:caseStatusChanged`, 'pending']]);
  expect(stored).toMatchObject({ outboxRev: 0, outboxDueAt: new Date(now + 5 * MIN) });
  expect((await backend.db.collection('case_events').where({ caseId }).get()).data).toEqual([]);
  // The deadline reminder stays in the collection; the moved message is gone from it.
  expect((await backend.db.collection('notifications').where({ caseId }).get()).data.map((n: { _id: string }) => n._id)).toEqual([reminder._id]);
  expect((await backend.db.collection('requests').where({ _id: 'legacy-request' }).get()).data).toEqual([]);
  const window = (await backend.db.collection('counters').where({ _id: windowId }).get()).data[0];
  expect(window).toMatchObject({ rev: 1, entries: [{ requestId: 'req-legacy-1', caseId, contentHash: 'h-legacy', at: submittedAt }] });
  expect(window).not.toHaveProperty('times');

  // The case goes on: read with its old timeline, changed at the next position.
  expect((await backend.data('case', 'get', { caseId }, owner)).timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted']);
  // Stored before residents chose 允许公开 and before 我也遇到: not public, nobody joined.
  expect(await backend.data('case', 'get', { caseId }, OFFICER)).toMatchObject({ publicConsent: false, joinCount: 0 });
  expect(await backend.call('case', 'join', { caseId }, newOpenid('joiner'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const started = await backend.data('case', 'start', { caseId, version: 2 }, OFFICER);
  expect(started.timeline.map((e) => [e.seq, e.kind])).toEqual([
    [1, 'submitted'],
    [2, 'accepted'],
    [3, 'started'],
  ]);
  // A retry of the old submission still answers its case: the rebuilt window names it.
  const retried = await backend.call(
    'case',
    'submit',
    { requestId: 'req-legacy-1', stationId: STATION, category: 'help', title: '旧数据里的留言', content: '这是迁移之前按旧方式存下的一件留言，事件在另一个集合里。' },
    owner,
  );
  expect(retried).toMatchObject({ ok: true, data: { caseId } });

  // Again: nothing left to move.
  expect(await migrateCaseDocuments(backend.db, new Date(now))).toMatchObject({ cases: 0, events: 0, notices: 0, windows: 0, requestsRemoved: 0 });
});
