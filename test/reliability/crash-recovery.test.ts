/**
 * The local back end killed with SIGKILL in the middle of a write load and
 * started again on the same data folder, three times: every write that was answered ok is
 * there, whole; a retried request finds its case instead of making another; and nothing is
 * half-written (no case without its first event, no notice without its event, no gap in a
 * timeline, no idempotency record naming another case).
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import { localCloudbase } from '../../scripts/lib/local-sdk';
import type { SubmitCaseInput } from '../../typings/case';
import { OFFICER, submission } from '../backend/case-fixtures';
import { startChildBackend, type ChildBackend } from './support/crash-process';

const KILLS = 3;
/** Writes answered ok in each phase before the kill; the other workers are mid-call when it lands. */
const ACKS_BEFORE_KILL = 12;
const WORKERS = 6;

type Doc = Record<string, any>;

interface Submission {
  openid: string;
  input: SubmitCaseInput;
  /** Set once the function host answered ok. */
  ack?: { caseId: string; receiptNo: string };
  /** The officer's accept was answered ok. */
  accepted?: boolean;
}

let dataDir: string;
let functionsDir: string;
let backend: ChildBackend | undefined;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-recovery-'));
  dataDir = path.join(root, 'data');
  functionsDir = path.join(root, 'functions');
  await buildFunctions({ only: ['case'], outRoot: functionsDir, quiet: true });
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  if (dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

/** One call to the function host; throws when the connection dies (the process was killed). */
async function call(url: string, action: string, input: object, openid: string): Promise<Doc> {
  const res = await fetch(`${url}/functions/case`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
    body: JSON.stringify({ ...input, action }),
  });
  if (res.status !== 200) throw new Error(`case.${action} answered HTTP ${res.status}`);
  return (await res.json()) as Doc;
}

/**
 * Residents submit and the officer accepts, WORKERS at a time, until ACKS_BEFORE_KILL writes
 * were answered ok; then SIGKILL lands while the other calls are in flight.
 */
