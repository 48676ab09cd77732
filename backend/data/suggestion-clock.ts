/**
 * The scheduler's reads and writes of `suggestions` (the shape: domain/suggestion/suggestion.document.ts),
 * each selection through an index of database/collections.json and one bounded page at a time:
 *   status_deadline           assigned, lead deadline in a reminder window / past and unmarked (督办)
 *   status_assist_deadline    assigned, an assisting unit's deadline in a reminder window
 *   status_answered           answered long enough ago, this round's rating reminder not sent
 *   outbox_status             a resident's notice waiting to go out
 * The bookkeeping writes (reminders sent, notices settled) are conditional on the version read and
 * do not bump it: they are no step of the lifecycle, so nobody's step is refused because of them
 * (and the lifecycle never writes those two fields whole: data/suggestions.ts). A settle lost to a
 * racing step is harmless — the messages' ids are deterministic, and the next run finds them queued
 * and settles again. The 督办 mark is a step, written the lifecycle's one way (commitSuggestionStep).
 */
import type { SuggestionDocument, SuggestionResidentNotice } from '../domain/suggestion/suggestion.document';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import type { Page } from './scheduler-queries';
import { SUGGESTIONS, suggestionFromDocument } from './suggestions';

/** What the clock reads of a suggestion: never the texts, files or co-signers. */
export type ClockRecord = Pick<
  SuggestionDocument,
  | '_id'
  | 'version'
  | 'status'
  | 'district'
  | 'number'
  | 'title'
  | 'deputyId'
  | 'deadline'
  | 'assignments'
  | 'remindersSent'
  | 'round'
  | 'answers'
  | 'answeredAt'
  | 'overdueAt'
  | 'outbox'
  | 'caseIds'
>;

const CLOCK_FIELDS = Object.fromEntries(
  [
    '_id',
    'version',
    'status',
    'district',
    'number',
    'title',
    'deputyId',
    'deadline',
    'assignments',
    'remindersSent',
    'round',
    'answers',
    'answeredAt',
    'overdueAt',
    'outbox',
    'caseIds',
    'createdAt',
    'updatedAt',
  ].map((field) => [field, true]),
);

type Filter = Parameters<ReturnType<Database['collection']>['where']>[0];

async function page(db: Database, filter: Filter, order: 'deadline' | 'answeredAt' | 'updatedAt', { skip, limit }: Page): Promise<ClockRecord[]> {
  const { data } = await db.collection(SUGGESTIONS).where(filter).orderBy(order, 'asc').orderBy('_id', 'asc').field(CLOCK_FIELDS).skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map((doc): ClockRecord => suggestionFromDocument(doc));
}

/** The bounds of one run's selections. */
export interface SuggestionClockBounds {
  readonly now: Date;
  /** Reminders: deadlines after `now` and at or before this. */
  readonly horizon: Date;
  /** Rating reminders: answers at or before this. */
  readonly ratingCutoff: Date;
}

function reminderFilter(db: Database, { now, horizon }: SuggestionClockBounds): Filter {
  const _ = db.command;
  return _.or([
    { status: 'assigned', deadline: _.gt(now).and(_.lte(horizon)) },
    // A range inside elemMatch is not matched by every engine (the emulator's is not): the element owes its
    // opinion and is not past, and some deadline is inside the window; the rule sorts out the rest.
    { status: 'assigned', assignments: _.elemMatch({ role: 'assist', answeredAt: _.exists(false), deadline: _.gt(now) }), 'assignments.deadline': _.lte(horizon) },
  ]);
}

function overdueFilter(db: Database, now: Date): Filter {
  const _ = db.command;
  return { status: 'assigned', deadline: _.lt(now), overdueAt: _.exists(false) };
}

function ratingFilter(db: Database, cutoff: Date): Filter {
  const _ = db.command;
  // The key is per round: `rating:1` does not hold off round 2's reminder.
  return _.or([
    { status: 'answered', answeredAt: _.lte(cutoff), round: 2, remindersSent: _.nin(['rating:2']) },
    { status: 'answered', answeredAt: _.lte(cutoff), round: _.neq(2), remindersSent: _.nin(['rating:1']) },
  ]);
}

