/**
 * The `suggestions` collection (代表建议; the shape: domain/suggestion/suggestion.document.ts), as
 * the lifecycle reads and writes it. A step and its event document (`suggestion_events`,
 * data/suggestion-events.ts, id `<suggestionId>:<seq>`) are ONE transaction, conditional on the
 * `version` the step was decided on (racing steps: one applies, the other finds the version moved
 * and is told CONFLICT), so a crash can never leave a state without its timeline entry. A new
 * draft's first event is written just before the draft (insertSuggestion).
 * The outbox is only ever pushed onto here: the scheduler settles its entries (data/suggestion-clock.ts).
 * Indexes: deputy_updated, cosigner_updated (我的建议), unit_status_deadline and unit_updated (a
 * unit's inbox), district_updated (the office's list).
 */
import type { SuggestionStatus } from '../../typings/suggestion';
import type { SuggestionDocument, SuggestionEventDocument } from '../domain/suggestion';
import type { Database } from '../platform/cloudbase';
import { withoutUndefined } from './cases';
import { insertSuggestionEvent, SUGGESTION_EVENTS } from './suggestion-events';
import { getInTransaction, inTransaction, insertInTransaction, TRANSACTION_CONFLICT } from './transaction';

export const SUGGESTIONS = 'suggestions';

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
const maybeDate = (value: unknown): Date | undefined => (value === undefined || value === null ? undefined : date(value));
const dated = <T extends object>(value: T, keys: readonly (keyof T)[]): T => {
  const out = { ...value } as Record<string, unknown>;
  for (const key of keys as readonly PropertyKey[] as string[]) if (out[key] !== undefined && out[key] !== null) out[key] = date(out[key]);
  return out as T;
};

/** Dates may come back as Date or as strings, arrays may be missing on a hand-written document: one shape for the rules. */
export function suggestionFromDocument(raw: Record<string, unknown>): SuggestionDocument {
  const doc = raw as unknown as SuggestionDocument;
  const out: SuggestionDocument = {
    ...doc,
    _id: String(raw._id),
    version: Number(doc.version ?? 0),
    round: doc.round === 2 ? 2 : 1,
    stationIds: doc.stationIds ?? [],
    attachments: doc.attachments ?? [],
    cosigners: (doc.cosigners ?? []).map((c) => dated(c, ['at'])),
    caseIds: doc.caseIds ?? [],
    assignments: (doc.assignments ?? []).map((a) => dated(a, ['deadline', 'answeredAt'])),
    answers: (doc.answers ?? []).map((a) => ({ ...dated(a, ['at']), ...(a.rating ? { rating: dated(a.rating, ['at']) } : {}) })),
    remindersSent: doc.remindersSent ?? [],
    outbox: (doc.outbox ?? []).map((n) => dated(n, ['queuedAt', 'settledAt'])),
    unitIds: doc.unitIds ?? [],
    extensionUsed: doc.extensionUsed === true,
    rerouteUsed: doc.rerouteUsed === true,
    createdAt: date(doc.createdAt),
    updatedAt: date(doc.updatedAt),
  };
  for (const key of ['firstAssignedAt', 'deadline', 'overdueAt', 'submittedAt', 'acceptedAt', 'answeredAt', 'closedAt'] as const) {
    const value = maybeDate(raw[key]);
    if (value) out[key] = value;
    else delete out[key];
  }
  if (doc.request) out.request = dated(doc.request, ['at', 'until']);
  return out;
}

export async function findSuggestion(db: Database, id: string): Promise<SuggestionDocument | undefined> {
  const { data } = await db.collection(SUGGESTIONS).where({ _id: id }).limit(1).get();
  const doc = (data as Record<string, unknown>[])[0];
  return doc ? suggestionFromDocument(doc) : undefined;
}

/**
 * A new draft and its first event: 'exists' when that id is there already (a retried save, or its
 * twin). The event goes first, so no draft is ever without it, at no extra round trip: a crash
 * between leaves an event no suggestion shows, which the retried save (the same id) finds and keeps.
 */
