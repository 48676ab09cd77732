/**
 * The one write path of every case command, whoever issues it (a resident, a handler, the
 * scheduler): ask the domain (`decide`), gather who else must hear of it, then in ONE
 * transaction re-read the case, insist its version is still the one decided on (else
 * CONFLICT, nothing written), claim the message's photos, replace the case, append the event(s),
 * bump the owner's unread count and queue the notices — the resident's and the handlers'. After the commit the
 * notices are sent.
 */
import type { CaseCommand, CaseState } from '../../domain/case';
import { decide, isOwner } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { caseInTransaction, replaceCaseInTransaction } from '../../data/cases';
import type { StoredCase } from '../../data/cases';
import { appendEventsInTransaction } from '../../data/case-events';
import { insertNotificationsInTransaction } from '../../data/notifications';
import { inTransaction } from '../../data/transaction';
import { caseOutbox } from '../../notifications/outbox';
import type { ResolvedActor } from '../actor';
import { afterChange } from './after-change';
import type { CaseContext } from './context';
import { handlerOutbox } from './handler-outbox';
import { claimPhotosInTransaction, type PhotoClaim } from './photos';
import { caseNotFound } from './read-cases';

export const staleCase = () => fail('CONFLICT', '这件留言刚刚有了新的变化，请刷新后再试');

/**
 * Applies `command` to `state` (as read by the caller) and answers the case as stored afterwards.
 * `photos`: the message's photos (checked by the caller first), claimed in the same transaction.
 */
export async function commitCommand(
  ctx: CaseContext,
  { actor, displayName }: ResolvedActor,
  state: CaseState,
  command: CaseCommand,
  photos?: PhotoClaim,
): Promise<Result<StoredCase>> {
  const { db, now } = ctx;
  const decision = decide(state, command, actor, now, ctx.ids);
  if (!decision.ok) return decision;
  const { next, events } = decision.value;
  const byOwner = isOwner(actor, state);
  // Read before the transaction: only single-document operations are allowed inside it.
  const handlerNotices = await handlerOutbox(db, events, next, actor, now);

  const written = await inTransaction(db, async (tx) => {
    const current = await caseInTransaction(tx, state.id);
    if (!current) return caseNotFound();
    if (current.state.version !== state.version) return staleCase();
    const claimed = await claimPhotosInTransaction(tx, photos, state.id, now);
    if (!claimed.ok) return claimed;
    // The owner's own actions are not news to them; everyone else's are.
    const unreadCount = current.extras.unreadCount + (byOwner ? 0 : events.length);
    const extras = { ...current.extras, unreadCount };
    await replaceCaseInTransaction(tx, next, extras);
    await appendEventsInTransaction(tx, events);
    await insertNotificationsInTransaction(tx, [...events.flatMap((event) => caseOutbox(event, next, displayName, now)), ...handlerNotices]);
    return ok<StoredCase>({ state: next, extras });
  });
  if (!written.ok) return written;

  await afterChange(ctx, state.id);
  return written;
}
