/**
 * What the lifecycle actions accept, checked at the function's edge with the shared combinators;
 * typed text goes through `freeText`. Rules that need the suggestion (whose cases, which units)
 * are the use cases'.
 */
import type {
  AnswerSuggestionInput,
  AssignSuggestionInput,
  AssistSuggestionInput,
  CosignableInput,
  CosignInput,
  DecideSuggestionChangeInput,
  ListSuggestionsInput,
  RateSuggestionInput,
  RequestSuggestionChangeInput,
  ReviewSuggestionInput,
  SaveSuggestionInput,
  SuggestionRef,
} from '../../../typings/suggestion';
import type { SuggestionUploadPathsInput } from '../../../typings/uploads';
import { array, boolean, calendarDate } from '../case/combinators';
import { CLOUD_FILE_ID, idInput } from '../case/case.input';
import type { Assert } from '../exhaustive';
import { PHOTO_EXTENSIONS, UPLOAD_RULES } from '../uploads';
import type { Check } from '../validation';
import { freeText, number, object, oneOf, optional, optionalFreeText, text } from '../validation';
import { SUGGESTION_RESULTS, SUGGESTION_RULES, SUGGESTION_STATUSES } from './suggestion.rules';

const R = SUGGESTION_RULES;
const REQUEST_ID = /^[A-Za-z0-9_-]+$/;
const suggestionId = idInput('建议编号');
const fileId = (label: string) => text(label, { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: `${label}须先上传，再提交上传得到的 fileID（cloud://…）` });
const reason = (label: string) => freeText(label, { min: R.reasonMin, max: R.reasonMax });

/** A list of ids, each at most once. */
function ids(label: string, max: number): Check<string[]> {
  const list = array(label, idInput(label), { max });
  return (value, path) => {
    const parsed = list(value, path);
    if (!parsed.ok) return parsed;
    const repeated = parsed.value.findIndex((id, i) => parsed.value.indexOf(id) !== i);
    return repeated >= 0 ? { ok: false, field: `${path}.${repeated}`, reason: `${label}重复了` } : parsed;
  };
}

export const saveSuggestionSchema: Check<SaveSuggestionInput> = (value, path) => {
  const parsed = object({
    suggestionId: optional(suggestionId),
    requestId: optional(text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' })),
    title: freeText('标题', { min: 1, max: R.titleMax }),
    problem: freeText('问题和情况', { min: 1, max: R.textMax }),
    proposal: freeText('建议内容', { min: 1, max: R.textMax }),
    attachmentFileIds: optional(array('附件', fileId('附件'), { max: R.maxAttachments })),
    cosignerIds: optional(ids('联名代表', R.maxCosigners)),
    caseIds: optional(ids('关联留言', R.maxCases)),
  })(value, path);
  if (parsed.ok && !parsed.value.suggestionId && !parsed.value.requestId) return { ok: false, field: 'requestId', reason: '新建建议须带请求编号' };
  return parsed;
};

export const suggestionRefSchema = object({ suggestionId });

export const cosignSchema = object({ suggestionId, confirm: boolean('是否联名') });

export const cosignableSchema = object({ query: optionalFreeText('姓名', 20) });

const reviewFields = object({ suggestionId, decision: oneOf('审查结果', ['accept', 'return', 'convert'] as const), reason: optionalFreeText('理由', R.reasonMax) });

/** Returning says why, converting says where to (the referral note): both 2–500 characters. */
export const reviewSuggestionSchema: Check<ReviewSuggestionInput> = (value, path) => {
  const parsed = reviewFields(value, path);
  if (!parsed.ok || parsed.value.decision === 'accept') return parsed;
  if ([...(parsed.value.reason ?? '')].length < R.reasonMin)
    return { ok: false, field: 'reason', reason: parsed.value.decision === 'return' ? '请写明退回理由（至少 2 个字）' : '请写明转办意见（至少 2 个字）' };
  return parsed;
};

export const assignSuggestionSchema = object({
  suggestionId,
  leadUnitId: idInput('主办单位'),
  assistUnitIds: optional(ids('协办单位', R.maxAssistUnits)),
  deadline: optional(calendarDate('办理期限')),
});

const requestFields = object({
  suggestionId,
  kind: oneOf('申请类型', ['reroute', 'extension'] as const),
  reason: reason('申请理由'),
  until: optional(calendarDate('延期后的办理期限')),
});

/** An extension names the deadline it asks for; a re-routing names none. */
export const requestSuggestionChangeSchema: Check<RequestSuggestionChangeInput> = (value, path) => {
  const parsed = requestFields(value, path);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === 'extension' && !parsed.value.until) return { ok: false, field: 'until', reason: '请选择延期后的办理期限' };
  if (parsed.value.kind === 'reroute' && parsed.value.until) return { ok: false, field: 'until', reason: '申请改办不需要填写期限' };
  return parsed;
};

