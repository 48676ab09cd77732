/** The outbox documents for a case event: written in the event's transaction, sent after it commits. */
import type { CaseEvent, CaseState } from '../domain/case';
import type { NotificationDocument } from '../data/notifications';
import { noticesFor } from './case-notices';
import { CASE_PAGE, templateData, templateIdOf } from './templates';

export function caseOutbox(event: CaseEvent, after: CaseState, actorName: string, now: Date): NotificationDocument[] {
  return noticesFor(event, after, actorName).map((notice) => ({
    _id: `${after.id}:${event.seq}:${notice.kind}`,
    openid: after.ownerOpenid,
    kind: notice.kind,
    templateId: templateIdOf(notice.kind),
    page: `${CASE_PAGE}?id=${after.id}`,
    // Shaped once, here: the outbox holds exactly what WeChat will be sent, for support and for tests.
    data: notice.kind === 'caseReplied' ? templateData('caseReplied', notice.values) : templateData('caseStatusChanged', notice.values),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    caseId: after.id,
    eventSeq: event.seq,
    createdAt: now,
    updatedAt: now,
  }));
}
