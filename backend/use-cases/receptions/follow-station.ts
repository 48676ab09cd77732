import type { FollowStationInput, FollowStationOutput } from '../../../typings/workspace';
import { addFollow, isFollowing, removeFollow } from '../../data/follows';
import { findStation } from '../../data/stations';
import { RECEPTION_REFUSALS } from '../../domain/reception';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';

/**
 * Follow (关注) a station to hear of its new reception days, or stop. Idempotent both ways.
 * Following only records the wish: a message is sent only against a receptionReminder grant.
 */
export async function followStation(db: Database, openid: string, input: FollowStationInput, now: Date): Promise<Result<FollowStationOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  if (input.follow) {
    if (!(await findStation(db, { id: input.stationId }))) return RECEPTION_REFUSALS.stationNotFound();
    await addFollow(db, input.stationId, openid, now);
  } else {
    await removeFollow(db, input.stationId, openid);
  }
  return ok({ stationId: input.stationId, following: input.follow });
}

/** Whether the caller follows the station; an unknown station is simply not followed. */
export async function followingStation(db: Database, openid: string, stationId: string): Promise<Result<FollowStationOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  return ok({ stationId, following: await isFollowing(db, stationId, openid) });
}
