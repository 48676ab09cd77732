/**
 * The scheduler's read-only selections over `cases`, each through an index
 * (database/collections.json) and one bounded page at a time, so a tick never scans a
 * district's history: status+repliedAt for auto-closing, status+dueAt for escalation and
 * deadline reminders. The bounds come from domain/scheduler/selection.ts.
 */
import type { CaseState } from '../domain/case';
import { OPEN_STATUSES } from '../domain/case';
import type { Database } from '../platform/cloudbase';

const CASES = 'cases';

/** A page of case ids; `skip` passes over the ones a job could not act on this run. */
export interface Page {
  skip: number;
  limit: number;
}

type Filter = Parameters<ReturnType<Database['collection']>['where']>[0];

/** One page of the cases `filter` selects, by `order` then id: a stable order to skip through. */
async function casesPage(db: Database, filter: Filter, order: 'repliedAt' | 'dueAt', fields: Record<string, true>, page: Page): Promise<Record<string, unknown>[]> {
  const { data } = await db.collection(CASES).where(filter).orderBy(order, 'asc').orderBy('_id', 'asc').field(fields).skip(page.skip).limit(page.limit).get();
  return data as Record<string, unknown>[];
}

const ids = (docs: readonly Record<string, unknown>[]): string[] => docs.map((doc) => String(doc._id));

/** Replies at or before `cutoff` that nobody rated, oldest first (status_replied index). */
export async function unratedRepliesBefore(db: Database, cutoff: Date, page: Page): Promise<string[]> {
  const _ = db.command;
  return ids(await casesPage(db, { status: 'replied', repliedAt: _.lte(cutoff), rating: _.exists(false) }, 'repliedAt', { _id: true }, page));
}

/** Open cases past due at `now`, not escalated since `repeatCutoff`, most overdue first (status_due index). */
export async function overdueUnescalated(db: Database, now: Date, repeatCutoff: Date, page: Page): Promise<string[]> {
  const _ = db.command;
  const filter = _.and([{ status: _.in([...OPEN_STATUSES]), dueAt: _.lt(now) }, _.or([{ lastEscalatedAt: _.exists(false) }, { lastEscalatedAt: _.lte(repeatCutoff) }])]);
  return ids(await casesPage(db, filter, 'dueAt', { _id: true }, page));
}

/** What a deadline reminder needs of a case. */
export type DueCase = Pick<CaseState, 'id' | 'receiptNo' | 'stationId' | 'title' | 'status' | 'assignedDeputyId'> & { dueAt: Date };

/** Open cases due after `after` and at or before `until`, soonest first (status_due index). */
export async function openCasesDueBetween(db: Database, after: Date, until: Date, page: Page): Promise<DueCase[]> {
  const _ = db.command;
  const filter = _.and([{ status: _.in([...OPEN_STATUSES]), dueAt: _.gt(after) }, { dueAt: _.lte(until) }]);
  const fields = { _id: true, receiptNo: true, stationId: true, title: true, status: true, assignedDeputyId: true, dueAt: true } as const;
  const data = await casesPage(db, filter, 'dueAt', fields, page);
  return data.map((doc) => ({
    id: String(doc._id),
    receiptNo: String(doc.receiptNo),
    stationId: String(doc.stationId),
    title: String(doc.title),
    status: doc.status as CaseState['status'],
    ...(doc.assignedDeputyId ? { assignedDeputyId: String(doc.assignedDeputyId) } : {}),
    dueAt: new Date(doc.dueAt as Date),
  }));
}

/** What the scheduler's case jobs select, as the bounds of one run. */
export interface CaseWorkBounds {
  /** autoClose: replies at or before this, unrated. */
  readonly autoCloseCutoff: Date;
  /** escalate and dueReminders: open cases due at or before this (overdue ones included). */
  readonly dueUntil: Date;
  /** The cases' outboxes: a message to look at by now. */
  readonly now: Date;
  /** retention: ended at or before this, still holding a contact. */
  readonly contactCutoff: Date;
}

/**
 * Whether any case job of a run could find work, in one read: the union of the jobs'
 * selections (each branch on its own index), at most one id back. Most runs of a quiet
 * district find nothing, and then none of the jobs needs a read of its own.
 */
export async function anyCaseWork(db: Database, bounds: CaseWorkBounds): Promise<boolean> {
  const _ = db.command;
  const filter = _.or([
    { status: 'replied', repliedAt: _.lte(bounds.autoCloseCutoff), rating: _.exists(false) },
    { status: _.in([...OPEN_STATUSES]), dueAt: _.lte(bounds.dueUntil) },
    { outboxDueAt: _.lte(bounds.now) },
    { status: 'closed', 'closure.at': _.lte(bounds.contactCutoff), contact: _.exists(true) },
    { status: _.in(['rejected', 'withdrawn']), updatedAt: _.lte(bounds.contactCutoff), contact: _.exists(true) },
  ]);
  const { data } = await db.collection(CASES).where(filter).field({ _id: true }).limit(1).get();
  return data.length > 0;
}
