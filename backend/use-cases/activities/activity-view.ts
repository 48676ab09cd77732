/** A stored activity as a reader gets it: the photos' short-lived URLs read, then the pure view. */
import type { ActivityView } from '../../../typings/activity';
import type { ActivityRecord } from '../../domain/activity';
import { toActivityView } from '../../domain/activity';
import type { Actor } from '../../domain/case/actor';
import { photoViews } from '../cases/photos';

export async function activityView(activity: ActivityRecord, actor: Actor): Promise<ActivityView> {
  return toActivityView(activity, actor, await photoViews(activity.photoFileIds));
}

/** A page of them: every photo's URL in one storage call. */
export async function activityViews(activities: readonly ActivityRecord[], actor: Actor): Promise<ActivityView[]> {
  const photos = await photoViews(activities.flatMap((one) => one.photoFileIds));
  return activities.map((one) => toActivityView(one, actor, photos));
}