export const decideSuggestionChangeSchema = object({
  suggestionId,
  grant: boolean('是否同意'),
  note: optionalFreeText('意见', R.noteMax),
  leadUnitId: optional(idInput('主办单位')),
  assistUnitIds: optional(ids('协办单位', R.maxAssistUnits)),
});

export const assistSuggestionSchema = object({ suggestionId, opinion: freeText('协办意见', { min: 1, max: R.opinionMax }) });

export const answerSuggestionSchema = object({
  suggestionId,
  text: freeText('答复内容', { min: 1, max: R.answerMax }),
  attachmentFileId: optional(fileId('答复函')),
  result: oneOf('办理结果', SUGGESTION_RESULTS),
  publishable: boolean('是否公开'),
});

const rateFields = object({
  suggestionId,
  rating: oneOf('评价', ['satisfied', 'basically_satisfied', 'unsatisfied'] as const),
  comment: optionalFreeText('评价意见', R.commentMax),
});

/** 不满意 says what is still wrong. */
export const rateSuggestionSchema: Check<RateSuggestionInput> = (value, path) => {
  const parsed = rateFields(value, path);
  if (!parsed.ok || parsed.value.rating !== 'unsatisfied') return parsed;
  if ([...(parsed.value.comment ?? '')].length < R.commentMin) return { ok: false, field: 'comment', reason: '不满意时请写明还有什么问题（至少 2 个字）' };
  return parsed;
};

export const listSuggestionsSchema = object({
  status: optional(oneOf('状态', SUGGESTION_STATUSES)),
  unitId: optional(idInput('承办单位')),
  deputyId: optional(idInput('代表')),
  overdue: optional(boolean('是否逾期')),
  page: optional(number('页码', { min: 0, max: 500, integer: true })),
});

const SUGGESTION_EXTENSIONS = [...PHOTO_EXTENSIONS, 'pdf'] as const;
const extension: Check<(typeof SUGGESTION_EXTENSIONS)[number]> = (value, path) => {
  const result = oneOf('文件格式', SUGGESTION_EXTENSIONS)(value, path);
  return result.ok ? result : { ...result, reason: `附件只能是 ${SUGGESTION_EXTENSIONS.join('、')} 格式` };
};

export const suggestionUploadPathsSchema = object({ extensions: array('附件', extension, { min: 1, max: UPLOAD_RULES.maxPerCall }) });

type Parsed<C> = C extends Check<infer T> ? T : never;
export type SuggestionInputsMatchContract = [
  Assert<Parsed<typeof saveSuggestionSchema> extends SaveSuggestionInput ? true : false>,
  Assert<Parsed<typeof suggestionRefSchema> extends SuggestionRef ? true : false>,
  Assert<Parsed<typeof cosignSchema> extends CosignInput ? true : false>,
  Assert<Parsed<typeof cosignableSchema> extends CosignableInput ? true : false>,
  Assert<Parsed<typeof assignSuggestionSchema> extends AssignSuggestionInput ? true : false>,
  Assert<Parsed<typeof decideSuggestionChangeSchema> extends DecideSuggestionChangeInput ? true : false>,
  Assert<Parsed<typeof assistSuggestionSchema> extends AssistSuggestionInput ? true : false>,
  Assert<Parsed<typeof answerSuggestionSchema> extends AnswerSuggestionInput ? true : false>,
  Assert<Parsed<typeof listSuggestionsSchema> extends ListSuggestionsInput ? true : false>,
  Assert<Parsed<typeof suggestionUploadPathsSchema> extends SuggestionUploadPathsInput ? true : false>,
];
