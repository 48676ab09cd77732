/**
 * An officer records a deputy's activity outside the app (履职登记). In order: the date's
 * window; a retry of the same request (the id is drawn from the officer and the request id)
 * answers what it made; the deputy, and whether the officer staffs one of their stations; the
 * photos (issued to the officer, unused); WeChat's check of the place and the note. Then the
 * photos are claimed and ONE insert writes it — of two twins one writes and both answer it —
 * and the deputy is told.
 */
import type { ActivityView, RecordActivityInput } from '../../../typings/activity';
import type { ActivityRecord } from '../../domain/activity';
import { activityIdFor, checkActivityDate, mayRecordFor } from '../../domain/activity';
import { shanghaiDate } from '../../domain/calendar';
import { fail, ok, type Result } from '../../domain/result';
import { findActivity, insertActivity } from '../../data/activities';
import { findDeputy } from '../../data/people-by-id';
import { stationNamesAndDistricts } from '../../data/stations';
import type { ResolvedActor } from '../actor';
import { checkContent } from '../cases/content-check';
import { checkPhotos, claimPhotos, photoClaim } from '../cases/photos';
import { tellDeputy } from './activity-notice';
import { activityView } from './activity-view';
import type { ActivityContext } from './context';

export async function recordActivity(ctx: ActivityContext, who: ResolvedActor, openid: string, input: RecordActivityInput): Promise<Result<ActivityView>> {
  const { db, now } = ctx;
  const { actor } = who;
  const day = checkActivityDate(input.date, shanghaiDate(now));
  if (!day.ok) return day;
  const id = activityIdFor(ctx.hash, openid, input.requestId);
  const made = await findActivity(db, id);
  if (made) return ok(await activityView(made, actor));

  const deputy = await findDeputy(db, input.deputyId);
  if (!deputy) return fail('NOT_FOUND', '没有找到这位代表');
  if (!mayRecordFor(actor, deputy.stationIds)) return fail('FORBIDDEN', '您只能为本联络站的代表登记履职活动');
  const photos = photoClaim(openid, input.photoFileIds);
  const checked = await checkPhotos(db, photos, now, id);
  if (!checked.ok) return checked;
  const verdict = await checkContent(ctx.wx, openid, input.place, input.note);
  if (verdict === 'risky') return fail('CONTENT_RISKY', '登记内容含有不适宜发布的内容，请修改后再提交');

  const stations = await stationNamesAndDistricts(db, deputy.stationIds);
  const activity: ActivityRecord = {
    _id: id,
    deputyId: deputy._id,
    deputyName: deputy.name,
    stationIds: stations.map((s) => s.id),
    districts: [...new Set(stations.map((s) => s.district).filter(Boolean))],
    kind: input.kind,
    date: day.value,
    place: input.place,
    note: input.note ?? '',
    photoFileIds: input.photoFileIds ?? [],
    status: 'recorded',
    resends: 0,
    recordedBy: actor.id,
    recordedAt: now,
    updatedAt: now,
    events: [{ seq: 1, kind: 'recorded', at: now, actorRole: 'officer', actorId: actor.id }],
    ...(verdict === 'unchecked' ? { contentCheck: 'pending' as const } : {}),
  };
  const claimed = await claimPhotos(db, photos, id, now);
  if (!claimed.ok) return claimed;
  let inserted: 'inserted' | 'exists';
  try {
    inserted = await insertActivity(db, activity);
  } catch (error) {
    await claimed.value.release();
    throw error;
  }
  if (inserted === 'exists') {
    const stored = await findActivity(db, id);
    if (stored) return ok(await activityView(stored, actor));
  }
  await tellDeputy(db, activity, activity.events[0], now);
  return ok(await activityView(activity, actor));
}
