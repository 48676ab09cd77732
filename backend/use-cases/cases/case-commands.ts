/**
 * A command on a case (withdraw, accept, reply …). Load the case, ask the domain (`decide`),
 * then in ONE transaction: re-read the case, insist its version is still both the one the
 * reader sent and the one decided on (else CONFLICT, nothing written), replace the case,
 * append the event(s), bump the owner's unread count and queue the notices. After the commit
 * the notices are sent; the answer is the case as the reader now sees it.
 */
import type { ApiContract } from '../../../typings/api';
import type { CaseDetail } from '../../../typings/case';
import type { CaseCommand, CommandAction } from '../../domain/case';
import { ACTION_COMMANDS, canRead, decide, isOwner, mayIssue } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { caseInTransaction, findCase, replaceCaseInTransaction } from '../../data/cases';
import { appendEventsInTransaction, eventsOf } from '../../data/case-events';
import { insertNotificationsInTransaction } from '../../data/notifications';
import { findDeputy } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { caseOutbox } from '../../notifications/outbox';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { afterChange } from './after-change';
import type { CaseContext } from './context';
import { checkPhotos } from './photos';
import { caseNotFound, loadedDetail } from './read-cases';

export type CommandInput<A extends CommandAction> = ApiContract['case'][A]['input'];

const stale = () => fail('CONFLICT', '这件留言刚刚有了新的变化，请刷新后再试');

export async function runCaseCommand<A extends CommandAction>(
  ctx: CaseContext,
  { actor, displayName }: ResolvedActor,
  action: A,
  input: CommandInput<A>,
): Promise<Result<CaseDetail>> {
  const { db, now } = ctx;
  const stored = await findCase(db, input.caseId);
  if (!stored || !canRead(actor, stored.state)) return caseNotFound();
  const { state } = stored;
  if (!mayIssue(actor, state, ACTION_COMMANDS[action])) return fail('FORBIDDEN');
  if (input.version !== state.version) return stale();

  const command = await commandFor(db, action, input);
  if (!command.ok) return command;
  const decision = decide(state, command.value, actor, now, ctx.ids);
  if (!decision.ok) return decision;
  const { next, events } = decision.value;
  const byOwner = isOwner(actor, state);

  const written = await inTransaction(db, async (tx) => {
    const current = await caseInTransaction(tx, state.id);
    if (!current) return caseNotFound();
    if (current.state.version !== state.version) return stale();
    // The owner's own actions are not news to them; everyone else's are.
    const unreadCount = current.extras.unreadCount + (byOwner ? 0 : events.length);
    await replaceCaseInTransaction(tx, next, { ...current.extras, unreadCount });
    await appendEventsInTransaction(tx, events);
    await insertNotificationsInTransaction(tx, events.flatMap((event) => caseOutbox(event, next, displayName, now)));
    return ok({ ...current, state: next, extras: { ...current.extras, unreadCount } });
  });
  if (!written.ok) return written;

  await afterChange(ctx, state.id);
  return loadedDetail(db, actor, written.value, await eventsOf(db, state.id), now);
}

type Builder<A extends CommandAction> = (input: CommandInput<A>, db: Database) => Promise<Result<CaseCommand>>;

/** The domain command for each action, with what it needs from storage (photos checked, the deputy's stations). */
const COMMANDS: { [A in CommandAction]: Builder<A> } = {
  withdraw: async ({ reason }) => ok({ kind: 'withdraw', reason }),
  supplement: async ({ note, photoFileIds }) => withPhotos(photoFileIds, { kind: 'supplement', note, photoFileIds }),
  rate: async ({ rating, comment }) => ok({ kind: 'rate', rating, comment }),
  reopen: async ({ reason }) => ok({ kind: 'request_reopen', reason }),
  accept: async ({ note }) => ok({ kind: 'accept', note }),
  reject: async ({ reason, referral }) => ok({ kind: 'reject', reason, referral }),
  assign: async ({ deputyId, note }, db) => {
    const deputy = await findDeputy(db, deputyId);
    if (!deputy) return fail('INVALID_INPUT', '没有找到这位代表', 'deputyId');
    return ok({ kind: 'assign', deputyId: deputy._id, deputyStationIds: deputy.stationIds, note });
  },
  start: async ({ note }) => ok({ kind: 'start', note }),
  reply: async ({ content, photoFileIds }) => withPhotos(photoFileIds, { kind: 'reply', content, photoFileIds }),
  close: async ({ note }) => ok({ kind: 'close', note }),
};

function commandFor<A extends CommandAction>(db: Database, action: A, input: CommandInput<A>): Promise<Result<CaseCommand>> {
  return (COMMANDS[action] as Builder<A>)(input, db);
}

async function withPhotos(fileIds: readonly string[] | undefined, command: CaseCommand): Promise<Result<CaseCommand>> {
  const checked = await checkPhotos(fileIds);
  return checked.ok ? ok(command) : checked;
}