const PENDING_NOTICE = { 'outbox.status': 'pending' };

/** Assigned suggestions with the lead's or an unanswered assisting unit's deadline inside a reminder window, soonest first. */
export function suggestionsInReminderWindow(db: Database, bounds: SuggestionClockBounds, at: Page): Promise<ClockRecord[]> {
  return page(db, reminderFilter(db, bounds), 'deadline', at);
}

/** Assigned suggestions past their deadline and not yet marked overdue, most overdue first: whole, for the step. */
export async function overdueUnmarked(db: Database, now: Date, { skip, limit }: Page): Promise<SuggestionDocument[]> {
  const { data } = await db.collection(SUGGESTIONS).where(overdueFilter(db, now)).orderBy('deadline', 'asc').orderBy('_id', 'asc').skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map(suggestionFromDocument);
}

/** Answers at or before `cutoff` still unrated whose round's reminder was not sent, oldest first. */
export function unratedAnswersBefore(db: Database, cutoff: Date, at: Page): Promise<ClockRecord[]> {
  return page(db, ratingFilter(db, cutoff), 'answeredAt', at);
}

/** Suggestions with a resident's notice waiting, longest untouched first. */
export function suggestionsWithPendingNotices(db: Database, at: Page): Promise<ClockRecord[]> {
  return page(db, PENDING_NOTICE, 'updatedAt', at);
}

/** Whether any suggestion rule of a run could find work, in one read (each branch on its own index). */
export async function anySuggestionWork(db: Database, bounds: SuggestionClockBounds): Promise<boolean> {
  const _ = db.command;
  const filter = _.or([reminderFilter(db, bounds), overdueFilter(db, bounds.now), ratingFilter(db, bounds.ratingCutoff), PENDING_NOTICE]);
  const { data } = await db.collection(SUGGESTIONS).where(filter).field({ _id: true }).limit(1).get();
  return data.length > 0;
}

/** Records reminders sent, if the suggestion is still at the version read (no bump: bookkeeping, not a step). */
export async function recordReminders(db: Database, record: Pick<ClockRecord, '_id' | 'version' | 'remindersSent'>, keys: readonly string[]): Promise<boolean> {
  const remindersSent = [...record.remindersSent, ...keys.filter((key) => !record.remindersSent.includes(key))];
  const { updated } = await db.collection(SUGGESTIONS).where({ _id: record._id, version: record.version }).update({ remindersSent });
  return updated === 1;
}

/** Writes the settled outbox, if the suggestion is still at the version read (no bump). */
export async function settleNotices(db: Database, record: Pick<ClockRecord, '_id' | 'version'>, outbox: readonly SuggestionResidentNotice[]): Promise<boolean> {
  const { updated } = await db
    .collection(SUGGESTIONS)
    .where({ _id: record._id, version: record.version })
    .update({ outbox: [...outbox] });
  return updated === 1;
}

/** What a resident's notice needs of a linked case. */
export interface LinkedCase {
  readonly id: string;
  readonly receiptNo: string;
  readonly ownerOpenid?: string;
  readonly suggestionId?: string;
}

/** The cases the notices name, by id: their receipt number, resident and current suggestion. */
export async function linkedCases(db: Database, caseIds: readonly string[]): Promise<Map<string, LinkedCase>> {
  if (caseIds.length === 0) return new Map();
  const { data } = await db
    .collection('cases')
    .where({ _id: db.command.in([...new Set(caseIds)]) })
    .field({ _id: true, receiptNo: true, ownerOpenid: true, suggestionId: true })
    .limit(MAX_PAGE)
    .get();
  return new Map(
    (data as Record<string, unknown>[]).map((doc) => [
      String(doc._id),
      {
        id: String(doc._id),
        receiptNo: String(doc.receiptNo ?? ''),
        ...(typeof doc.ownerOpenid === 'string' && doc.ownerOpenid ? { ownerOpenid: doc.ownerOpenid } : {}),
        ...(typeof doc.suggestionId === 'string' ? { suggestionId: doc.suggestionId } : {}),
      },
    ]),
  );
}
