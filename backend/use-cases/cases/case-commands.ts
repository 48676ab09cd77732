/**
 * A person's command on a case (withdraw, accept, reply …): load the case, check the caller
 * may read it and issue the command, build the domain command from the input (records looked
 * up), check its photos, then commit it through the one write path (commit-command.ts), which
 * claims the photos with the change. The answer is the case as the caller now sees it, built
 * from what the write answered (no second read).
 */
import type { ApiContract } from '../../../typings/api';
import type { CaseDetail } from '../../../typings/case';
import type { Actor, CaseCommand, CommandAction } from '../../domain/case';
import { ACTION_COMMANDS, canRead, mayIssue, transferDeadline } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { findCaseByReceipt } from '../../data/cases';
import { findDeputy } from '../../data/people-by-id';
import type { ResolvedActor } from '../actor';
import { commitCommand, staleCase, type CommandExtras } from './commit-command';
import type { CaseContext } from './context';
import { moveJoinsAfterMerge } from '../joins/move-joins';
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

  const built = await commandFor(ctx, actor, action, input);
  if (!built.ok) return built;
  const photos = photoClaim(sender, 'photoFileIds' in input ? input.photoFileIds : undefined);
  const photosChecked = await checkPhotos(db, photos, now);
  if (!photosChecked.ok) return photosChecked;
  const { command, ...extras } = built.value;
  const written = await commitCommand(ctx, who, state, command, photos, { ...extras, joinCount: stored.extras.joinCount });
  if (!written.ok) return written;
  // A merged duplicate's joiners go with it to the case that carries the handling.
  if (command.kind === 'merge') await moveJoinsAfterMerge(db, written.value.state, stored.extras.joinCount);
  return loadedDetail(db, actor, written.value, written.value.events, now);
}

/** The domain command, and what the write records beside it. */
type Built = CommandExtras & { command: CaseCommand };

type Builder<A extends CommandAction> = (input: CommandInput<A>, ctx: CaseContext, actor: Actor) => Promise<Result<Built>>;

const as = (command: CaseCommand): Result<Built> => ok({ command });

/** The domain command for each action, with what it needs from storage (the deputy's stations, the earlier case). */
const COMMANDS: { [A in CommandAction]: Builder<A> } = {
  withdraw: async ({ reason }) => as({ kind: 'withdraw', reason }),
  supplement: async ({ note, photoFileIds }) => as({ kind: 'supplement', note, photoFileIds }),
  rate: async ({ rating, comment }) => as({ kind: 'rate', rating, comment }),
  reopen: async ({ reason }) => as({ kind: 'request_reopen', reason }),
  accept: async ({ note, category }) => as({ kind: 'accept', note, category }),
  reject: async ({ reason, referral }) => as({ kind: 'reject', reason, referral }),
  assign: async ({ deputyId, note }, { db }) => {
    const deputy = await findDeputy(db, deputyId);
    if (!deputy) return fail('INVALID_INPUT', '没有找到这位代表', 'deputyId');
    return ok({ command: { kind: 'assign', deputyId: deputy._id, deputyStationIds: deputy.stationIds, note }, deputyNames: { [deputy._id]: deputy.name } });
  },
  start: async ({ note }) => as({ kind: 'start', note }),
  reply: async ({ content, photoFileIds }) => as({ kind: 'reply', content, photoFileIds }),
  close: async ({ note }) => as({ kind: 'close', note }),
  transfer: async ({ route, receivingBody, deadline, note }, { now }) => {
    const due = transferDeadline(deadline, now);
    return due.ok ? as({ kind: 'transfer', route, receivingBody, deadline: due.value, note }) : due;
  },
  recordAnswer: async ({ content, from }) => as({ kind: 'record_answer', content, from }),
  supervise: async ({ note }) => as({ kind: 'supervise', note }),
  followUp: async ({ note, photoFileIds }) => as({ kind: 'follow_up', note, photoFileIds }),
  merge: async ({ intoReceiptNo }, { db }, actor) => {
    // Only a case the officer may read: a receipt number from elsewhere reveals nothing.
    const into = await findCaseByReceipt(db, intoReceiptNo);
    if (!into || !canRead(actor, into.state)) return fail('INVALID_INPUT', '没有找到这个受理编号的留言', 'intoReceiptNo');
    const { id, receiptNo, stationId, submittedAt, status, closure } = into.state;
    return as({ kind: 'merge', into: { id, receiptNo, stationId, submittedAt: new Date(submittedAt), status, closure } });
  },
  requestTransfer: async ({ note, route }) => as({ kind: 'request_transfer', note, route }),
  markSuggestion: async ({ note }) => as({ kind: 'mark_suggestion', note }),
};

function commandFor<A extends CommandAction>(ctx: CaseContext, actor: Actor, action: A, input: CommandInput<A>): Promise<Result<Built>> {
  return (COMMANDS[action] as Builder<A>)(input, ctx, actor);
}