async function loadUntilKilled(node: ChildBackend, submissions: Submission[]): Promise<number> {
  let acks = 0;
  let killing: Promise<void> | undefined;
  const acknowledged = () => {
    acks += 1;
    if (acks >= ACKS_BEFORE_KILL && !killing) killing = node.kill();
  };
  const worker = async () => {
    while (!killing) {
      const current: Submission = { openid: `otest-crash-${randomUUID().slice(0, 12)}`, input: submission() };
      submissions.push(current);
      try {
        const submitted = await call(node.url, 'submit', current.input, current.openid);
        if (!submitted.ok) throw new Error(`submit refused: ${JSON.stringify(submitted.error)}`);
        current.ack = { caseId: submitted.data.caseId, receiptNo: submitted.data.receiptNo };
        acknowledged();
        if (killing) return;
        const accepted = await call(node.url, 'accept', { caseId: current.ack.caseId, version: 1 }, OFFICER);
        if (!accepted.ok) throw new Error(`accept refused: ${JSON.stringify(accepted.error)}`);
        current.accepted = true;
        acknowledged();
      } catch (error) {
        // Refusals are bugs; a dead connection after the kill is the point of the exercise.
        if (!killing) throw error;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  await killing;
  return acks;
}

/** Every document of a collection, page by page. */
async function all(db: Doc, collection: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (;;) {
    const { data } = await db.collection(collection).skip(docs.length).limit(1000).get();
    docs.push(...data);
    if (data.length < 1000) return docs;
  }
}

/** A resident's submission window (`counters`, keyed by sha256 of the openid): the idempotency record of their requests. */
const windowId = (openid: string) => `submissions-${createHash('sha256').update(openid).digest('hex')}`;

/** Acknowledged writes found whole; throws (through expect) on the first one missing. */
async function verify(node: ChildBackend, submissions: Submission[]): Promise<number> {
  const db = localCloudbase(node.serviceUrl).database() as Doc;
  const [cases, counters] = await Promise.all(['cases', 'counters'].map((c) => all(db, c)));
  const caseById = new Map(cases.map((c) => [c._id, c]));
  const windowById = new Map(counters.map((c) => [c._id, c]));
  const eventsOf = (stored: Doc): Doc[] => [...(stored.timeline ?? [])].sort((a, b) => a.seq - b.seq);

  // Nothing half-written: every case has its whole timeline inside it, every notice its event.
  for (const stored of cases) {
    const timeline = eventsOf(stored);
    expect({ id: stored._id, seqs: timeline.map((e) => e.seq), first: timeline[0]?.kind }).toEqual({
      id: stored._id,
      seqs: Array.from({ length: stored.lastSeq }, (_, i) => i + 1),
      first: 'submitted',
    });
    expect(stored.version).toBe(timeline.length);
    const seqs = new Set(timeline.map((e) => e.seq));
    for (const notice of stored.outbox ?? []) expect(seqs.has(notice.eventSeq)).toBe(true);
  }
  // One case per request: no two cases of one owner carry the same request id, and each is named by its owner's window.
  const requests = cases.map((c) => `${c.ownerOpenid} ${c.requestId}`);
  expect(new Set(requests).size).toBe(requests.length);
  for (const stored of cases) {
    const entry = (windowById.get(windowId(stored.ownerOpenid))?.entries ?? []).find((e: Doc) => e.requestId === stored.requestId);
    expect(entry).toMatchObject({ caseId: stored._id, receiptNo: stored.receiptNo });
  }

  // Every acknowledged write is there.
  let verified = 0;
  for (const s of submissions) {
    if (!s.ack) continue;
    const stored = caseById.get(s.ack.caseId);
    expect(stored).toMatchObject({ ownerOpenid: s.openid, receiptNo: s.ack.receiptNo, requestId: s.input.requestId });
    const entry = (windowById.get(windowId(s.openid))?.entries ?? []).find((e: Doc) => e.requestId === s.input.requestId);
    expect(entry).toMatchObject({ caseId: s.ack.caseId, receiptNo: s.ack.receiptNo });
    verified += 1;
    if (s.accepted) {
      expect(stored).toMatchObject({ status: 'accepted', version: 2 });
      expect(eventsOf(stored!).find((e) => e.seq === 2)?.kind).toBe('accepted');
      expect((stored!.outbox ?? []).map((n: Doc) => n._id)).toContain(`${s.ack.caseId}:2:caseStatusChanged`);
      verified += 1;
    }
  }
  return verified;
}

/** Retrying a request answers the case it made (acknowledged or not), and never makes a second. */
async function retryEverything(node: ChildBackend, submissions: Submission[]): Promise<void> {
  for (let i = 0; i < submissions.length; i += WORKERS) {
    await Promise.all(
      submissions.slice(i, i + WORKERS).map(async (s) => {
        const again = await call(node.url, 'submit', s.input, s.openid);
        expect(again.ok).toBe(true);
        if (s.ack) expect(again.data).toEqual(s.ack);
        // An unacknowledged one may or may not have landed; either way it is acknowledged now.
        s.ack = again.data;
      }),
    );
  }
  const db = localCloudbase(node.serviceUrl).database() as Doc;
  const cases = await all(db, 'cases');
  const perOwner = new Map<string, number>();
  for (const stored of cases) perOwner.set(stored.ownerOpenid, (perOwner.get(stored.ownerOpenid) ?? 0) + 1);
  expect(submissions.filter((s) => perOwner.get(s.openid) !== 1).map((s) => s.openid)).toEqual([]);
}

it(`keeps every acknowledged write through ${KILLS} SIGKILLs mid-load`, async () => {
  const submissions: Submission[] = [];
  let acknowledged = 0;
  let kills = 0;
  backend = await startChildBackend(dataDir, functionsDir, { seed: true });
  try {
    for (let round = 0; round < KILLS; round += 1) {
      acknowledged += await loadUntilKilled(backend, submissions);
      kills += 1;
      backend = await startChildBackend(dataDir, functionsDir);
      await verify(backend, submissions);
    }
    const inFlight = submissions.filter((s) => !s.ack).length;
    const verified = await verify(backend, submissions);
    expect(verified).toBe(acknowledged);
    await retryEverything(backend, submissions);
    await verify(backend, submissions);
    console.log(
      `[reliability] crash recovery: kills ${kills}, acknowledged writes ${acknowledged}, verified writes ${verified}, ` +
        `submissions ${submissions.length} (${inFlight} in flight at a kill, each made exactly one case on retry)`,
    );
  } catch (error) {
    throw new Error(`${(error as Error).stack}\n--- back end output ---\n${backend?.output().slice(-4000)}`);
  }
}, 180_000);
