/**
 * The deputy is told an activity waits for them (待办事项提醒, handlerTask), on their own grants:
 * when it is recorded and when it is sent again. One message per activity, event and account.
 */
import type { ActivityEvent, ActivityRecord } from '../../domain/activity';
import { ACTIVITY_KIND_LABELS } from '../../domain/activity';
import { maskNumbers } from '../../domain/privacy';
import { handlerAccounts } from '../../data/handler-accounts';
import { insertNotificationOnce } from '../../data/notifications';
import type { Database } from '../../platform/cloudbase';
import { outboxDocument } from '../../notifications/outbox';

export const ACTIVITY_PAGE = 'packages/work/activities/index';

export async function tellDeputy(db: Database, activity: ActivityRecord, event: ActivityEvent, now: Date): Promise<void> {
  const accounts = await handlerAccounts(db, { stationId: activity.stationIds[0] ?? '', deputyId: activity.deputyId });
  for (const { openid } of accounts.filter((account) => account.role === 'deputy')) {
    const message = {
      _id: `${activity._id}:${event.seq}:handlerTask:${openid}`,
      openid,
      kind: 'handlerTask' as const,
      values: {
        task: event.kind === 'resent' ? '履职活动已更正，请确认' : '请确认履职活动',
        title: maskNumbers(`${ACTIVITY_KIND_LABELS[activity.kind]} ${activity.place}`),
        receiptNo: activity._id.slice(3, 15),
        dueAt: event.at,
        note: maskNumbers(`${activity.date} ${activity.place}`),
      },
      page: `${ACTIVITY_PAGE}?id=${activity._id}`,
    };
    await insertNotificationOnce(db, outboxDocument(message, now));
  }
}
