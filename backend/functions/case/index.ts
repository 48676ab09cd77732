import { randomUUID } from 'node:crypto';
import type { CommandAction } from '../../domain/case';
import { CASE_ACTION_INPUTS } from '../../domain/case';
import type { Result } from '../../domain/result';
import type { Caller } from '../../platform/cloudbase';
import { cloudbase, database } from '../../platform/cloudbase';
import { defineFunction } from '../../platform/define-function';
import { createWxGateway } from '../../platform/wx-gateway';
import type { ResolvedActor } from '../../use-cases/actor';
import { resolveActor } from '../../use-cases/actor';
import { runCaseCommand, type CommandInput } from '../../use-cases/cases/case-commands';
import type { CaseContext } from '../../use-cases/cases/context';
import { getCase, myCases } from '../../use-cases/cases/read-cases';
import { submitCase } from '../../use-cases/cases/submit-case';

/** Cases (诉求/留言): residents submit and follow theirs; officers and deputies handle them. */
function context(): CaseContext {
  // WeChat calls get 3 s each, well inside the function's timeout (config.json).
  return { db: database(), wx: createWxGateway(cloudbase(), { timeoutMs: 3000 }), now: new Date(), ids: () => randomUUID().replace(/-/g, '') };
}

/** Identity from the WeChat context only, resolved to a role before anything else runs. */
async function asActor<T>(caller: Caller, run: (ctx: CaseContext, who: ResolvedActor) => Promise<Result<T>>): Promise<Result<T>> {
  const ctx = context();
  const who = await resolveActor(ctx.db, caller.openid);
  return who.ok ? run(ctx, who.value) : who;
}

const command = <A extends CommandAction>(action: A) => ({
  input: CASE_ACTION_INPUTS[action],
  run: (input: CommandInput<A>, caller: Caller) => asActor(caller, (ctx, who) => runCaseCommand(ctx, who, action, input)),
});

export const main = defineFunction({
  submit: { input: CASE_ACTION_INPUTS.submit, run: (input, caller) => asActor(caller, (ctx, who) => submitCase(ctx, who.actor, input)) },
  mine: { input: CASE_ACTION_INPUTS.mine, run: (input, caller) => asActor(caller, (ctx, who) => myCases(ctx.db, who.actor, input.page ?? 0)) },
  get: { input: CASE_ACTION_INPUTS.get, run: (input, caller) => asActor(caller, (ctx, who) => getCase(ctx.db, who.actor, input.caseId, ctx.now)) },
  withdraw: command('withdraw'),
  supplement: command('supplement'),
  rate: command('rate'),
  reopen: command('reopen'),
  accept: command('accept'),
  reject: command('reject'),
  assign: command('assign'),
  start: command('start'),
  reply: command('reply'),
  close: command('close'),
});
