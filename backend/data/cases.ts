/**
 * The `cases` collection: ONE document per case — the domain's CaseState (`id` stored as
 * `_id`), what only storage needs, the case's whole timeline and its outbox. The only code that
 * reads or writes it.
 *
 * A change is one conditional update, atomic without a transaction: `where({ _id, version,
 * lastSeq })` → the changed fields, `version` and `lastSeq` moved on, the new events pushed onto
 * `timeline` and the new notices onto `outbox`. `updated: 0` means someone else changed the case
 * first (or it is gone), and nothing was written. Events are only ever pushed: nothing in a
 * timeline is edited or removed (account deletion re-labels who did it, see data/account.ts).
 *
 * Document shape (what other modules may read):
 * - the CaseState fields (submittedAt, stationId, status, closure, rating, acceptedAt, rejectedAt …);
 * - `timeline`: the events in order, each `{ seq, kind, actorRole, actorId, at, fromStatus,
 *   toStatus, note?, data?, actorName? }` — `actorName` is how others read a handler or the
 *   system at the time ("联络员 王芳", "人大代表 李明", "系统"); residents have none (who may see
 *   their name depends on the reader);
 * - `deputyNames`: `{ [deputyId]: name }` for every deputy the case named (addressed, assigned);
 * - `publicReply`: `{ text, at }`, the latest reply as the public view shows it (masked when shown),
 *   written by the change that replied and removed by a 重办 — so the board reads no timeline;
 * - `outbox`: the case's subscription messages (notifications/outbox.ts), `outboxRev` counting
 *   their changes and `outboxDueAt` the earliest instant one of them needs the dispatcher
 *   (index `outbox_due`; absent when every message is settled). See data/case-outbox.ts.
 */
import type { PublicReply } from '../domain/board';
import type { CaseEvent, CaseState } from '../domain/case';
import type { Database } from '../platform/cloudbase';
import { toGeoPoint } from './documents';
import type { NotificationDocument } from './notifications';

const CASES = 'cases';

/** Stored beside the domain state; never part of a decision. */
export interface CaseExtras {
  /** Denormalised for lists: stations are renamed rarely, cases are listed constantly. */
  readonly stationName: string;
  /** sha256 of the normalised title and content, for the 30-day duplicate check. */
  readonly contentHash: string;
  /** 'pending' when WeChat's content check was unavailable at submission: a handler must read it. */
  readonly contentCheck?: 'pending';
  /** Timeline events the owner has not seen yet (events by others since `readSeq`). */
  readonly unreadCount: number;
  /** The last seq the owner has been shown. */
  readonly readSeq: number;
  /** Names of the deputies the case named, as they were when it named them: a reader needs no look-up. */
  readonly deputyNames?: Readonly<Record<string, string>>;
  /**
   * 附议: residents who joined (我也遇到), moved by their joins (data/case-joins.ts) with `inc`,
   * never by a case command; 0 when absent (cases stored before joining existed).
   */
  readonly joinCount: number;
}

/** A timeline event as stored inside its case: the case id is the document's, the event id its position. */
export type StoredEvent = Omit<CaseEvent, 'id' | 'caseId'> & { readonly actorName?: string };

/** A timeline event as read back: the domain's event, plus the name its actor had. */
export type TimelineEvent = CaseEvent & { readonly actorName?: string };

export type CaseDocument = Omit<CaseState, 'id'> &
  CaseExtras & {
    _id: string;
    timeline: StoredEvent[];
    outbox: NotificationDocument[];
    outboxRev: number;
    outboxDueAt?: Date;
  };

export interface StoredCase {
  state: CaseState;
  extras: CaseExtras;
}

/** The whole case as stored: its state, its timeline (oldest first) and its outbox. */
export interface CaseRecord extends StoredCase {
  events: TimelineEvent[];
  outbox: NotificationDocument[];
  outboxRev: number;
  outboxDueAt?: Date;
}

const STORAGE_FIELDS = [
  '_id',
  'stationName',
  'contentHash',
  'contentCheck',
  'unreadCount',
  'readSeq',
  'deputyNames',
  'joinCount',
  'timeline',
  'outbox',
  'outboxRev',
  'outboxDueAt',
  'publicReply',
] as const;

