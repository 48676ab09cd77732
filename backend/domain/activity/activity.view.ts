/** An activity as a caller sees it: labels, the photos' URLs (read by the caller of this), and what they may do next. */
import type { ActivityView } from '../../../typings/activity';
import type { PhotoView } from '../../../typings/case';
import type { Actor } from '../case/actor';
import type { ActivityRecord } from './activity.model';
import { mayConfirm, mayRecordFor } from './activity.policy';
import { ACTIVITY_KIND_LABELS, ACTIVITY_RULES, ACTIVITY_STATUS_LABELS } from './activity.rules';

export function toActivityView(activity: ActivityRecord, actor: Actor, photos: ReadonlyMap<string, PhotoView>): ActivityView {
  const lastDispute = [...activity.events].reverse().find((event) => event.kind === 'disputed');
  const reviser = mayRecordFor(actor, activity.stationIds) && activity.status === 'disputed';
  return {
    id: activity._id,
    deputy: { id: activity.deputyId, name: activity.deputyName },
    kind: activity.kind,
    kindLabel: ACTIVITY_KIND_LABELS[activity.kind],
    date: activity.date,
    place: activity.place,
    note: activity.note,
    photos: activity.photoFileIds.flatMap((id) => photos.get(id) ?? []),
    status: activity.status,
    statusLabel: ACTIVITY_STATUS_LABELS[activity.status],
    ...(lastDispute?.reason ? { disputeReason: lastDispute.reason } : {}),
    resends: activity.resends,
    recordedAt: activity.recordedAt.toISOString(),
    canConfirm: mayConfirm(actor, activity) && activity.status === 'recorded',
    canRevise: reviser,
    canResend: reviser && activity.resends < ACTIVITY_RULES.maxResends,
  };
}
