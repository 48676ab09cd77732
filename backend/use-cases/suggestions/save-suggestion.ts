/**
 * `suggestion.save`: a deputy's new draft, or their edit of a draft or a returned one. Checks
 * before any write: co-signers are deputies of the district (not the author), linked cases are
 * the author's own (assigned or addressed to them) and in no other live suggestion, the files
 * were issued to the caller, WeChat's content check. Then the new cases' marks and files are
 * claimed, the suggestion written (a new one by its id, drawn from the caller and `requestId`, so
 * a retry or a twin answers the same draft; an edit by one conditional update), and the marks of
 * cases no longer linked given back.
 */
import type { SaveSuggestionInput, SuggestionDetail } from '../../../typings/suggestion';
import { canRead } from '../../domain/case/case.policy';
import { fail, ok, type Result } from '../../domain/result';
import { applyStep, guardStep, mayReadSuggestion, newSuggestion, type DraftFields, type SuggestionCaller, type SuggestionDocument } from '../../domain/suggestion';
import { fieldPath } from '../../domain/validation';
import { stationNamesAndDistricts } from '../../data/stations';
import { claimCases, linkableCases, releaseCases } from '../../data/suggestion-cases';
import { cosignerRecords } from '../../data/suggestion-cosigners';
import { commitSuggestionStep, findSuggestion, insertSuggestion } from '../../data/suggestions';
import type { ResolvedActor } from '../actor';
import { suggestionCaller } from './caller';
import { checkSuggestionTexts } from './content';
import { SUGGESTION_SETTINGS, type SuggestionContext } from './context';
import { checkFiles, claimFiles, type FileClaim } from './files';
import { detailFor, SUGGESTION_NOT_FOUND } from './read-suggestions';
import { STEP_CONFLICT } from './run-step';
import { tellPeople } from './step-notices';

/** Drawn from the author's openid and the client's request id: a retry writes (and finds) the same draft. */
export const suggestionIdFor = (hash: (text: string) => string, openid: string, requestId: string): string => `sg-${hash(`suggestion:${openid}:${requestId}`).slice(0, 32)}`;

export async function saveSuggestion(ctx: SuggestionContext, who: ResolvedActor, openid: string, input: SaveSuggestionInput): Promise<Result<SuggestionDetail>> {
  const caller = suggestionCaller(who);
  if (caller.role !== 'deputy' || !caller.id) return fail('FORBIDDEN', '只有人大代表可以提出建议');
  const id = input.suggestionId ?? suggestionIdFor(ctx.hash, openid, input.requestId ?? '');
  const before = await findSuggestion(ctx.db, id);
  if (input.suggestionId) {
    if (!before || !mayReadSuggestion(caller, before)) return fail('NOT_FOUND', SUGGESTION_NOT_FOUND);
    const guard = guardStep(before, 'edit', caller, ctx.now, SUGGESTION_SETTINGS);
    if (!guard.ok) return guard;
  } else if (before) {
    // A retried save: the draft it made, as it stands.
    return before.deputyId === caller.id ? ok(await detailFor(ctx.db, caller, before, ctx.now)) : fail('CONFLICT', '请求编号重复，请重新提交');
  }
  const draft = await draftOf(ctx, who, caller, openid, { id, input, before });
  if (!draft.ok) return draft;
  const { fields, district, addedCases, files } = draft.value;
  const step = before
    ? applyStep(before, { kind: 'edit', draft: fields }, context(ctx, caller))
    : newSuggestion({ id, district, requestId: input.requestId ?? '' }, fields, context(ctx, caller));
  if (!step.ok) return step;

  if ((await claimCases(ctx.db, addedCases, id)) < addedCases.length) {
    if (before) await releaseCases(ctx.db, addedCases, id);
    return fail('CONFLICT', '有留言刚刚被关联到另一条建议，请刷新后重新选择');
  }
  const claim = await claimFiles(ctx.db, files, id, ctx.now);
  if (!claim.ok) return claim;
  const written = before
    ? await commitSuggestionStep(ctx.db, before, step.value.next, step.value.event)
    : (await insertSuggestion(ctx.db, step.value.next, step.value.event)) === 'inserted';
  if (!written && before) {
    await Promise.all([releaseCases(ctx.db, addedCases, id), claim.value.release()]);
    return fail('CONFLICT', STEP_CONFLICT);
  }
  // A twin of a new draft won the insert: it claimed the same cases and files for the same id, so nothing is given back.
  const stored = written ? step.value.next : ((await findSuggestion(ctx.db, id)) ?? step.value.next);
  if (written && before)
    await releaseCases(
      ctx.db,
      before.caseIds.filter((caseId) => !fields.caseIds.includes(caseId)),
      id,
    );
  if (written) await tellPeople(ctx.db, before, stored, step.value.event, openid, ctx.now);
  return ok(await detailFor(ctx.db, caller, stored, ctx.now));
}

