/**
 * Outbox documents: written with what they tell of, sent after it is stored
 * (notifications/dispatch.ts). Every message is shaped here, once: the outbox holds exactly
 * what WeChat will be sent, for support and for tests.
 */
import type { CaseEvent, CaseState } from '../domain/case';
import type { NotificationDocument } from '../data/notifications';
import { noticesFor, type CaseNotice } from './case-notices';
import { CASE_PAGE, templateData, templateIdOf, type NoticeKind, type NoticeValues } from './templates';

/** One kind of notice with its values, the kind deciding the values' fields. */
type NoticeOf<K extends NoticeKind> = { [P in K]: { kind: P; values: NoticeValues<P> } }[K];

/** What one message is: for whom, which notice, the page it opens and what it is about. */
export type OutboxMessage<K extends NoticeKind> = NoticeOf<K> & {
  /** Deterministic per subject, so a second insert of the same message fails (data/notifications.ts). */
  _id: string;
  openid: string;
  page: string;
  /** Not before this; `now` unless said (a booking's reminder waits for the day before). */
  sendAt?: Date;
  caseId?: string;
  eventSeq?: number;
  dueKey?: string;
};

/** The message as a pending outbox document. */
export function outboxDocument<K extends NoticeKind>(message: OutboxMessage<K>, now: Date): NotificationDocument {
  const { kind, values, sendAt, ...about } = message;
  return {
    ...about,
    kind,
    templateId: templateIdOf(kind),
    data: templateData(kind, values),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: sendAt ?? now,
    createdAt: now,
    updatedAt: now,
  };
}

/** The resident's notices of a case event. */
export function caseOutbox(event: CaseEvent, after: CaseState, actorName: string, now: Date): NotificationDocument[] {
  // A case made from a visit (接待日登记) nobody claimed yet has no resident to tell: nothing is written.
  if (!after.ownerOpenid) return [];
  return noticesFor(event, after, actorName).map((notice) =>
    outboxDocument<CaseNotice['kind']>(
      { ...notice, _id: `${after.id}:${event.seq}:${notice.kind}`, openid: after.ownerOpenid, page: `${CASE_PAGE}?id=${after.id}`, caseId: after.id, eventSeq: event.seq },
      now,
    ),
  );
}

/** The page a joiner opens: the case as the public sees it, never the owner's private page. */
export const PUBLIC_CASE_PAGE = 'packages/station/case/index';

/**
 * The joiners' notices of a case event (我也遇到): what the owner is told, to each joiner, opening
 * the public page. Written pending with the change and delivered by the dispatcher, which takes
 * each joiner's own grant (none → never sent): a command does not wait on hundreds of sends.
 */
export function joinerOutbox(event: CaseEvent, after: CaseState, actorName: string, joiners: readonly string[], now: Date): NotificationDocument[] {
  const notices = noticesFor(event, after, actorName, 'joiner');
  return joiners.flatMap((openid) =>
    notices.map((notice) =>
      outboxDocument<CaseNotice['kind']>(
        // One per event, kind and joiner: the event's position is written once, so the message is too.
        {
          ...notice,
          _id: `${after.id}:${event.seq}:${notice.kind}:joiner:${openid}`,
          openid,
          page: `${PUBLIC_CASE_PAGE}?id=${after.id}`,
          caseId: after.id,
          eventSeq: event.seq,
        },
        now,
      ),
    ),
  );
}

/**
 * A case change's message as written with the change: already claimed by the writer, who took
 * one of the user's grants for it and sends it right after (`sending`, attempt 1), or settled
 * at once when the user allows no more messages of its template (`skipped_no_grant`).
 */
export function writtenWithChange(doc: NotificationDocument, granted: boolean, now: Date): NotificationDocument {
  return { ...doc, state: granted ? 'sending' : 'skipped_no_grant', attempts: 1, updatedAt: now };
}
