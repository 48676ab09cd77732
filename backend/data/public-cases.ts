/**
 * The public view of the `cases` collection (办理公开, share cards, 我也遇到's joined list): a
 * field projection of only what domain/board/public-case.ts shows and the fields that decide
 * whether a case is public — never content, contact, photos, voice, names, openids or receipt
 * numbers, which therefore never leave the database for these readers.
 *
 * The board is ONE query (index `board_station_closed`): a station's (or a district's
 * stations') closed cases whose resident allowed it, closed in a window, latest closed first.
 */
import type { PublicSource } from '../domain/board';
import type { Database } from '../platform/cloudbase';

const CASES = 'cases';

/** Only what the public view reads. */
export const PUBLIC_CASE_FIELDS = {
  _id: true,
  title: true,
  category: true,
  status: true,
  stationId: true,
  stationName: true,
  publicConsent: true,
  anonymous: true,
  submittedAt: true,
  acceptedAt: true,
  repliedAt: true,
  'closure.at': true,
  'closure.how': true,
  'rating.value': true,
  publicReply: true,
  joinCount: true,
} as const;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

/** A projected case document as the domain's public source. */
export function publicSourceOf(doc: Record<string, unknown>): PublicSource {
  const closure = doc.closure as { at?: unknown; how?: string } | undefined;
  const rating = doc.rating as { value?: string } | undefined;
  const reply = doc.publicReply as { text?: unknown; at?: unknown } | undefined;
  return {
    id: String(doc._id),
    title: String(doc.title ?? ''),
    category: doc.category as PublicSource['category'],
    status: doc.status as PublicSource['status'],
    stationId: String(doc.stationId),
    stationName: String(doc.stationName ?? ''),
    ...(typeof doc.publicConsent === 'boolean' ? { publicConsent: doc.publicConsent } : {}),
    // Anything but an explicit false is treated as anonymous: never public by accident.
    anonymous: doc.anonymous !== false,
    submittedAt: date(doc.submittedAt),
    ...(doc.acceptedAt ? { acceptedAt: date(doc.acceptedAt) } : {}),
    ...(doc.repliedAt ? { repliedAt: date(doc.repliedAt) } : {}),
    ...(closure?.at && closure.how ? { closure: { at: date(closure.at), how: closure.how as NonNullable<PublicSource['closure']>['how'] } } : {}),
    ...(rating?.value ? { rating: { value: rating.value as NonNullable<PublicSource['rating']>['value'] } } : {}),
    ...(reply && typeof reply.text === 'string' ? { publicReply: { text: reply.text, at: date(reply.at) } } : {}),
    ...(doc.joinCount !== undefined ? { joinCount: Number(doc.joinCount) } : {}),
  };
}

/** One case as the public view reads it, public or not (the caller decides), or undefined. */
export async function findPublicSource(db: Database, id: string): Promise<PublicSource | undefined> {
  const { data } = await db.collection(CASES).where({ _id: id }).field(PUBLIC_CASE_FIELDS).limit(1).get();
  return data[0] ? publicSourceOf(data[0] as Record<string, unknown>) : undefined;
}

/**
 * The same for a signed-in reader, with whether the case is the reader's own: the owner's
 * openid is compared here and never leaves this module (the public page hides 我也遇到 on one's own case).
 */
export async function findPublicSourceFor(db: Database, id: string, openid: string): Promise<{ source: PublicSource; own: boolean } | undefined> {
  const { data } = await db
    .collection(CASES)
    .where({ _id: id })
    .field({ ...PUBLIC_CASE_FIELDS, ownerOpenid: true })
    .limit(1)
    .get();
  const doc = data[0] as Record<string, unknown> | undefined;
  return doc ? { source: publicSourceOf(doc), own: doc.ownerOpenid === openid } : undefined;
}

/** Several cases as the public view reads them (public or not: the caller decides), in no order. */
export async function findPublicSources(db: Database, ids: readonly string[]): Promise<PublicSource[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { data } = await db
    .collection(CASES)
    .where({ _id: db.command.in(unique) })
    .field(PUBLIC_CASE_FIELDS)
    .limit(unique.length)
    .get();
  return (data as Record<string, unknown>[]).map(publicSourceOf);
}

export interface BoardQuery {
  stationIds: readonly string[];
  /** Closed at or after `start`, before `end`. */
  start: Date;
  end: Date;
  skip: number;
  limit: number;
}

/**
 * Closed, consented, accepted, named cases of the stations closed in the window, latest closed
 * first (then by id, so pages never overlap). The domain's isPublicCase is applied again by
 * the caller: the query narrows, the rule decides.
 */
export async function boardCases(db: Database, query: BoardQuery): Promise<PublicSource[]> {
  if (query.stationIds.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(CASES)
    .where({
      publicConsent: true,
      status: 'closed',
      stationId: query.stationIds.length === 1 ? query.stationIds[0] : _.in([...query.stationIds]),
      anonymous: false,
      acceptedAt: _.exists(true),
      // One range object, as the SDK itself sends `_.gte(x)`: bounded on the index by every planner.
      'closure.at': { $gte: query.start, $lt: query.end },
    } as never)
    .orderBy('closure.at', 'desc')
    .orderBy('_id', 'desc')
    .field(PUBLIC_CASE_FIELDS)
    .skip(query.skip)
    .limit(query.limit)
    .get();
  return (data as Record<string, unknown>[]).map(publicSourceOf);
}
