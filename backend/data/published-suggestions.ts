/**
 * Reading 代表建议 for the public (办理公开 → 代表建议); data/case-reading.ts joins the same fields
 * for a linked case's reader: only what their views need (domain/suggestion/suggestion.public.ts), never the texts of the
 * suggestion, its files, co-signers, linked residents' cases beyond their ids, or its outbox.
 * Read-only. A page of the board is one query on index `status_answered` (the district) or
 * `station_status_answered` (a station), newest answer first.
 */
import type { PublicSource } from '../domain/suggestion/suggestion.public';
import { PUBLISHED_STATUSES } from '../domain/suggestion/suggestion.public';
import type { Database } from '../platform/cloudbase';
import { SUGGESTIONS, suggestionFromDocument } from './suggestions';

/** What the public views read (with the instants the shared conversion expects). */
export const PUBLIC_SUGGESTION_FIELDS = [
  '_id',
  'status',
  'round',
  'number',
  'title',
  'deputyId',
  'deputyName',
  'caseIds',
  'assignments',
  'answers',
  'submittedAt',
  'acceptedAt',
  'firstAssignedAt',
  'closedAt',
  'createdAt',
  'updatedAt',
] as const;

const PUBLIC_FIELDS = Object.fromEntries(PUBLIC_SUGGESTION_FIELDS.map((f) => [f, true]));

/**
 * One page of answered or closed suggestions whose LATEST answer may be published (a suggestion
 * has at most two answers, one per round), newest answer first; `limit` one more than the page
 * tells whether another follows.
 */
export async function publishedPage(db: Database, { stationId, skip, limit }: { stationId?: string; skip: number; limit: number }): Promise<PublicSource[]> {
  const _ = db.command;
  const latestPublishable = _.or([{ 'answers.1.publishable': true }, { 'answers.1': _.exists(false), 'answers.0.publishable': true }]);
  const scope = { status: _.in([...PUBLISHED_STATUSES]), ...(stationId ? { stationIds: stationId } : {}) };
  const { data } = await db
    .collection(SUGGESTIONS)
    .where(_.and([scope, latestPublishable]))
    .orderBy('answeredAt', 'desc')
    .orderBy('_id', 'desc')
    .field(PUBLIC_FIELDS)
    .skip(skip)
    .limit(limit)
    .get();
  return (data as Record<string, unknown>[]).map(suggestionFromDocument);
}
