/**
 * The `event_attendance` collection: one document per resident who said 我会参加 to a 代表论坛 /
 * 约见, `_id` = attendanceIdFor(event, openid) — a hash, so a second 我会参加 is the same id and
 * the id names nobody. Undo removes it. Nothing reads an attendee back but their own 我会参加
 * state and the count. Index: receptionId (the count).
 */
import type { Database } from '../platform/cloudbase';

const ATTENDANCE = 'event_attendance';

export interface AttendanceRecord {
  _id: string;
  receptionId: string;
  openid: string;
  at: Date;
}

/** Stores the resident's 我会参加 unless it is there: a repeat changes nothing. */
export async function markAttending(db: Database, record: AttendanceRecord): Promise<void> {
  try {
    await db.collection(ATTENDANCE).add({ ...record });
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
  }
}

/** Undo: removing what is not there is no error. */
export async function unmarkAttending(db: Database, id: string): Promise<void> {
  await db.collection(ATTENDANCE).where({ _id: id }).remove();
}

export async function isAttending(db: Database, id: string): Promise<boolean> {
  const { total } = await db.collection(ATTENDANCE).where({ _id: id }).count();
  return total > 0;
}

export async function attendanceOf(db: Database, receptionId: string): Promise<number> {
  const { total } = await db.collection(ATTENDANCE).where({ receptionId }).count();
  return total;
}

/** Per event, for the officer's schedule: one grouped read. */
export async function attendanceCounts(db: Database, receptionIds: readonly string[]): Promise<Map<string, number>> {
  if (receptionIds.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db
    .collection(ATTENDANCE)
    .aggregate()
    .match({ receptionId: _.in([...receptionIds]) })
    .group({ _id: '$receptionId', count: _.aggregate.sum(1) })
    .end();
  return new Map((data as { _id: string; count: number }[]).map((row) => [row._id, row.count]));
}

/** The person's own, for their export. */
export async function attendanceBy(db: Database, openid: string, limit: number): Promise<AttendanceRecord[]> {
  const { data } = await db.collection(ATTENDANCE).where({ openid }).limit(limit).get();
  return data as AttendanceRecord[];
}

/** Account deletion: the person's 我会参加 go (each event's count with them); the id was a hash of the openid. */
export async function removeAttendanceOf(db: Database, openid: string): Promise<void> {
  await db.collection(ATTENDANCE).where({ openid }).remove();
}
