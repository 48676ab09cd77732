/**
 * The `reports` collection (述职报告): one document per report, its rating counters inside it
 * (written by the rating's transaction, data/report-ratings.ts). The only code that reads or
 * writes it. Indexes: deputy_published (a deputy's list, the duty record, the publish
 * allowance), stations_published (multikey: a station's list).
 */
import type { DutyReport } from '../domain/duty';
import type { ReportRecord } from '../domain/report';
import { ratingCountsOf } from '../domain/report';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

export const REPORTS = 'reports';

/** Dates may come back as Date or as strings: one shape for the rules. */
export function reportFromDocument(doc: Record<string, unknown>): ReportRecord {
  const date = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
  const period = (doc.period ?? {}) as { from?: string; to?: string };
  return {
    _id: String(doc._id),
    deputyId: String(doc.deputyId ?? ''),
    deputyName: String(doc.deputyName ?? ''),
    stationIds: ((doc.stationIds as string[] | undefined) ?? []).map(String),
    stations: ((doc.stations as { id: string; name: string }[] | undefined) ?? []).map((s) => ({ id: String(s.id), name: String(s.name) })),
    districts: ((doc.districts as string[] | undefined) ?? []).map(String),
    title: String(doc.title ?? ''),
    period: { from: String(period.from ?? ''), to: String(period.to ?? '') },
    content: String(doc.content ?? ''),
    photoFileIds: ((doc.photoFileIds as string[] | undefined) ?? []).map(String),
    duty: (doc.duty as ReportRecord['duty'] | undefined) ?? [],
    publishedBy: doc.publishedBy === 'officer' ? 'officer' : 'deputy',
    publisherId: String(doc.publisherId ?? ''),
    publishedAt: date(doc.publishedAt),
    ratingClosesAt: date(doc.ratingClosesAt),
    ratings: ratingCountsOf(doc.ratings as Record<string, unknown> | undefined),
    ...(doc.contentCheck === 'pending' ? { contentCheck: 'pending' as const } : {}),
  };
}

export async function findReport(db: Database, id: string): Promise<ReportRecord | undefined> {
  const { data } = await db.collection(REPORTS).where({ _id: id }).limit(1).get();
  const doc = (data as Record<string, unknown>[])[0];
  return doc ? reportFromDocument(doc) : undefined;
}

/**
 * A new report under its own id: 'inserted', or 'exists' when that id is already there (a
 * retried publish, or its twin running at the same moment). A single-document insert, so of two
 * twins exactly one writes.
 */
export async function insertReport(db: Database, report: ReportRecord): Promise<'inserted' | 'exists'> {
  try {
    await db.collection(REPORTS).add({ ...report, stationIds: [...report.stationIds], photoFileIds: [...report.photoFileIds] });
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return 'exists';
  }
}

/** Reports of the deputy published at or after `since` (deputy_published): what the publish allowance counts. */
export async function countPublishedSince(db: Database, deputyId: string, since: Date): Promise<number> {
  const { total } = await db
    .collection(REPORTS)
    .where({ deputyId, publishedAt: db.command.gte(since) })
    .count();
  return Number(total ?? 0);
}

/** Everything a list row needs, not the text. */
const SUMMARY_FIELDS = {
  _id: true,
  deputyId: true,
  deputyName: true,
  title: true,
  period: true,
  photoFileIds: true,
  publishedAt: true,
  ratingClosesAt: true,
  ratings: true,
};

/** One page of a station's or a deputy's reports, newest first; one more than `limit` tells whether more follow. */
export async function reportPage(db: Database, of: { stationId: string } | { deputyId: string }, skip: number, limit: number): Promise<ReportRecord[]> {
  const where = 'stationId' in of ? { stationIds: of.stationId } : { deputyId: of.deputyId };
  const { data } = await db.collection(REPORTS).where(where).field(SUMMARY_FIELDS).orderBy('publishedAt', 'desc').orderBy('_id', 'desc').skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map(reportFromDocument);
}

/** The deputy's reports published in the window, for the duty record: what they were, when, and their ratings. */
export async function deputyReports(db: Database, deputyId: string, window: { start: Date; end: Date }): Promise<DutyReport[]> {
  const _ = db.command;
  const { data } = await db
    .collection(REPORTS)
    .where({ deputyId, publishedAt: _.gte(window.start).and(_.lt(window.end)) })
    .field({ _id: true, title: true, publishedAt: true, ratings: true })
    .orderBy('publishedAt', 'desc')
    .limit(MAX_PAGE)
    .get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    id: String(doc._id),
    title: String(doc.title ?? ''),
    publishedAt: doc.publishedAt instanceof Date ? doc.publishedAt : new Date(doc.publishedAt as string),
    ratings: ratingCountsOf(doc.ratings as Record<string, unknown> | undefined),
  }));
}
