/**
 * The `consultations` collection (立法意见征集; the shape: domain/consultation/consultation.model.ts):
 * the only code that reads or writes it outside the comment transactions
 * (data/consultation-comments.ts), which keep its running counters. Lists read a projection
 * without the draft's text. Indexes: station_closes (a station's list), district_closes (the office's).
 */
import { articleKey, type ConsultationDocument } from '../domain/consultation/consultation.model';
import type { Database } from '../platform/cloudbase';
import { withoutUndefined } from './cases';
import { MAX_PAGE } from './documents';

export const CONSULTATIONS = 'consultations';

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

/** Dates may come back as Date or as strings, counters may be missing on a hand-written document: one shape for the rules. */
export function consultationFromDocument(raw: Record<string, unknown>): ConsultationDocument {
  const doc = raw as unknown as ConsultationDocument;
  return {
    ...doc,
    _id: String(raw._id),
    articles: doc.articles ?? [],
    attachments: doc.attachments ?? [],
    stationIds: doc.stationIds ?? [],
    stations: doc.stations ?? [],
    comments: Number(doc.comments ?? 0),
    articleCounts: doc.articleCounts ?? {},
    participants: Number(doc.participants ?? 0),
    adopted: Number(doc.adopted ?? 0),
    stationAdopted: doc.stationAdopted ?? {},
    publishedAt: date(doc.publishedAt),
    updatedAt: date(doc.updatedAt),
    ...(doc.reportedAt ? { reportedAt: date(doc.reportedAt) } : {}),
  };
}

/** Inserted, or already there (a retried publish landed first). */
export async function insertConsultation(db: Database, doc: ConsultationDocument): Promise<'inserted' | 'exists'> {
  try {
    await db.collection(CONSULTATIONS).add(withoutUndefined({ ...doc, articleCount: doc.articles.length }));
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return 'exists';
  }
}

export async function findConsultation(db: Database, id: string): Promise<ConsultationDocument | undefined> {
  const { data } = await db.collection(CONSULTATIONS).where({ _id: id }).limit(1).get();
  const doc = (data as Record<string, unknown>[])[0];
  return doc ? consultationFromDocument(doc) : undefined;
}

/** What a list shows of each: no draft text, no summary. */
export type ListedConsultation = Omit<ConsultationDocument, 'articles' | 'summary' | 'attachments'> & { articleCount: number; articles: [] };

const LISTED = {
  title: true,
  askedBy: true,
  district: true,
  stationIds: true,
  stations: true,
  closesOn: true,
  publishedAt: true,
  publishedBy: true,
  reportedAt: true,
  comments: true,
  articleCount: true,
  articleCounts: true,
  participants: true,
  adopted: true,
  stationAdopted: true,
  updatedAt: true,
};

async function listed(db: Database, where: Record<string, unknown>): Promise<ListedConsultation[]> {
  const { data } = await db.collection(CONSULTATIONS).where(where).orderBy('closesOn', 'desc').field(LISTED).limit(MAX_PAGE).get();
  return (data as Record<string, unknown>[]).map((raw) => ({ ...consultationFromDocument(raw), articles: [], articleCount: Number(raw.articleCount ?? 0) }));
}

/** Every consultation a station takes part in, latest closing first (one read: a station sees a few a year). */
export function consultationsOfStation(db: Database, stationId: string): Promise<ListedConsultation[]> {
  return listed(db, { stationIds: stationId });
}

export function consultationsOfDistrict(db: Database, district: string): Promise<ListedConsultation[]> {
  return listed(db, { district });
}

/** Titles and statuses for 我的意见: only what the view needs. */
export async function consultationStates(db: Database, ids: readonly string[]): Promise<Map<string, { closesOn: string; reportedAt?: Date }>> {
  if (ids.length === 0) return new Map();
  const { data } = await db
    .collection(CONSULTATIONS)
    .where({ _id: db.command.in([...ids]) })
    .field({ closesOn: true, reportedAt: true })
    .limit(ids.length)
    .get();
  return new Map(
    (data as { _id: string; closesOn: string; reportedAt?: unknown }[]).map((doc) => [
      doc._id,
      { closesOn: doc.closesOn, ...(doc.reportedAt ? { reportedAt: date(doc.reportedAt) } : {}) },
    ]),
  );
}

/** Compiled: from now on `reported` (a second compile keeps the first instant). */
export async function markReported(db: Database, id: string, now: Date): Promise<void> {
  await db
    .collection(CONSULTATIONS)
    .where({ _id: id, reportedAt: db.command.exists(false) })
    .update({ reportedAt: now, updatedAt: now });
}

/** The counter keys a comment changes: in all and on its article. */
export const counterKeys = (articleNo: number) => ({ all: 'comments', article: `articleCounts.${articleKey(articleNo)}` });