/** Where the events' positions come from: `<caseId>:<seq>`, unique per case. */
export const eventId = (caseId: string, seq: number): string => `${caseId}:${seq}`;

export function toStoredEvent(event: CaseEvent, actorName?: string): StoredEvent {
  const { id: _id, caseId: _caseId, ...fields } = event;
  return withoutUndefined({ ...fields, ...(actorName ? { actorName } : {}) }) as StoredEvent;
}

function fromStoredEvent(caseId: string, stored: Record<string, unknown>): TimelineEvent {
  const at = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
  return { ...stored, at: at(stored.at), id: eventId(caseId, Number(stored.seq)), caseId } as unknown as TimelineEvent;
}

/** `outbox`: messages written with the case (handlers told of a case made for a resident); `outboxDueAt` when one needs the dispatcher. */
export function toCaseDocument(
  state: CaseState,
  extras: CaseExtras,
  events: readonly StoredEvent[] = [],
  outbox: { notices: readonly NotificationDocument[]; dueAt?: Date } = { notices: [] },
): CaseDocument {
  const { id, ...fields } = state;
  return withoutUndefined({ _id: id, ...fields, ...extras, timeline: [...events], outbox: [...outbox.notices], outboxRev: 0, outboxDueAt: outbox.dueAt }) as CaseDocument;
}

/** The domain state and the storage extras of a case document (any projection that kept them). */
export function fromCaseDocument(doc: Record<string, unknown>): StoredCase {
  const { stationName, contentHash, contentCheck, unreadCount, readSeq, deputyNames, joinCount } = doc;
  const fields = Object.fromEntries(Object.entries(doc).filter(([key]) => !(STORAGE_FIELDS as readonly string[]).includes(key)));
  // Cases stored before residents chose (允许公开) were never offered the choice: not public.
  const state = { ...fields, publicConsent: doc.publicConsent === true, id: String(doc._id) } as unknown as CaseState & { location?: { point: unknown; address?: string } };
  // Geo values come back from the SDK as Point instances; the domain wants plain GeoJSON.
  const location = state.location ? { ...state.location, point: toGeoPoint(state.location.point) } : undefined;
  return {
    state: (location ? { ...state, location } : state) as CaseState,
    extras: {
      stationName: String(stationName ?? ''),
      contentHash: String(contentHash ?? ''),
      ...(contentCheck === 'pending' ? { contentCheck: 'pending' as const } : {}),
      unreadCount: Number(unreadCount ?? 0),
      readSeq: Number(readSeq ?? 0),
      ...(deputyNames && typeof deputyNames === 'object' ? { deputyNames: { ...(deputyNames as Record<string, string>) } } : {}),
      joinCount: Math.max(0, Number(joinCount ?? 0) || 0),
    },
  };
}

/** Everything of a case document: state, extras, timeline and outbox. */
export function fromCaseRecord(doc: Record<string, unknown>): CaseRecord {
  const caseId = String(doc._id);
  const timeline = Array.isArray(doc.timeline) ? (doc.timeline as Record<string, unknown>[]) : [];
  return {
    ...fromCaseDocument(doc),
    events: timeline.map((event) => fromStoredEvent(caseId, event)).sort((a, b) => a.seq - b.seq),
    outbox: Array.isArray(doc.outbox) ? (doc.outbox as NotificationDocument[]) : [],
    outboxRev: Number(doc.outboxRev ?? 0),
    ...(doc.outboxDueAt ? { outboxDueAt: new Date(doc.outboxDueAt as Date) } : {}),
  };
}

/** The whole case in one read: state, timeline and outbox. */
export async function findCase(db: Database, id: string): Promise<CaseRecord | undefined> {
  const { data } = await db.collection(CASES).where({ _id: id }).limit(1).get();
  return data[0] ? fromCaseRecord(data[0]) : undefined;
}

/** Whether the case is stored (a retried submission asks before finishing it). */
export async function caseExists(db: Database, id: string): Promise<boolean> {
  const { data } = await db.collection(CASES).where({ _id: id }).field({ _id: true }).limit(1).get();
  return data.length > 0;
}

