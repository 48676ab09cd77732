/**
 * The `case_events` collection: the timeline, append-only. `_id` is `<caseId>:<seq>`, so a
 * second append of the same position fails instead of overwriting: nothing is ever edited.
 */
import type { CaseEvent } from '../domain/case';
import type { Database } from '../platform/cloudbase';
import { withoutUndefined } from './cases';
import type { Transaction } from './transaction';
import { insertInTransaction } from './transaction';

const EVENTS = 'case_events';

export const eventDocumentId = (caseId: string, seq: number): string => `${caseId}:${seq}`;

/** The whole timeline, oldest first (a case has dozens of events, far below a page). */
export async function eventsOf(db: Database, caseId: string): Promise<CaseEvent[]> {
  const { data } = await db.collection(EVENTS).where({ caseId }).orderBy('seq', 'asc').limit(1000).get();
  return (data as Record<string, unknown>[]).map(({ _id, ...fields }) => ({ ...fields, id: String(_id) }) as unknown as CaseEvent);
}

export async function appendEventsInTransaction(tx: Transaction, events: readonly CaseEvent[]): Promise<void> {
  for (const event of events) {
    // The domain's own event id is replaced by the position, which is what makes appends unique.
    const { id: _id, ...fields } = event;
    await insertInTransaction(tx, EVENTS, withoutUndefined({ _id: eventDocumentId(event.caseId, event.seq), ...fields }));
  }
}