export async function insertSuggestion(db: Database, doc: SuggestionDocument, event: SuggestionEventDocument): Promise<'inserted' | 'exists'> {
  await insertSuggestionEvent(db, event);
  try {
    await db.collection(SUGGESTIONS).add(withoutUndefined(doc));
  } catch (error) {
    if ((error as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE') return 'exists';
    throw error;
  }
  return 'inserted';
}

/** Fields the lifecycle never writes whole: the scheduler's bookkeeping, and the outbox (pushed onto). */
const NOT_REPLACED = new Set(['_id', 'outbox', 'remindersSent']);

/**
 * One step, in one transaction: the suggestion read again (CloudBase transactions take no
 * where-query, so the version is compared here), the fields that changed from `before` to `next`
 * (removed ones removed), new notices pushed onto the outbox, and the step's event inserted. False
 * when the suggestion was not at `before.version` any more: nothing was written. An event id taken
 * while the version has not moved is no race but a broken record: the error is thrown, nothing is
 * written. Five round trips: the start, the read, the update, the event, the commit.
 */
export async function commitSuggestionStep(db: Database, before: SuggestionDocument, next: SuggestionDocument, event: SuggestionEventDocument): Promise<boolean> {
  const _ = db.command;
  const update: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(next)].filter((key) => !NOT_REPLACED.has(key)));
  for (const key of keys) {
    const was = (before as unknown as Record<string, unknown>)[key];
    const now = (next as unknown as Record<string, unknown>)[key];
    if (now === undefined) {
      if (was !== undefined) update[key] = _.remove();
    } else if (JSON.stringify(withoutUndefined(was) ?? null) !== JSON.stringify(withoutUndefined(now))) {
      const plain = withoutUndefined(now);
      update[key] = plain !== null && typeof plain === 'object' && !(plain instanceof Date) ? _.set(plain) : plain;
    }
  }
  const added = next.outbox.slice(before.outbox.length);
  if (added.length) update.outbox = _.push(added.map((notice) => withoutUndefined(notice)));
  try {
    // The bookkeeping fields (outbox, remindersSent) may have moved without a version: the update only touches what the step changed.
    return await inTransaction(db, async (tx) => {
      const stored = await getInTransaction<{ version?: unknown }>(tx, SUGGESTIONS, before._id);
      if (!stored || Number(stored.version ?? 0) !== before.version) return false;
      await tx.collection(SUGGESTIONS).doc(before._id).update(update);
      await insertInTransaction(tx, SUGGESTION_EVENTS, withoutUndefined(event));
      return true;
    });
  } catch (error) {
    // Still conflicting after every retry: a race lost, as the conditional update would have told.
    if ((error as { code?: unknown })?.code === TRANSACTION_CONFLICT) return false;
    throw error;
  }
}

export interface SuggestionPage {
  readonly skip: number;
  readonly limit: number;
}

type Filter = Parameters<ReturnType<Database['collection']>['where']>[0];

async function page(db: Database, filter: Filter, order: [string, 'asc' | 'desc'], at: SuggestionPage): Promise<SuggestionDocument[]> {
  const { data } = await db.collection(SUGGESTIONS).where(filter).orderBy(order[0], order[1]).orderBy('_id', 'asc').skip(at.skip).limit(at.limit).get();
  return (data as Record<string, unknown>[]).map(suggestionFromDocument);
}

/** A deputy's own and those they were asked to co-sign, latest first (deputy_updated, cosigner_updated); `overdueBefore`: assigned, past the deadline. */
export function suggestionsOfDeputy(
  db: Database,
  deputyId: string,
  status: SuggestionStatus | undefined,
  at: SuggestionPage,
  overdueBefore?: Date,
): Promise<SuggestionDocument[]> {
  const _ = db.command;
  const mine = _.or([{ deputyId }, { 'cosigners.deputyId': deputyId }]);
  if (overdueBefore && status && status !== 'assigned') return Promise.resolve([]);
  const narrow = overdueBefore ? { status: 'assigned', deadline: _.lt(overdueBefore) } : status ? { status } : undefined;
  return page(db, narrow ? _.and([mine, narrow]) : mine, ['updatedAt', 'desc'], at);
}

/** The office's filters, all optional; `overdueBefore`: assigned with a deadline before it. */
export interface OfficeFilter {
  readonly district: string;
  readonly status?: SuggestionStatus;
  readonly unitId?: string;
  readonly deputyId?: string;
  readonly overdueBefore?: Date;
}

/** A district's suggestions, filtered, latest first (district_updated). Drafts stay the deputy's own. */
export function suggestionsOfDistrict(db: Database, filter: OfficeFilter, at: SuggestionPage): Promise<SuggestionDocument[]> {
  const _ = db.command;
  const where: Record<string, unknown> = { district: filter.district, status: filter.status ?? _.neq('draft') };
  if (filter.unitId) where.unitIds = filter.unitId;
  if (filter.deputyId) where.deputyId = filter.deputyId;
  if (filter.overdueBefore) {
    where.status = 'assigned';
    where.deadline = _.lt(filter.overdueBefore);
  }
  if (filter.overdueBefore && filter.status && filter.status !== 'assigned') return Promise.resolve([]);
  return page(db, where, ['updatedAt', 'desc'], at);
}

/** A unit's suggestions in one status by deadline, soonest (most overdue) first (unit_status_deadline). */
export function unitSuggestionsByDeadline(
  db: Database,
  unitId: string,
  status: SuggestionStatus | { overdueBefore: Date },
  at: SuggestionPage,
): Promise<SuggestionDocument[]> {
  const _ = db.command;
  const where = typeof status === 'string' ? { unitIds: unitId, status } : { unitIds: unitId, status: 'assigned', deadline: _.lt(status.overdueBefore) };
  return page(db, where, ['deadline', 'asc'], at);
}

/** A unit's handled ones (answered, closed), latest first (unit_updated). */
export function unitSuggestionsDone(db: Database, unitId: string, at: SuggestionPage): Promise<SuggestionDocument[]> {
  return page(db, { unitIds: unitId, status: db.command.in(['answered', 'closed']) }, ['updatedAt', 'desc'], at);
}

/** How many of the unit's suggestions wait for its answer (unit_status_deadline). */
export async function countUnitOpen(db: Database, unitId: string): Promise<number> {
  const { total } = await db.collection(SUGGESTIONS).where({ unitIds: unitId, status: 'assigned' }).count();
  return Number(total ?? 0);
}
