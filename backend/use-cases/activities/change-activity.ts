/**
 * The deputy confirms or disputes an activity; an officer corrects and sends again, or withdraws,
 * a disputed one. Each is one step of the pure table (domain/activity/activity.state.ts) written
 * by ONE conditional update: if the activity changed since it was read, nothing is written and
 * the caller hears CONFLICT. A correction is checked by WeChat like the record was, may replace the
 * photos (the new ones claimed like a record's), and tells the deputy again.
 */
import type { ActivityView, ConfirmActivityInput, ReviseActivityInput } from '../../../typings/activity';
import type { ActivityRecord } from '../../domain/activity';
import { applyActivityCommand, checkActivityDate, mayConfirm, mayReadActivity, mayRecordFor } from '../../domain/activity';
import { shanghaiDate } from '../../domain/calendar';
import { fail, ok, type Failed, type Result } from '../../domain/result';
import { fieldPath } from '../../domain/validation';
import { changeActivity, findActivity } from '../../data/activities';
import type { ResolvedActor } from '../actor';
import { checkContent } from '../cases/content-check';
import { checkPhotos, claimPhotos, photoClaim } from '../cases/photos';
import { tellDeputy } from './activity-notice';
import { activityView } from './activity-view';
import type { ActivityContext } from './context';

const CHANGED = '这条履职活动刚刚有了变化，请刷新后再试';

async function readable(ctx: ActivityContext, who: ResolvedActor, id: string): Promise<Result<ActivityRecord>> {
  const activity = await findActivity(ctx.db, id);
  // Someone else's is not found either: its existence is not told.
  if (!activity || !mayReadActivity(who.actor, activity)) return fail('NOT_FOUND', '没有找到这条履职活动');
  return ok(activity);
}

export async function confirmActivity(ctx: ActivityContext, who: ResolvedActor, input: ConfirmActivityInput): Promise<Result<ActivityView>> {
  const found = await readable(ctx, who, input.activityId);
  if (!found.ok) return found;
  const activity = found.value;
  if (!mayConfirm(who.actor, activity)) return fail('FORBIDDEN', '只有代表本人可以确认履职活动');
  const step = applyActivityCommand(activity, input.confirm ? 'confirm' : 'dispute', {
    role: 'deputy',
    id: who.actor.id,
    at: ctx.now,
    reason: input.confirm ? undefined : input.reason,
  });
  if (!step.ok) return step;
  const { status, event } = step.value;
  if (!(await changeActivity(ctx.db, activity, { status, updatedAt: ctx.now }, event))) return fail('CONFLICT', CHANGED);
  return ok(await activityView({ ...activity, status, updatedAt: ctx.now, events: step.value.events }, who.actor));
}

export async function reviseActivity(ctx: ActivityContext, who: ResolvedActor, openid: string, input: ReviseActivityInput): Promise<Result<ActivityView>> {
  const found = await readable(ctx, who, input.activityId);
  if (!found.ok) return found;
  const activity = found.value;
  if (!mayRecordFor(who.actor, activity.stationIds)) return fail('FORBIDDEN', '只有本联络站的联络员可以更正或撤回');
  const step = applyActivityCommand(activity, input.withdraw ? 'withdraw' : 'resend', { role: 'officer', id: who.actor.id, at: ctx.now });
  if (!step.ok) return step;
  let corrected: Partial<ActivityRecord> = {};
  // The photos it already has stay its own; only new ones are claimed, as a record's are (issued to this officer, unused).
  const sent = input.withdraw ? [] : (input.photoFileIds ?? []);
  const places = sent.flatMap((id, i) => (activity.photoFileIds.includes(id) ? [] : [i]));
  const added = photoClaim(
    openid,
    places.map((i) => sent[i]),
  );
  const named = (refused: Failed): Failed => inWholeSet(refused, places);
  if (!input.withdraw) {
    const day = checkActivityDate(input.date!, shanghaiDate(ctx.now));
    if (!day.ok) return day;
    const repeated = (input.photoFileIds ?? []).findIndex((id, i, all) => all.indexOf(id) !== i);
    if (repeated >= 0) return fail('INVALID_INPUT', `第 ${repeated + 1} 张照片重复了，请删除后再发送`, fieldPath('photoFileIds', repeated));
    const checked = await checkPhotos(ctx.db, added, ctx.now);
    if (!checked.ok) return named(checked);
    const verdict = await checkContent(ctx.wx, openid, input.place, input.note);
    if (verdict === 'risky') return fail('CONTENT_RISKY', '登记内容含有不适宜发布的内容，请修改后再提交');
    corrected = {
      kind: input.kind!,
      date: day.value,
      place: input.place!,
      note: input.note ?? activity.note,
      ...(input.photoFileIds ? { photoFileIds: input.photoFileIds } : {}),
    };
  }
  const { status, resends, event, events } = step.value;
  const fields = { ...corrected, status, resends, updatedAt: ctx.now };
  const claimed = await claimPhotos(ctx.db, added, activity._id, ctx.now);
  if (!claimed.ok) return named(claimed);
  if (!(await changeActivity(ctx.db, activity, fields, event))) {
    await claimed.value.release();
    return fail('CONFLICT', CHANGED);
  }
  const after: ActivityRecord = { ...activity, ...fields, events };
  if (event.kind === 'resent') await tellDeputy(ctx.db, after, event, ctx.now);
  return ok(await activityView(after, who.actor));
}

/** A refusal of a new photo names it by its place in the whole set sent (the kept ones included), not among the new ones only. */
function inWholeSet(refused: Failed, places: readonly number[]): Failed {
  const { code, detail, field } = refused.failure;
  const among = /^photoFileIds\.(\d+)$/.exec(field ?? '');
  const at = among ? places[Number(among[1])] : undefined;
  if (at === undefined) return refused;
  return fail(code, detail?.replace(`第 ${Number(among![1]) + 1} 张`, `第 ${at + 1} 张`), fieldPath('photoFileIds', at));
}
