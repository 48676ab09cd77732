/**
 * The lifecycle actions after the draft: each names its table command and builds it with the
 * facts it needs — the office's number at acceptance (a counter per district and year), the
 * units by id within the district, WeChat's verdict on typed text, the answer's PDF. runStep does
 * the rest (guard first, one conditional update, its event, notices, the detail).
 */
import type {
  AnswerSuggestionInput,
  AssignSuggestionInput,
  AssistSuggestionInput,
  CosignInput,
  DecideSuggestionChangeInput,
  RateSuggestionInput,
  RequestSuggestionChangeInput,
  ReviewSuggestionInput,
  SuggestionDetail,
  SuggestionRef,
} from '../../../typings/suggestion';
import { shanghaiDate } from '../../domain/calendar';
import { fail, ok, type Result } from '../../domain/result';
import { suggestionNumber, type SuggestionCommand, type SuggestionDocument, type UnitRef } from '../../domain/suggestion';
import { drawNext } from '../../data/counters';
import { districtUnits } from '../../data/suggestion-units';
import type { ResolvedActor } from '../actor';
import { checkSuggestionTexts } from './content';
import type { SuggestionContext } from './context';
import { checkFiles, type FileClaim } from './files';
import { runStep } from './run-step';

type Step = Promise<Result<SuggestionDetail>>;
const simple = (command: SuggestionCommand) => async () => ok(command);

export const submitSuggestion = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: SuggestionRef): Step =>
  runStep(ctx, who, openid, { suggestionId: input.suggestionId, kind: 'submit', build: simple({ kind: 'submit' }) });

export const withdrawSuggestion = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: SuggestionRef): Step =>
  runStep(ctx, who, openid, { suggestionId: input.suggestionId, kind: 'withdraw', build: simple({ kind: 'withdraw' }) });

export const cosignSuggestion = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: CosignInput): Step =>
  runStep(ctx, who, openid, { suggestionId: input.suggestionId, kind: 'cosign', build: simple({ kind: 'cosign', confirm: input.confirm }) });

/** Typed text WeChat finds risky is refused; text it could not read is accepted (the writer is an accountable official). */
async function checked<T>(ctx: SuggestionContext, openid: string, texts: (string | undefined)[], value: T): Promise<Result<T>> {
  const verdict = await checkSuggestionTexts(ctx.wx, openid, undefined, texts);
  return verdict === 'risky' ? fail('CONTENT_RISKY', '内容含有不适宜发布的信息（如广告、违法信息），请修改后再提交') : ok(value);
}

export function reviewSuggestion(ctx: SuggestionContext, who: ResolvedActor, openid: string, input: ReviewSuggestionInput): Step {
  const kind = input.decision === 'accept' ? 'accept' : input.decision;
  return runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind,
    build: async (doc) => {
      if (input.decision === 'return') return checked(ctx, openid, [input.reason], { kind: 'return', reason: input.reason ?? '' } as const);
      if (input.decision === 'convert') return checked(ctx, openid, [input.reason], { kind: 'convert', note: input.reason ?? '' } as const);
      const year = Number(shanghaiDate(ctx.now).slice(0, 4));
      // A number drawn for a step that then loses a race is never used: the year's numbers may have gaps, never repeats.
      const seq = await drawNext(ctx.db, `suggestion-${ctx.hash(doc.district).slice(0, 16)}-${year}`, ctx.now);
      return ok({ kind: 'accept', number: suggestionNumber(doc.district, year, seq), year, ...(input.reason ? { note: input.reason } : {}) });
    },
  });
}

/** The units named, within the suggestion's district; one that is not there is refused by its field. */
async function units(ctx: SuggestionContext, doc: SuggestionDocument, leadId: string, assistIds: readonly string[]): Promise<Result<{ lead: UnitRef; assists: UnitRef[] }>> {
  const found = await districtUnits(ctx.db, doc.district, [leadId, ...assistIds]);
  const lead = found.get(leadId);
  if (!lead) return fail('INVALID_INPUT', '没有找到这个承办单位', 'leadUnitId');
  const missing = assistIds.findIndex((id) => !found.has(id));
  if (missing >= 0) return fail('INVALID_INPUT', '没有找到这个承办单位', `assistUnitIds.${missing}`);
  return ok({ lead, assists: assistIds.map((id) => found.get(id)!) });
}

export const assignSuggestion = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: AssignSuggestionInput): Step =>
  runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind: 'assign',
    build: async (doc) => {
      const named = await units(ctx, doc, input.leadUnitId, input.assistUnitIds ?? []);
      return named.ok ? ok({ kind: 'assign', ...named.value, ...(input.deadline ? { deadline: input.deadline } : {}) }) : named;
    },
  });

export const requestSuggestionChange = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: RequestSuggestionChangeInput): Step =>
  runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind: input.kind === 'reroute' ? 'request_reroute' : 'request_extension',
    build: () =>
      checked<SuggestionCommand>(
        ctx,
        openid,
        [input.reason],
        input.kind === 'reroute' ? { kind: 'request_reroute', reason: input.reason } : { kind: 'request_extension', reason: input.reason, until: input.until ?? '' },
      ),
  });

export const decideSuggestionChange = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: DecideSuggestionChangeInput): Step =>
  runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind: input.grant ? 'grant' : 'deny',
    build: async (doc) => {
      const note = input.note ? { note: input.note } : {};
      if (!input.grant) return checked(ctx, openid, [input.note], { kind: 'deny', ...note } as const);
      if (doc.request?.kind !== 'reroute' || !input.leadUnitId) return checked(ctx, openid, [input.note], { kind: 'grant', ...note } as const);
      const named = await units(ctx, doc, input.leadUnitId, input.assistUnitIds ?? []);
      return named.ok ? checked(ctx, openid, [input.note], { kind: 'grant', ...note, ...named.value } as const) : named;
    },
  });

export const assistSuggestion = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: AssistSuggestionInput): Step =>
  runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind: 'assist',
    build: () => checked(ctx, openid, [input.opinion], { kind: 'assist', opinion: input.opinion } as const),
  });

export function answerSuggestion(ctx: SuggestionContext, who: ResolvedActor, openid: string, input: AnswerSuggestionInput): Step {
  const files: FileClaim = { sender: openid, fileIds: input.attachmentFileId ? [input.attachmentFileId] : [], field: 'attachmentFileId', single: true, pdfOnly: true };
  return runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind: 'answer',
    files,
    build: async (doc) => {
      const checkedFiles = await checkFiles(ctx.db, files, ctx.now, doc._id);
      if (!checkedFiles.ok) return checkedFiles;
      const { suggestionId: _id, ...answer } = input;
      return checked(ctx, openid, [input.text], { kind: 'answer', ...answer } as const);
    },
  });
}

export const rateSuggestion = (ctx: SuggestionContext, who: ResolvedActor, openid: string, input: RateSuggestionInput): Step =>
  runStep(ctx, who, openid, {
    suggestionId: input.suggestionId,
    kind: 'rate',
    build: () => checked(ctx, openid, [input.comment], { kind: 'rate', rating: input.rating, ...(input.comment ? { comment: input.comment } : {}) } as const),
  });