/** By 受理编号 (receipt_unique index). */
export async function findCaseByReceipt(db: Database, receiptNo: string): Promise<StoredCase | undefined> {
  const { data } = await db.collection(CASES).where({ receiptNo }).field({ timeline: false, outbox: false }).limit(1).get();
  return data[0] ? fromCaseDocument(data[0]) : undefined;
}

/** One page of the owner's cases, newest first (state and extras; no timelines). */
export async function casesOf(db: Database, ownerOpenid: string, skip: number, limit: number): Promise<StoredCase[]> {
  const { data } = await db.collection(CASES).where({ ownerOpenid }).orderBy('submittedAt', 'desc').field({ timeline: false, outbox: false }).skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map(fromCaseDocument);
}

/** One page of the owner's cases with their timelines, newest first (the export). */
export async function caseRecordsOf(db: Database, ownerOpenid: string, skip: number, limit: number): Promise<CaseRecord[]> {
  const { data } = await db.collection(CASES).where({ ownerOpenid }).orderBy('submittedAt', 'desc').field({ outbox: false }).skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map(fromCaseRecord);
}

/**
 * The owner has been shown the timeline up to `lastSeq`. Conditional on `lastSeq`: if an
 * event arrived meanwhile the badge stays, so nothing unseen is ever marked read.
 */
export async function markCaseRead(db: Database, id: string, lastSeq: number): Promise<boolean> {
  const { updated } = await db.collection(CASES).where({ _id: id, lastSeq }).update({ unreadCount: 0, readSeq: lastSeq });
  return updated === 1;
}

/**
 * A new case with its first events, in one insert. `_id` is the state's id: inserting a case
 * that exists fails with DATABASE_DUPLICATE_WRITE and writes nothing — how a retried submission
 * that lost the race to its twin is told (submit-case.ts).
 */
export async function insertCase(
  db: Database,
  state: CaseState,
  extras: CaseExtras,
  events: readonly StoredEvent[],
  outbox?: { notices: readonly NotificationDocument[]; dueAt?: Date },
): Promise<'inserted' | 'exists'> {
  try {
    await db.collection(CASES).add(toCaseDocument(state, extras, events, outbox));
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE') return 'exists';
    throw error;
  }
}

/** One change of a case, as the write path (use-cases/cases/commit-command.ts) hands it over. */
export interface CaseChange {
  /** The state the change was decided on: the write happens only if the stored case is still at its version. */
  readonly before: CaseState;
  readonly next: CaseState;
  /** Appended at positions before.lastSeq + 1 …, never anywhere else. */
  readonly events: readonly StoredEvent[];
  /** Pushed onto the case's outbox with the change. */
  readonly notices?: readonly NotificationDocument[];
  /** When the dispatcher must look at the outbox next (the earliest of the new notices' due times); moves the hint only earlier. */
  readonly outboxDueAt?: Date;
  /** Added to the owner's unread count. */
  readonly unread?: number;
  /** Deputies the change named, with their names (assignment). */
  readonly deputyNames?: Readonly<Record<string, string>>;
  /** The reply the public view shows (domain/board/public-reply.ts): set, removed (null), or left as it is (absent). */
  readonly publicReply?: PublicReply | null;
}

/**
 * Applies `change` in ONE conditional update and answers the case as stored afterwards, or
 * undefined when the case is not at `before.version` any more, has another owner than
 * `before.ownerOpenid` (or is not there): then nothing was written. The answer comes from the
 * same request (updateAndReturn), so the caller knows the exact outbox its notices landed in.
 */
