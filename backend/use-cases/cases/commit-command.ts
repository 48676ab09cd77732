/**
 * The one write path of every case command, whoever issues it (a resident, a handler, the
 * scheduler): ask the domain (`decide`), gather who else must hear of it, take the recipients'
 * grants, claim the message's photos, then write the change as ONE conditional update of the
 * case document (data/cases.ts): the new state, the events pushed onto the timeline and the
 * notices onto the case's outbox, only if the case is still at the version decided on — else
 * CONFLICT and nothing of the change is written (the grants and photos are given back). Right
 * after, the notices it claimed are sent (after-change.ts).
 *
 * Round trips of a command with one notice: the grant, the write, and the send's record — the
 * case was read by the caller, and the answer is built from what the write answered. A write
 * refused because a resident claimed the case meanwhile is made once more (`ownerChangedOnly`).
 */
import type { CaseCommand, CaseState } from '../../domain/case';
import { publicReplyAfter } from '../../domain/board';
import { decide, isOwner } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { CaseRecord } from '../../data/cases';
import { commitCaseChange, findCase, toStoredEvent } from '../../data/cases';
import { noticeDueAt } from '../../data/case-outbox';
import { returnGrant, takeGrant } from '../../data/subscriptions';
import { caseOutbox, writtenWithChange } from '../../notifications/outbox';
import type { ResolvedActor } from '../actor';
import { sendWrittenNotices } from './after-change';
import type { CaseContext } from './context';
import { handlerOutbox } from './handler-outbox';
import { joinerNotices } from './joiner-notices';
import { claimPhotos, type PhotoClaim } from './photos';

export const staleCase = () => fail('CONFLICT', '这件留言刚刚有了新的变化，请刷新后再试');

/** What a command knows besides the decision: deputies it named (an assignment), for readers of the case. */
export interface CommandExtras {
  readonly deputyNames?: Readonly<Record<string, string>>;
  /** 附议 as the case was read (0 or absent: nobody to tell besides the owner, and no read of joiners). */
  readonly joinCount?: number;
  /** Set on the one new attempt after a claim changed the owner under the write (`ownerChangedOnly`). */
  readonly ownerRetried?: boolean;
}

/**
 * After a refused write: the case as stored now when only its owner changed since `state` was
 * read — a resident claimed a case made from a visit (case.claim: same version, same timeline).
 * The command was decided on what the handler saw, which the claim did not change; only who must
 * hear of it did, so the change is made again rather than refused. Any other change: undefined.
 */
async function ownerChangedOnly(ctx: CaseContext, state: CaseState): Promise<CaseState | undefined> {
  const stored = await findCase(ctx.db, state.id);
  const same = stored && stored.state.version === state.version && stored.state.lastSeq === state.lastSeq && stored.state.ownerOpenid !== state.ownerOpenid;
  return same ? stored.state : undefined;
}

/**
 * Applies `command` to `state` (the case as the caller read it) and answers the case as
 * stored afterwards, timeline included. `photos`: the message's photos (checked by the caller
 * first), claimed with the change.
 */
export async function commitCommand(
  ctx: CaseContext,
  { actor, displayName }: ResolvedActor,
  state: CaseState,
  command: CaseCommand,
  photos?: PhotoClaim,
  extras: CommandExtras = {},
): Promise<Result<CaseRecord>> {
  const { db, now } = ctx;
  const decision = decide(state, command, actor, now, ctx.ids);
  if (!decision.ok) return decision;
  const { next, events } = decision.value;

  const notices = [...events.flatMap((event) => caseOutbox(event, next, displayName, now)), ...(await handlerOutbox(db, events, next, actor, now))];
  // A grant per message before the write: a message with one is written claimed and sent right after; without one it is settled at once.
  const granted = await Promise.all(notices.map((notice) => takeGrant(db, notice.openid, notice.templateId, now)));
  const written = notices.map((notice, i) => writtenWithChange(notice, granted[i], now));
  const giveBack = () => Promise.all(written.filter((_, i) => granted[i]).map((notice) => returnGrant(db, notice.openid, notice.templateId, now)));

  const claimed = await claimPhotos(db, photos, state.id, now);
  if (!claimed.ok) {
    await giveBack();
    return claimed;
  }
  // Joiners hear what the owner hears, pending in the same write (joiner-notices.ts says why).
  const joiners = await joinerNotices(db, events, next, displayName, notices, extras.joinCount ?? 0, now);
  const open = [...written, ...joiners].flatMap((notice) => noticeDueAt(notice) ?? []);
  const record = await commitCaseChange(db, {
    before: state,
    next,
    // A handler's or the system's name as readers see it now; a resident's depends on who reads.
    events: events.map((event) => toStoredEvent(event, actor.role === 'resident' ? undefined : displayName)),
    notices: [...written, ...joiners],
    outboxDueAt: open.length ? new Date(Math.min(...open.map((at) => at.getTime()))) : undefined,
    // The owner's own actions are not news to them; everyone else's are.
    unread: isOwner(actor, state) ? 0 : events.length,
    deputyNames: extras.deputyNames,
    // The public view's reply travels with the change that made it: the board reads no timeline.
    publicReply: publicReplyAfter(events),
  });
  if (!record) {
    await Promise.all([claimed.value.release(), giveBack()]);
    const claimedMeanwhile = await ownerChangedOnly(ctx, state);
    // Decided again once, on the case as it is now: the same change, its notices now to the new owner.
    if (claimedMeanwhile && !extras.ownerRetried) return commitCommand(ctx, { actor, displayName }, claimedMeanwhile, command, photos, { ...extras, ownerRetried: true });
    return staleCase();
  }
  await sendWrittenNotices(
    ctx,
    record,
    written.filter((_, i) => granted[i]).map((notice) => notice._id),
  );
  return ok(record);
}
