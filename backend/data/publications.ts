/**
 * The `publications` collection: telling a station's followers of a new reception day, while
 * it is under way. One document per reception (`_id` = the reception id), made right after the
 * reception is stored and removed once every follower's notice is queued (the reception then
 * carries `followersToldAt`). Whoever gets to it — the publish call itself, or any scheduler run
 * after it — moves it on, batch by batch, from its cursor; a move is one conditional update on
 * `version`, so two of them never both move it from the same place.
 *
 * The notices themselves go into the outbox (`notifications`) many at a time: one `add` of an
 * array is one round trip. Their ids are deterministic, so a batch written again (a publisher
 * that died between the insert and moving the cursor, two publishers on one batch) is refused
 * as duplicates, and only what is missing is added: no follower ever has two.
 */
import type { Database } from '../platform/cloudbase';
import type { NotificationDocument } from './notifications';
import type { FollowerCursor } from './follows';

const PUBLICATIONS = 'publications';
/** The outbox of data/notifications.ts: written here in batches, which that module has no call for. */
const NOTIFICATIONS = 'notifications';
const DUPLICATE = 'DATABASE_DUPLICATE_WRITE';

/** What every follower of one publication is sent: the same message, to a different openid. */
export interface PublicationNotice {
  kind: 'receptionReminder';
  values: { station: string; time: Date; deputy: string; tip: string };
  page: string;
}

export interface PublicationDocument {
  /** The reception's id: one publication per reception day. */
  _id: string;
  stationId: string;
  /** Followers who followed by then are told; later ones see the day on the station page. */
  followedBy: Date;
  /** Where the walk over the followers stands; null before the first batch. */
  cursor: FollowerCursor | null;
  /** Notices written so far (for the logs; a retried batch adds only what it wrote). */
  queued: number;
  /** Bumped by every move: the condition that keeps two publishers from both moving it. */
  version: number;
  notice: PublicationNotice;
  createdAt: Date;
  updatedAt: Date;
}

/** The publication of a reception: made now, or the one already there (a retried publish). */
export async function startPublication(db: Database, doc: PublicationDocument): Promise<PublicationDocument> {
  try {
    await db.collection(PUBLICATIONS).add(doc);
    return doc;
  } catch (error) {
    if ((error as { code?: string }).code !== DUPLICATE) throw error;
  }
  return (await findPublication(db, doc._id)) ?? doc;
}

export async function findPublication(db: Database, id: string): Promise<PublicationDocument | undefined> {
  const { data } = await db.collection(PUBLICATIONS).doc(id).get();
  return (data as PublicationDocument[])[0];
}

/** Publications not yet finished, the oldest first (created index): one read when there are none. */
export async function unfinishedPublications(db: Database, limit: number): Promise<PublicationDocument[]> {
  const { data } = await db.collection(PUBLICATIONS).orderBy('createdAt', 'asc').limit(limit).get();
  return data as PublicationDocument[];
}

/**
 * Moves the publication on from the version the caller read: true when this caller moved it,
 * false when someone else did first (the caller then reads it again and goes on from there).
 */
export async function advancePublication(db: Database, read: PublicationDocument, to: { cursor: FollowerCursor | null; queued: number; updatedAt: Date }): Promise<boolean> {
  const { updated } = await db
    .collection(PUBLICATIONS)
    .where({ _id: read._id, version: read.version })
    // `set`: an object given as it is would be merged field by field, and there is nothing to merge into a null cursor.
    .update({ ...to, cursor: db.command.set(to.cursor), version: db.command.inc(1) });
  return updated === 1;
}

/** Done: every follower's notice is queued (and the reception says so). */
export async function endPublication(db: Database, id: string): Promise<void> {
  await db.collection(PUBLICATIONS).where({ _id: id }).remove();
}

/**
 * Queues the notices, one round trip for the whole batch when none is there yet; answers how
 * many this call wrote. A batch that holds some already written (a retry) is refused whole by
 * a database that inserts all-or-nothing, or in part by one that stops at the first duplicate:
 * either way the ids already there are read back and only the missing ones are added.
 */
export async function queueNoticeBatch(db: Database, docs: readonly NotificationDocument[]): Promise<number> {
  let missing = [...docs];
  for (let attempt = 1; missing.length > 0; attempt += 1) {
    try {
      await db.collection(NOTIFICATIONS).add(missing);
      return missing.length;
    } catch (error) {
      if ((error as { code?: string }).code !== DUPLICATE || attempt >= 3) throw error;
    }
    const there = await existingIds(
      db,
      missing.map((doc) => doc._id),
    );
    missing = missing.filter((doc) => !there.has(doc._id));
  }
  return 0;
}

async function existingIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const { data } = await db
    .collection(NOTIFICATIONS)
    .where({ _id: db.command.in([...ids]) })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set((data as { _id: string }[]).map((doc) => doc._id));
}
