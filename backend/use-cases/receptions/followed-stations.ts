import type { FollowedStationsOutput } from '../../../typings/api';
import { followedStationRows } from '../../data/follows';
import { nextReceptionDates } from '../../data/receptions';
import { shanghaiDate } from '../../domain/calendar';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';

/** 我的 lists a resident's follows in full; a resident follows a handful, and this bounds the few who follow many. */
export const FOLLOWED_LISTED = 20;

/**
 * The stations the caller follows (关注的联络站 on 我的), the latest followed first, each with its
 * next reception day: two round trips whatever the number (after the caller's role) — the
 * follows joined to their stations, then one grouped read of the receptions ahead (station_date).
 */
export async function followedStations(db: Database, openid: string, now: Date): Promise<Result<FollowedStationsOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const rows = await followedStationRows(db, openid, FOLLOWED_LISTED);
  const nextDates = await nextReceptionDates(
    db,
    rows.map((row) => row.id),
    shanghaiDate(now),
  );
  return ok({ stations: rows.map((row) => ({ ...row, nextReceptionDate: nextDates.get(row.id) ?? null })) });
}
