/**
 * `user.activities`: officers see their stations' deputies' activities, deputies their own,
 * the district office its district's — 20 a page, latest date first.
 */
import type { ListActivitiesInput, ListActivitiesOutput } from '../../../typings/activity';
import { ACTIVITY_RULES } from '../../domain/activity';
import { fail, ok, type Result } from '../../domain/result';
import { activityPage, type ActivityScope } from '../../data/activities';
import type { ResolvedActor } from '../actor';
import { activityViews } from './activity-view';
import type { ActivityContext } from './context';

function scopeOf(who: ResolvedActor, deputyId: string | undefined): Result<ActivityScope> {
  const { actor } = who;
  switch (actor.role) {
    case 'deputy':
      if (!actor.deputyId) return fail('FORBIDDEN', '您的账号没有对应的代表信息');
      // A deputy's list is their own, whatever they name.
      return ok({ deputyId: actor.deputyId });
    case 'officer':
      return ok({ stationIds: actor.stationIds ?? [], ...(deputyId ? { deputyId } : {}) });
    case 'admin':
      return actor.district ? ok({ district: actor.district, ...(deputyId ? { deputyId } : {}) }) : fail('FORBIDDEN');
    default:
      return fail('FORBIDDEN');
  }
}

export async function listActivities(ctx: ActivityContext, who: ResolvedActor, input: ListActivitiesInput): Promise<Result<ListActivitiesOutput>> {
  const scope = scopeOf(who, input.deputyId);
  if (!scope.ok) return scope;
  const size = ACTIVITY_RULES.pageSize;
  const rows = await activityPage(ctx.db, scope.value, input.status, (input.page ?? 0) * size, size + 1);
  return ok({ activities: await activityViews(rows.slice(0, size), who.actor), hasMore: rows.length > size });
}
