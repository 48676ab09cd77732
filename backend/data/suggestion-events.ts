/**
 * The `suggestion_events` collection: one immutable document per step of a suggestion, `_id`
 * `<suggestionId>:<seq>` (seq = the suggestion's version after the step), never edited or removed.
 * A step's event is written in the step's own transaction (data/suggestions.ts), so a state never
 * lacks its entry; a new draft's first event just before the draft, and a retried save writing it
 * again finds it there and leaves it. Index suggestion_seq: a timeline in one query.
 */
import type { SuggestionEventDocument } from '../domain/suggestion';
import type { Database } from '../platform/cloudbase';
import { withoutUndefined } from './cases';
import { MAX_PAGE } from './documents';

export const SUGGESTION_EVENTS = 'suggestion_events';

export async function insertSuggestionEvent(db: Database, event: SuggestionEventDocument): Promise<void> {
  try {
    await db.collection(SUGGESTION_EVENTS).add(withoutUndefined(event));
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
  }
}

/** A suggestion's whole timeline, oldest first (suggestion_seq). */
export async function eventsOfSuggestion(db: Database, suggestionId: string): Promise<SuggestionEventDocument[]> {
  const { data } = await db.collection(SUGGESTION_EVENTS).where({ suggestionId }).orderBy('seq', 'asc').limit(MAX_PAGE).get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    ...(doc as unknown as SuggestionEventDocument),
    _id: String(doc._id),
    seq: Number(doc.seq),
    at: doc.at instanceof Date ? doc.at : new Date(doc.at as string),
  }));
}