export async function commitCaseChange(db: Database, change: CaseChange): Promise<CaseRecord | undefined> {
  const _ = db.command;
  const { before, next, events } = change;
  const first = events[0]?.seq ?? before.lastSeq + 1;
  const update: Record<string, unknown> = {
    ...stateUpdate(db, before, next),
    ...(events.length ? { timeline: _.push(events.map((event) => withoutUndefined(event))) } : {}),
    ...(change.notices?.length ? { outbox: _.push(change.notices.map((notice) => withoutUndefined(notice))), outboxRev: _.inc(1) } : {}),
    ...(change.outboxDueAt ? { outboxDueAt: _.min(change.outboxDueAt) } : {}),
    ...(change.unread ? { unreadCount: _.inc(change.unread) } : {}),
    ...(change.publicReply ? { publicReply: _.set(withoutUndefined(change.publicReply)) } : change.publicReply === null ? { publicReply: _.remove() } : {}),
  };
  for (const [deputyId, name] of Object.entries(change.deputyNames ?? {})) update[`deputyNames.${deputyId}`] = name;
  // lastSeq with version: an event can only ever land at the next position of the timeline. The owner
  // too: a claim (case-claims.ts) gives an owner-less case its owner without a new version, and the
  // change's notices were addressed to the owner it was decided on.
  const owner = typeof before.ownerOpenid === 'string' ? { ownerOpenid: before.ownerOpenid } : {};
  const where = { _id: before.id, version: before.version, lastSeq: first - 1, ...owner };
  const { doc } = (await db.collection(CASES).where(where).updateAndReturn(update)) as { doc?: Record<string, unknown> | null };
  return doc ? fromCaseRecord(doc) : undefined;
}

/**
 * Account deletion's one write to a case, conditional on the case AND its outbox being as read
 * (`record`): the state as `next` (tombstoned owner, no contact …), `events` appended, the
 * person's own timeline entries re-labelled `from` → `to` (who did it; what and when stay as
 * written), and the messages to `from` dropped from the outbox. False when the case changed
 * meanwhile: nothing written, read it again.
 */
export async function anonymiseCase(
  db: Database,
  record: CaseRecord,
  next: CaseState,
  events: readonly StoredEvent[],
  relabel: { from: string; to: string },
): Promise<boolean> {
  const _ = db.command;
  const { state } = record;
  const update: Record<string, unknown> = stateUpdate(db, state, next);
  // One write of the whole timeline (a push and a change inside the same array cannot share an update): as
  // stored, the person's own entries re-labelled, then the new events. Conditional on the case as read, so exact.
  const mine = (event: TimelineEvent) => event.actorRole === 'resident' && event.actorId === relabel.from;
  if (events.length || record.events.some(mine)) {
    const relabelled = record.events.map((event) => {
      const { id: _id, caseId: _caseId, ...stored } = event;
      return withoutUndefined(mine(event) ? { ...stored, actorId: relabel.to } : stored);
    });
    update.timeline = _.set([...relabelled, ...events.map((event) => withoutUndefined(event))]);
  }
  const kept = record.outbox.filter((notice) => notice.openid !== relabel.from);
  if (kept.length !== record.outbox.length) {
    update.outbox = _.set(kept.map((notice) => withoutUndefined(notice)));
    update.outboxRev = record.outboxRev + 1;
  }
  const where = { _id: state.id, version: state.version, lastSeq: state.lastSeq, outboxRev: record.outboxRev };
  const { updated } = await db.collection(CASES).where(where).update(update);
  return updated === 1;
}

/** Only what changed: fields the decision cleared are removed, objects replaced whole (an update merges nested objects). */
function stateUpdate(db: Database, before: CaseState, next: CaseState): Record<string, unknown> {
  const _ = db.command;
  const update: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(next)].filter((key) => key !== 'id'));
  for (const key of keys) {
    const was = (before as unknown as Record<string, unknown>)[key];
    const now = (next as unknown as Record<string, unknown>)[key];
    if (now === undefined) {
      if (was !== undefined) update[key] = _.remove();
      continue;
    }
    if (sameValue(was, now)) continue;
    const plain = withoutUndefined(now);
    update[key] = plain !== null && typeof plain === 'object' && !(plain instanceof Date) ? _.set(plain) : plain;
  }
  return update;
}

function sameValue(a: unknown, b: unknown): boolean {
  const plain = (value: unknown) => JSON.stringify(withoutUndefined(value) ?? null);
  return plain(a) === plain(b);
}

/** Plain data for the SDK: undefined fields dropped at every level (the domain's states are frozen clones). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  // A Date from another realm (structuredClone under a test runner's vm) fails `instanceof` in the SDK: rebuild it here.
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as unknown as Date).getTime()) as T;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = withoutUndefined(child);
  return out as T;
}
