import { randomBytes, randomUUID } from 'node:crypto';
import type { CommandAction } from '../../domain/case';
import { CASE_ACTION_INPUTS } from '../../domain/case';
import type { UserRole } from '../../../typings/models';
import type { ResolvedActor } from '../define-api';
import { database, type Caller } from '../../platform/cloudbase';
import { callContext, type CallContext } from '../../platform/call-context';
import { defineApi } from '../define-api';
import { runCaseCommand, type CommandInput } from '../../use-cases/cases/case-commands';
import type { CaseContext } from '../../use-cases/cases/context';
import { issueDeputyLetter } from '../../use-cases/cases/deputy-letter';
import { inbox } from '../../use-cases/cases/inbox';
import { getCase, myCases } from '../../use-cases/cases/read-cases';
import { submitCase } from '../../use-cases/cases/submit-case';
import { joinCase, unjoinCase } from '../../use-cases/joins/join-case';
import { joinedCases } from '../../use-cases/joins/joined-cases';
import { similarCases } from '../../use-cases/joins/similar-cases';
import { issueUploadPaths, type UploadContext } from '../../use-cases/uploads/issue-upload-paths';
import { claimCase, type VisitContext } from '../../use-cases/visits';

/** Cases (诉求/留言): residents submit and follow theirs; officers and deputies handle them. */
function context(): CaseContext & CallContext {
  return { ...callContext(), ids: () => randomUUID().replace(/-/g, '') };
}

function uploadContext(): UploadContext {
  return { db: database(), now: new Date(), randomName: () => randomBytes(16).toString('hex') };
}

function visitContext(): VisitContext {
  return { ...context(), randomBytes: (size) => randomBytes(size) };
}

const RESIDENT = ['resident'] as const;
const OFFICER = ['officer'] as const;
const DEPUTY = ['deputy'] as const;
/** Who handles a case: the liaison officer and the deputy it is assigned to. */
const HANDLER_ROLES = ['officer', 'deputy'] as const;
const SUPERVISORS = ['officer', 'admin'] as const;
const WORKSPACE = ['deputy', 'officer', 'admin'] as const;
const ANY_ROLE = ['resident', 'deputy', 'officer', 'admin', 'unit'] as const;
/** Whoever may have a case in scope: a handling unit (承办单位) answers suggestions and reads no case. */
const CASE_READERS = ['resident', 'deputy', 'officer', 'admin'] as const;
/** Those whose messages carry photos: residents' cases and supplements, handlers' replies and follow-ups. */
const PHOTO_SENDERS = ['resident', 'deputy', 'officer'] as const;

/** A case command for the roles that may issue it; the case's own scope is checked by the use case. */
const command = <A extends CommandAction>(action: A, allow: readonly UserRole[]) => ({
  allow,
  input: CASE_ACTION_INPUTS[action],
  run: (input: CommandInput<A>, who: ResolvedActor, caller: Caller) => runCaseCommand(context(), who, action, input, caller.openid),
});

export const main = defineApi({
  submit: { allow: RESIDENT, input: CASE_ACTION_INPUTS.submit, run: (input, who) => submitCase(context(), who.actor, input) },
  // Every role: 我的留言 is a tab everyone has, and only residents own cases, so the others get an empty list.
  mine: { allow: ANY_ROLE, input: CASE_ACTION_INPUTS.mine, run: (input, who) => myCases(database(), who.actor, input.page ?? 0, new Date()) },
  get: { allow: CASE_READERS, input: CASE_ACTION_INPUTS.get, run: (input, who) => getCase(database(), who.actor, input.caseId, new Date()) },
  withdraw: command('withdraw', RESIDENT),
  supplement: command('supplement', RESIDENT),
  rate: command('rate', RESIDENT),
  reopen: command('reopen', RESIDENT),
  accept: command('accept', OFFICER),
  reject: command('reject', OFFICER),
  assign: command('assign', OFFICER),
  start: command('start', OFFICER),
  reply: command('reply', HANDLER_ROLES),
  close: command('close', OFFICER),
  inbox: { allow: WORKSPACE, input: CASE_ACTION_INPUTS.inbox, run: (input, who) => inbox(database(), who, input, new Date()) },
  transfer: command('transfer', OFFICER),
  recordAnswer: command('recordAnswer', OFFICER),
  supervise: command('supervise', SUPERVISORS),
  followUp: command('followUp', HANDLER_ROLES),
  merge: command('merge', OFFICER),
  requestTransfer: command('requestTransfer', DEPUTY),
  markSuggestion: command('markSuggestion', DEPUTY),
  letter: { allow: SUPERVISORS, input: CASE_ACTION_INPUTS.letter, run: (input, who) => issueDeputyLetter(database(), who.actor, input.caseId) },
  // Whoever sends photos (the case, a supplement, a reply, a follow-up) first asks where to upload them.
  uploadPaths: { allow: PHOTO_SENDERS, input: CASE_ACTION_INPUTS.uploadPaths, run: (input, _who, caller) => issueUploadPaths(uploadContext(), caller.openid, input) },
  // 我也遇到: residents find look-alike open cases while composing, join them, and list what they joined.
  similar: { allow: RESIDENT, input: CASE_ACTION_INPUTS.similar, run: (input, who) => similarCases(database(), who.actor, input, new Date()) },
  join: { allow: RESIDENT, input: CASE_ACTION_INPUTS.join, run: (input, who) => joinCase(context(), who.actor, input) },
  unjoin: { allow: RESIDENT, input: CASE_ACTION_INPUTS.unjoin, run: (input, who) => unjoinCase(context(), who.actor, input.caseId) },
  joined: { allow: RESIDENT, input: CASE_ACTION_INPUTS.joined, run: (_input, who) => joinedCases(database(), who.actor) },
  // 接待日登记: the resident scans the one-time code on the officer's or deputy's phone and the case becomes theirs.
  claim: { allow: RESIDENT, input: CASE_ACTION_INPUTS.claim, run: (input, who) => claimCase(visitContext(), who.actor, input) },
});
