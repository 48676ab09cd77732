/**
 * Moves an existing deployment's cases to the one-document shape (backend/data/cases.ts): each
 * case's events (`case_events`) become its `timeline`, the messages about its events
 * (`notifications` with a `caseId` and an `eventSeq`) its `outbox`, a rejected case gets its
 * `rejectedAt`; then the moved documents are removed. Every resident's submission window is
 * rebuilt from their cases of the last 30 days (what the limits, the duplicate check and retries
 * now read), and the old submission records (`requests`) are removed.
 *
 *   npx tsx scripts/migrate-case-documents.ts     # local: the back end of `npm start` (SERVICE_URL, default http://127.0.0.1:3721/admin)
 *   ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npx tsx scripts/migrate-case-documents.ts --cloud
 *
 * Run it once, right after deploying the functions that read the new shape, at a quiet hour: a
 * submission retried across the switch may make a second case (its old record is gone). Safe to
 * run again: a case that has a `timeline` is left alone, and each case is written only if it still
 * has none. Deadline reminders (`notifications` with a `dueKey`) stay where they are.
 */
import { createHash } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { Database } from '../backend/platform/cloudbase';
import { localCloudbase } from './lib/local-sdk';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of the old shape, read field by field before they are rewritten
type Doc = Record<string, any>;

const PAGE = 100;
const DAY_MS = 24 * 3_600_000;
/** As backend/domain/notifications/retry-policy.ts: a claim this old was abandoned. */
const ABANDONED_SEND_MS = 10 * 60_000;

export interface MigrationReport {
  cases: number;
  events: number;
  notices: number;
  windows: number;
  requestsRemoved: number;
}

/** Whether the store still has the collection (a fresh deployment never had the old ones). */
async function has(db: Database, collection: string): Promise<boolean> {
  try {
    await db.collection(collection).limit(1).get();
    return true;
  } catch {
    return false;
  }
}

async function all(db: Database, collection: string, where: Doc): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (;;) {
    const { data } = await db.collection(collection).where(where).skip(docs.length).limit(1000).get();
    docs.push(...(data as Doc[]));
    if (data.length < 1000) return docs;
  }
}

function dueAt(notices: readonly Doc[]): Date | undefined {
  const times = notices.flatMap((n) =>
    n.state === 'pending' ? [new Date(n.nextAttemptAt).getTime()] : n.state === 'sending' ? [new Date(n.updatedAt).getTime() + ABANDONED_SEND_MS] : [],
  );
  return times.length ? new Date(Math.min(...times)) : undefined;
}

export async function migrateCaseDocuments(db: Database, now = new Date()): Promise<MigrationReport> {
  const _ = db.command;
  const report: MigrationReport = { cases: 0, events: 0, notices: 0, windows: 0, requestsRemoved: 0 };
  const withEvents = await has(db, 'case_events');
  for (;;) {
    const { data } = await db
      .collection('cases')
      .where({ timeline: _.exists(false) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    if (data.length === 0) break;
    for (const stored of data as Doc[]) {
      const events = withEvents ? (await all(db, 'case_events', { caseId: stored._id })).sort((a, b) => a.seq - b.seq) : [];
      const notices = (await all(db, 'notifications', { caseId: stored._id, eventSeq: _.exists(true) })).sort((a, b) => a.eventSeq - b.eventSeq);
      const timeline = events.map(({ _id, caseId: _caseId, ...event }) => event);
      const rejected = [...events].reverse().find((e) => e.kind === 'rejected');
      const due = dueAt(notices);
      const { updated } = await db
        .collection('cases')
        .where({ _id: stored._id, timeline: _.exists(false) })
        .update({
          timeline: _.set(timeline),
          outbox: _.set(notices),
          outboxRev: 0,
          ...(due ? { outboxDueAt: due } : {}),
          ...(stored.status === 'rejected' && !stored.rejectedAt && rejected ? { rejectedAt: new Date(rejected.at) } : {}),
        });
      if (updated !== 1) continue;
      // Written into the case: now the old copies go (a rerun finds the case migrated and leaves them be).
      if (notices.length)
        await db
          .collection('notifications')
          .where({ _id: _.in(notices.map((n) => n._id)) })
          .remove();
      if (events.length) await db.collection('case_events').where({ caseId: stored._id }).remove();
      report.cases += 1;
      report.events += events.length;
      report.notices += notices.length;
    }
  }

  // Every resident's window, from their cases of the duplicate window (30 days): what a submission now reads.
  const recent = await all(db, 'cases', { submittedAt: _.gte(new Date(now.getTime() - 30 * DAY_MS)) });
  const byOwner = new Map<string, Doc[]>();
  for (const c of recent) if (!String(c.ownerOpenid).startsWith('deleted:')) byOwner.set(c.ownerOpenid, [...(byOwner.get(c.ownerOpenid) ?? []), c]);
  for (const [openid, cases] of byOwner) {
    const _id = `submissions-${createHash('sha256').update(openid).digest('hex')}`;
    const entries = cases
      .sort((a, b) => new Date(a.submittedAt).getTime() - new Date(b.submittedAt).getTime())
      .map((c) => ({ at: new Date(c.submittedAt), requestId: c.requestId, caseId: c._id, receiptNo: c.receiptNo, contentHash: c.contentHash ?? '' }));
    const { data } = await db.collection('counters').where({ _id }).limit(1).get();
    const existing = data[0] as Doc | undefined;
    if (existing?.entries) continue; // already a window of the new shape
    if (existing)
      await db
        .collection('counters')
        .where({ _id })
        .update({ rev: Number(existing.rev ?? 0) + 1, entries: _.set(entries), times: _.remove(), updatedAt: now });
    else await db.collection('counters').add({ _id, rev: 1, entries, updatedAt: now });
    report.windows += 1;
  }

  if (await has(db, 'requests')) {
    const { deleted } = await db.collection('requests').where({ action: 'case.submit' }).remove();
    report.requestsRemoved = Number(deleted ?? 0);
  }
  return report;
}

function database(): Database {
  if (!process.argv.includes('--cloud')) return localCloudbase(process.env.SERVICE_URL ?? 'http://127.0.0.1:3721/admin', process.env.ENV_ID ?? 'local-dev').database();
  const { ENV_ID: env, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  if (!env || !secretId || !secretKey) throw new Error('--cloud needs ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  return tcb.init({ env, secretId, secretKey }).database();
}

if (require.main === module) {
  migrateCaseDocuments(database())
    .then((report) => console.log(`[migrate] ${JSON.stringify(report)}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
