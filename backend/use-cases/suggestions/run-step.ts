/**
 * How every step after the draft's creation runs: read the suggestion (parties only, else
 * NOT_FOUND), the table's guard before any work (content checks, numbers, reads), the command
 * built, decided purely, its files claimed, then ONE transaction: the update on the version read
 * and its event. A step that lost a race writes nothing and answers CONFLICT; the cases' marks and
 * the people's notices follow the write, and the caller gets the detail as it now stands.
 */
import type { SuggestionDetail } from '../../../typings/suggestion';
import { fail, ok, type Result } from '../../domain/result';
import { applyStep, guardStep, type SuggestionCaller, type SuggestionCommand, type SuggestionCommandKind, type SuggestionDocument } from '../../domain/suggestion';
import { linkableCases, releaseCases } from '../../data/suggestion-cases';
import { commitSuggestionStep } from '../../data/suggestions';
import type { ResolvedActor } from '../actor';
import { suggestionCaller } from './caller';
import { SUGGESTION_SETTINGS, type SuggestionContext } from './context';
import { claimFiles, type FileClaim } from './files';
import { detailFor, readable } from './read-suggestions';
import { tellPeople } from './step-notices';

export const STEP_CONFLICT = '这条建议刚刚被其他人更新，请刷新后重试';

/** The steps that queue residents' notices, and so read which linked cases have a resident. */
const TELLS_RESIDENTS: readonly SuggestionCommandKind[] = ['accept', 'answer', 'rate'];

/** The steps that end the suggestion's hold on its cases. */
const RELEASES_CASES: readonly SuggestionCommandKind[] = ['withdraw', 'convert'];

export interface StepRequest {
  readonly suggestionId: string;
  /** The table's command kind, checked before `build` does any work. */
  readonly kind: SuggestionCommandKind;
  /** The command with its resolved facts (unit names, a number, a content verdict), or why not. */
  build(doc: SuggestionDocument, caller: SuggestionCaller): Promise<Result<SuggestionCommand>>;
  /** Files the command brings (checked by `build`), claimed right before the write. */
  readonly files?: FileClaim;
}

/** `openid`: the caller's WeChat identity, left out of their own step's notices. */
export async function runStep(ctx: SuggestionContext, who: ResolvedActor, openid: string, request: StepRequest): Promise<Result<SuggestionDetail>> {
  const caller = suggestionCaller(who);
  const found = await readable(ctx.db, caller, request.suggestionId);
  if (!found.ok) return found;
  const doc = found.value;
  const guard = guardStep(doc, request.kind, caller, ctx.now, SUGGESTION_SETTINGS);
  if (!guard.ok) return guard;
  const command = await request.build(doc, caller);
  if (!command.ok) return command;
  const ownedCaseIds = TELLS_RESIDENTS.includes(request.kind) ? await casesWithResidents(ctx, doc) : [];
  const step = applyStep(doc, command.value, { caller, now: ctx.now, settings: SUGGESTION_SETTINGS, facts: { ownedCaseIds } });
  if (!step.ok) return step;
  const claim = request.files?.fileIds.length ? await claimFiles(ctx.db, request.files, doc._id, ctx.now) : ok({ release: async () => undefined });
  if (!claim.ok) return claim;
  const written = await commitSuggestionStep(ctx.db, doc, step.value.next, step.value.event).catch(async (error: unknown) => {
    await claim.value.release();
    throw error;
  });
  if (!written) {
    await claim.value.release();
    return fail('CONFLICT', STEP_CONFLICT);
  }
  if (RELEASES_CASES.includes(request.kind)) await releaseCases(ctx.db, doc.caseIds, doc._id);
  await tellPeople(ctx.db, doc, step.value.next, step.value.event, openid, ctx.now);
  return ok(await detailFor(ctx.db, caller, step.value.next, ctx.now));
}

/** Linked cases that have a resident to tell and are still this suggestion's. */
async function casesWithResidents(ctx: SuggestionContext, doc: SuggestionDocument): Promise<string[]> {
  const cases = await linkableCases(ctx.db, doc.caseIds);
  return doc.caseIds.filter((id) => {
    const kase = cases.get(id);
    return !!kase?.ownerOpenid && (kase.suggestionId === undefined || kase.suggestionId === doc._id);
  });
}
