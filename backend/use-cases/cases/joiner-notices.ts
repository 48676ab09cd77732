/**
 * The notices a case change owes the residents who joined it (我也遇到): the owner's own
 * caseStatusChanged / caseReplied, to each joiner, opening the public page. They are pushed
 * onto the case's outbox by the SAME conditional write as the change (commit-command.ts), so a
 * change and its joiners' notices are stored together or not at all. Unlike the owner's,
 * they are written `pending`, not claimed: the dispatcher (the scheduler, every 10 minutes)
 * takes each joiner's own grant and sends them — a command must not wait on hundreds of
 * grants and sends, and a joiner without a grant is simply never sent one.
 *
 * Round trips: none for a case nobody joined (its `joinCount`, read with the case, is 0) or a
 * change the owner is not told of; otherwise one read of the first `joinersNotified` joiners
 * (config/joins.json; later joiners are not told). A join that lands between the command's
 * read of the case and its write misses that one notice.
 */
import type { CaseEvent, CaseState } from '../../domain/case';
import { joinerOpenids } from '../../data/case-joins';
import type { NotificationDocument } from '../../data/notifications';
import { joinerOutbox } from '../../notifications/outbox';
import type { Database } from '../../platform/cloudbase';
import { JOIN_SETTINGS } from '../joins/join-settings';

export async function joinerNotices(
  db: Database,
  events: readonly CaseEvent[],
  after: CaseState,
  actorName: string,
  ownerNotices: readonly NotificationDocument[],
  joinCount: number,
  now: Date,
): Promise<NotificationDocument[]> {
  // The owner's notices say whether the change is news at all (the same rule decides for joiners).
  if (joinCount <= 0 || !ownerNotices.some((notice) => notice.openid === after.ownerOpenid && notice.kind !== 'handlerTask')) return [];
  const joiners = (await joinerOpenids(db, after.id, JOIN_SETTINGS.joinersNotified)).filter((openid) => openid !== after.ownerOpenid);
  if (joiners.length === 0) return [];
  return events.flatMap((event) => joinerOutbox(event, after, actorName, joiners, now));
}
