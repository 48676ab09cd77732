/**
 * Reading cases for their readers, each in ONE round trip: a case with its timeline (kept in
 * the case document, data/cases.ts), its station's district (joined, for the district
 * office's scope) and the 代表建议 it is linked into (joined by `suggestionId`, its public
 * progress only: a case without one joins nothing), and a resident's page of cases with their unread total (one aggregate over
 * the owner's cases, index `owner_submitted`). Read-only.
 */
import type { Database } from '../platform/cloudbase';
import { fromCaseDocument, fromCaseRecord, type CaseRecord, type StoredCase } from './cases';
import { PUBLIC_SUGGESTION_FIELDS } from './published-suggestions';
import { suggestionFromDocument } from './suggestions';
import type { PublicSource } from '../domain/suggestion/suggestion.public';

const CASES = 'cases';

/** A case as its reader is shown it: the case and its timeline, and its station's district. */
export interface CaseForReading {
  record: CaseRecord;
  /** The district of the case's station (undefined when the station is gone). */
  district: string | undefined;
  /** The suggestion the case is linked into (`suggestionId`), as far as its public progress needs. */
  suggestion?: PublicSource;
}

export async function caseForReading(db: Database, caseId: string): Promise<CaseForReading | undefined> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(CASES)
    .aggregate()
    .match({ _id: caseId })
    .limit(1)
    // The messages waiting to go out are the dispatcher's, never a reader's.
    .project({ outbox: 0 })
    .lookup({ from: 'stations', localField: 'stationId', foreignField: '_id', as: 'joinedStation' })
    .lookup({ from: 'suggestions', localField: 'suggestionId', foreignField: '_id', as: 'joinedSuggestions' })
    .addFields({
      joinedDistrict: $.arrayElemAt(['$joinedStation.district', 0]),
      joinedSuggestion: $.arrayElemAt([$.map({ input: '$joinedSuggestions', as: 's', in: Object.fromEntries(PUBLIC_SUGGESTION_FIELDS.map((f) => [f, `$$s.${f}`])) }), 0]),
    })
    .project({ joinedStation: 0, joinedSuggestions: 0 })
    .end();
  const doc = (data as Record<string, unknown>[])[0];
  if (!doc) return undefined;
  const { joinedDistrict, joinedSuggestion, ...stored } = doc;
  return {
    record: fromCaseRecord(stored),
    district: typeof joinedDistrict === 'string' ? joinedDistrict : undefined,
    ...(joinedSuggestion && typeof joinedSuggestion === 'object' ? { suggestion: suggestionFromDocument(joinedSuggestion as Record<string, unknown>) } : {}),
  };
}

/** A page of the owner's cases, newest first, and the sum of their unread counts (the tab badge). */
export interface OwnerPage {
  cases: StoredCase[];
  unreadTotal: number;
}

/**
 * What a line of 我的留言 shows (CaseSummary) and what reading it back needs, nothing else of the
 * case: `ownerOpenid` and `rating` are what the domain asks to tell whether a rating is awaited.
 */
const SUMMARY_FIELDS = [
  'receiptNo',
  'title',
  'category',
  'status',
  'stationId',
  'stationName',
  'submittedAt',
  'updatedAt',
  'unreadCount',
  'readSeq',
  'version',
  'lastSeq',
  'ownerOpenid',
  'rating',
];

/**
 * One aggregate: the owner's cases newest first, summed for the badge and cut to the page in
 * the database. A resident's cases are few (at most 10 a day), so grouping them is cheap.
 */
export async function ownerPage(db: Database, ownerOpenid: string, skip: number, limit: number): Promise<OwnerPage> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(CASES)
    .aggregate()
    .match({ ownerOpenid })
    .sort({ submittedAt: -1, _id: -1 })
    .group({
      _id: null,
      unreadTotal: $.sum($.ifNull(['$unreadCount', 0])),
      cases: $.push(Object.fromEntries([['_id', '$_id'], ...SUMMARY_FIELDS.map((field) => [field, `$${field}`])])),
    })
    .project({ _id: 0, unreadTotal: 1, cases: $.slice(['$cases', skip, Math.max(1, limit)]) })
    .end();
  const row = (data as { unreadTotal?: number; cases?: Record<string, unknown>[] }[])[0];
  if (!row) return { cases: [], unreadTotal: 0 };
  return { cases: (row.cases ?? []).map(fromCaseDocument), unreadTotal: Number(row.unreadTotal ?? 0) };
}
