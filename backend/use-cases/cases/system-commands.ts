/**
 * What the scheduler does to a case on its own (auto_close, escalate), as the `system` actor,
 * through the same write path as a person's command (commit-command.ts): version check,
 * events, the resident's and the handlers' notices, all in one conditional write.
 */
import type { Actor, CaseCommand, CaseState } from '../../domain/case';
import { ACTOR_ROLE_LABELS } from '../../domain/case';
import type { Result } from '../../domain/result';
import { ok } from '../../domain/result';
import { findCase } from '../../data/cases';
import type { ResolvedActor } from '../actor';
import { commitCommand } from './commit-command';
import type { CaseContext } from './context';
import { caseNotFound } from './read-cases';

const SCHEDULER: Actor = { role: 'system', id: 'scheduler' };
export const SYSTEM_ACTOR: ResolvedActor = { actor: SCHEDULER, displayName: ACTOR_ROLE_LABELS.system };

/**
 * The case after the command. Refusals are values (NOT_YET_DUE, ILLEGAL_TRANSITION, CONFLICT
 * when someone changed the case meanwhile): the scheduler skips the case and tries next run.
 */
export async function runSystemCommand(ctx: CaseContext, caseId: string, command: CaseCommand): Promise<Result<CaseState>> {
  const stored = await findCase(ctx.db, caseId);
  if (!stored) return caseNotFound();
  const committed = await commitCommand(ctx, SYSTEM_ACTOR, stored.state, command, undefined, { joinCount: stored.extras.joinCount });
  return committed.ok ? ok(committed.value.state) : committed;
}