const context = (ctx: SuggestionContext, caller: SuggestionCaller) => ({ caller, now: ctx.now, settings: SUGGESTION_SETTINGS });

interface Draft {
  fields: DraftFields;
  district: string;
  /** Cases this save links that the suggestion did not hold yet. */
  addedCases: string[];
  /** Files this save adds (those already the suggestion's are kept as they are). */
  files: FileClaim;
}

async function draftOf(
  ctx: SuggestionContext,
  who: ResolvedActor,
  caller: SuggestionCaller,
  openid: string,
  { id, input, before }: { id: string; input: SaveSuggestionInput; before: SuggestionDocument | undefined },
): Promise<Result<Draft>> {
  const cosignerIds = input.cosignerIds ?? [];
  const caseIds = input.caseIds ?? [];
  const self = cosignerIds.indexOf(caller.id);
  if (self >= 0) return fail('INVALID_INPUT', '不能邀请自己联名', fieldPath('cosignerIds', self));
  const [deputies, cases] = await Promise.all([cosignerRecords(ctx.db, cosignerIds), linkableCases(ctx.db, caseIds)]);
  const ownStations = who.person?.stationIds ?? [];
  const stations = await stationNamesAndDistricts(ctx.db, [
    ...ownStations,
    ...[...deputies.values()].flatMap((d) => d.stationIds),
    ...[...cases.values()].map((c) => c.stationId),
  ]);
  const districtOf = new Map(stations.map((s) => [s.id, s.district]));
  const district = before?.district ?? ownStations.map((s) => districtOf.get(s)).find(Boolean);
  if (!district) return fail('FORBIDDEN', '您的代表信息没有关联联络站，请联系区人大常委会');

  for (const [i, deputyId] of cosignerIds.entries()) {
    const deputy = deputies.get(deputyId);
    if (!deputy || !deputy.stationIds.some((s) => districtOf.get(s) === district)) return fail('INVALID_INPUT', '只能邀请本区的人大代表联名', fieldPath('cosignerIds', i));
  }
  const reader = { role: 'deputy' as const, id: caller.id, deputyId: caller.id };
  for (const [i, caseId] of caseIds.entries()) {
    const kase = cases.get(caseId);
    if (!kase || !canRead(reader, kase)) return fail('INVALID_INPUT', '只能关联您接办或收到的留言', fieldPath('caseIds', i));
    if (kase.status === 'withdrawn') return fail('INVALID_INPUT', '这条留言已被群众撤回，不能关联', fieldPath('caseIds', i));
    if (kase.suggestionId && kase.suggestionId !== id) return fail('INVALID_INPUT', '这条留言已关联到另一条建议', fieldPath('caseIds', i));
  }

  const kept = new Set((before?.attachments ?? []).map((a) => a.fileId));
  const fileIds = input.attachmentFileIds ?? [];
  const files: FileClaim = { sender: openid, fileIds: fileIds.filter((f) => !kept.has(f)), field: 'attachmentFileIds' };
  const checkedFiles = await checkFiles(ctx.db, { ...files, fileIds }, ctx.now, id);
  if (!checkedFiles.ok) return checkedFiles;
  const verdict = await checkSuggestionTexts(ctx.wx, openid, input.title, [input.problem, input.proposal]);
  if (verdict === 'risky') return fail('CONTENT_RISKY', '建议内容含有不适宜发布的信息（如广告、违法信息），请修改后再提交');

  return ok({
    fields: {
      title: input.title,
      problem: input.problem,
      proposal: input.proposal,
      attachments: checkedFiles.value,
      cosigners: cosignerIds.map((deputyId) => ({ deputyId, name: deputies.get(deputyId)!.name })),
      caseIds,
      stationIds: [...new Set([...ownStations, ...caseIds.map((caseId) => cases.get(caseId)!.stationId)])],
      ...(verdict === 'unchecked' ? { contentCheck: 'pending' as const } : {}),
    },
    district,
    addedCases: caseIds.filter((caseId) => cases.get(caseId)?.suggestionId !== id),
    files,
  });
}
