/**
 * The handlers' outbox documents for a decision (notifications/handler-notices.ts says who
 * and what): their accounts are read here, before the change that writes them is.
 */
import type { Actor, CaseEvent, CaseState } from '../../domain/case';
import { handlerAccounts } from '../../data/handler-accounts';
import type { NotificationDocument } from '../../data/notifications';
import type { Database } from '../../platform/cloudbase';
import { HANDLER_CASE_PAGE, handlerTaskFor, handlerTaskValues, isActor } from '../../notifications/handler-notices';
import { outboxDocument } from '../../notifications/outbox';

export async function handlerOutbox(db: Database, events: readonly CaseEvent[], after: CaseState, actor: Actor, now: Date): Promise<NotificationDocument[]> {
  const docs: NotificationDocument[] = [];
  for (const event of events) {
    const task = handlerTaskFor(event, after);
    if (!task || (!task.officers && !task.deputyId)) continue;
    const accounts = await handlerAccounts(db, { stationId: after.stationId, deputyId: task.deputyId });
    const recipients = accounts.filter((account) => (account.role === 'officer' ? task.officers : account.personId === task.deputyId) && !isActor(actor, account));
    for (const { openid } of recipients) {
      const message = {
        // One per event and person: the event's position is written once, so the message is too.
        _id: `${after.id}:${event.seq}:handlerTask:${openid}`,
        openid,
        kind: 'handlerTask' as const,
        values: handlerTaskValues(event, after, task.task),
        page: `${HANDLER_CASE_PAGE}?id=${after.id}`,
        caseId: after.id,
        eventSeq: event.seq,
      };
      docs.push(outboxDocument(message, now));
    }
  }
  return docs;
}
