/**
 * A resident's claim (case.claim) landing between a handler's read of a case made from a visit
 * and the handler's write: the handler decided while the case had no owner, so the change it
 * wrote told nobody — the new owner missed that event's notice. Forced, not hoped for: the
 * functions talk to CloudBase through a gate (request-gate.ts) that holds the handler's write
 * until the claim is stored. Expected by hand: the accept's notice (caseStatusChanged) reaches
 * the claimer, once, and the case is accepted once.
 */
import { randomUUID } from 'node:crypto';
import { caseDocument, notificationDocuments, OFFICER } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { startRequestGate, type RequestGate } from './request-gate';
import { todaysReception } from './todays-reception';

let backend: Backend;
let gate: RequestGate;
const RECEPTION = `rc-claim-race-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  gate = await startRequestGate();
  backend = await startBackend({ functions: ['reception', 'case'], functionEnv: gate.functionEnv });
  gate.target(backend.serviceUrl);
  await backend.db.collection('receptions').add(todaysReception(RECEPTION));
}, 180_000);

afterAll(async () => {
  await backend?.close();
  await gate?.close();
});

it('a claim between the officer’s read and write: the accept is still told to the new owner', async () => {
  const resident = newOpenid('claimer');
  const visit = await backend.data('reception', 'recordVisit', { requestId: `req-${randomUUID()}`, receptionId: RECEPTION, issue: '小区垃圾站夜里清运噪音大' }, OFFICER);
  const made = await backend.data('reception', 'visitToCase', { visitId: visit.id, requestId: `req-${randomUUID()}` }, OFFICER);
  const caseId = made.visit.case!.id;
  const read = await backend.data('case', 'get', { caseId }, OFFICER);

  // The accept's write to the case (one updateAndReturn of that case) waits at the gate …
  const held = gate.hold((body) => body.includes('modifyAndReturnDoc') && body.includes(caseId));
  const accepting = backend.call('case', 'accept', { caseId, version: read.version }, OFFICER);
  await held.arrived;
  // … while the resident claims the case, then it goes on.
  expect(await backend.data('case', 'claim', { code: made.claim.code }, resident)).toMatchObject({ caseId });
  held.release();
  expect(await accepting).toMatchObject({ ok: true, data: { status: 'accepted' } });

  const stored = await caseDocument(backend, caseId);
  expect([stored.ownerOpenid, stored.status, stored.timeline.map((e: { kind: string }) => e.kind)]).toEqual([resident, 'accepted', ['submitted', 'accepted']]);
  const notices = await notificationDocuments(backend, caseId);
  expect(notices.filter((n) => n.kind === 'caseStatusChanged').map((n) => [n.openid, n.eventSeq])).toEqual([[resident, 2]]);
});
