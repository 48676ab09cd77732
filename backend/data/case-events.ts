/**
 * A case's timeline, read on its own. The events live inside the case document (`timeline`,
 * data/cases.ts), pushed by the same conditional update as the change they record and never
 * edited: this reads them for callers that did not read the case already (the 代表函, the export).
 * Someone who holds the case from `findCase` has them in `events`.
 */
import type { Database } from '../platform/cloudbase';
import type { TimelineEvent } from './cases';
import { fromCaseRecord } from './cases';

export { eventId as eventDocumentId } from './cases';

/** The whole timeline of a case, oldest first (empty for a case that is not there). */
export async function eventsOf(db: Database, caseId: string): Promise<TimelineEvent[]> {
  const { data } = await db.collection('cases').where({ _id: caseId }).field({ _id: true, timeline: true }).limit(1).get();
  return data[0] ? fromCaseRecord(data[0]).events : [];
}
