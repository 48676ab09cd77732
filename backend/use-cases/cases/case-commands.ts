/**
 * A person's command on a case (withdraw, accept, reply …): load the case, check the caller
 * may read it and issue the command, build the domain command from the input (records looked
 * up), check its photos, then commit it through the one write path (commit-command.ts), which
 * claims the photos with the change. The answer is the case as the caller now sees it.
 */
import type { ApiContract } from '../../../typings/api';
import type { CaseDetail } from '../../../typings/case';
import type { Actor, CaseCommand, CommandAction } from '../../domain/case';
import { ACTION_COMMANDS, canRead, mayIssue, transferDeadline } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { findCaseByReceipt } from '../../data/cases';
import { eventsOf } from '../../data/case-events';
import { findDeputy } from '../../data/people-by-id';
import type { ResolvedActor } from '../actor';
import { commitCommand, staleCase } from './commit-command';
import type { CaseContext } from './context';
import { checkPhotos, photoClaim } from './photos';
import { caseNotFound, loadedDetail, readableCase } from './read-cases';

export type CommandInput<A extends CommandAction> = ApiContract['case'][A]['input'];

/** `sender` is the caller's WeChat openid, whatever their role: photos are accepted only from whom their paths were issued to. */
export async function runCaseCommand<A extends CommandAction>(
  ctx: CaseContext,
  who: ResolvedActor,
  action: A,
  input: CommandInput<A>,
  sender: string,
): Promise<Result<CaseDetail>> {
  const { db, now } = ctx;
  const { actor } = who;
  const stored = await readableCase(db, actor, input.caseId);
  if (!stored) return caseNotFound();
  const { state } = stored;
  if (!mayIssue(actor, state, ACTION_COMMANDS[action])) return fail('FORBIDDEN');
  if (input.version !== state.version) return staleCase();

  const command = await commandFor(ctx, actor, action, input);
  if (!command.ok) return command;
  const photos = photoClaim(sender, 'photoFileIds' in input ? input.photoFileIds : undefined);
  const photosChecked = await checkPhotos(db, photos, now);
  if (!photosChecked.ok) return photosChecked;
  const written = await commitCommand(ctx, who, state, command.value, photos);
  if (!written.ok) return written;
  return loadedDetail(db, actor, written.value, await eventsOf(db, state.id), now);
}

type Builder<A extends CommandAction> = (input: CommandInput<A>, ctx: CaseContext, actor: Actor) => Promise<Result<CaseCommand>>;

/** The domain command for each action, with what it needs from storage (the deputy's stations, the earlier case). */
const COMMANDS: { [A in CommandAction]: Builder<A> } = {
  withdraw: async ({ reason }) => ok({ kind: 'withdraw', reason }),
  supplement: async ({ note, photoFileIds }) => ok({ kind: 'supplement', note, photoFileIds }),
  rate: async ({ rating, comment }) => ok({ kind: 'rate', rating, comment }),
  reopen: async ({ reason }) => ok({ kind: 'request_reopen', reason }),
  accept: async ({ note }) => ok({ kind: 'accept', note }),
  reject: async ({ reason, referral }) => ok({ kind: 'reject', reason, referral }),
  assign: async ({ deputyId, note }, { db }) => {
    const deputy = await findDeputy(db, deputyId);
    if (!deputy) return fail('INVALID_INPUT', '没有找到这位代表', 'deputyId');
    return ok({ kind: 'assign', deputyId: deputy._id, deputyStationIds: deputy.stationIds, note });
  },
  start: async ({ note }) => ok({ kind: 'start', note }),
  reply: async ({ content, photoFileIds }) => ok({ kind: 'reply', content, photoFileIds }),
  close: async ({ note }) => ok({ kind: 'close', note }),
  transfer: async ({ route, receivingBody, deadline, note }, { now }) => {
    const due = transferDeadline(deadline, now);
    return due.ok ? ok({ kind: 'transfer', route, receivingBody, deadline: due.value, note }) : due;
  },
  recordAnswer: async ({ content, from }) => ok({ kind: 'record_answer', content, from }),
  supervise: async ({ note }) => ok({ kind: 'supervise', note }),
  followUp: async ({ note, photoFileIds }) => ok({ kind: 'follow_up', note, photoFileIds }),
  merge: async ({ intoReceiptNo }, { db }, actor) => {
    // Only a case the officer may read: a receipt number from elsewhere reveals nothing.
    const into = await findCaseByReceipt(db, intoReceiptNo);
    if (!into || !canRead(actor, into.state)) return fail('INVALID_INPUT', '没有找到这个受理编号的留言', 'intoReceiptNo');
    const { id, receiptNo, stationId, submittedAt, status, closure } = into.state;
    return ok({ kind: 'merge', into: { id, receiptNo, stationId, submittedAt: new Date(submittedAt), status, closure } });
  },
  requestTransfer: async ({ note, route }) => ok({ kind: 'request_transfer', note, route }),
  markSuggestion: async ({ note }) => ok({ kind: 'mark_suggestion', note }),
};

function commandFor<A extends CommandAction>(ctx: CaseContext, actor: Actor, action: A, input: CommandInput<A>): Promise<Result<CaseCommand>> {
  return (COMMANDS[action] as Builder<A>)(input, ctx, actor);
}
