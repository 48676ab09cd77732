/**
 * The deputy confirms or disputes an activity; an officer corrects and sends again, or withdraws,
 * a disputed one. Each is one step of the pure table (domain/activity/activity.state.ts) written
 * by ONE conditional update: if the activity changed since it was read, nothing is written and
 * the caller hears CONFLICT. A correction is checked by WeChat like the record was, and tells the
 * deputy again.
 */
import type { ActivityView, ConfirmActivityInput, ReviseActivityInput } from '../../../typings/activity';
import type { ActivityRecord } from '../../domain/activity';
import { applyActivityCommand, checkActivityDate, mayConfirm, mayReadActivity, mayRecordFor } from '../../domain/activity';
import { shanghaiDate } from '../../domain/calendar';
import { fail, ok, type Result } from '../../domain/result';
import { changeActivity, findActivity } from '../../data/activities';
import type { ResolvedActor } from '../actor';
import { checkContent } from '../cases/content-check';
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
  if (!input.withdraw) {
    const day = checkActivityDate(input.date!, shanghaiDate(ctx.now));
    if (!day.ok) return day;
    const verdict = await checkContent(ctx.wx, openid, input.place, input.note);
    if (verdict === 'risky') return fail('CONTENT_RISKY', '登记内容含有不适宜发布的内容，请修改后再提交');
    corrected = { kind: input.kind!, date: day.value, place: input.place!, note: input.note ?? activity.note };
  }
  const { status, resends, event, events } = step.value;
  const fields = { ...corrected, status, resends, updatedAt: ctx.now };
  if (!(await changeActivity(ctx.db, activity, fields, event))) return fail('CONFLICT', CHANGED);
  const after: ActivityRecord = { ...activity, ...fields, events };
  if (event.kind === 'resent') await tellDeputy(ctx.db, after, event, ctx.now);
  return ok(await activityView(after, who.actor));
}
