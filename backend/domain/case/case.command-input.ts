/**
 * What the `case` function's actions accept (ApiContract['case']), checked at the edge like
 * `caseSubmissionSchema`. Strict: unknown fields and operator-looking values are refused.
 * The domain still enforces its own rules on the commands built from these.
 */
import type { ApiContract } from '../../../typings/api';
import type { CaseCommandAction } from '../../../typings/case';
import type { Assert, ListsEvery } from '../exhaustive';
import { cleanText } from '../text';
import type { Check } from '../validation';
import { freeText, number, object, oneOf, optional, optionalFreeText, text } from '../validation';
import { calendarDate } from './combinators';
import { CATEGORY_LABELS } from './case.labels';
import { INBOX_FILTERS } from './case.inbox';
import { caseSubmissionSchema, idInput, photoFileIdsInput } from './case.input';
import type { ChosenCategory } from './case.state';
import { CHOSEN_CATEGORIES, RATING_VALUES, TRANSFER_ROUTES, UNSURE_CATEGORY } from './case.state';
import { parseReceiptNumber } from './receipt-number';
import { uploadPathsSchema } from '../uploads/upload.input';
import { JOIN_INPUT, JOINED_INPUT, SIMILAR_INPUT, UNJOIN_INPUT } from '../join/join.input';

/** Typed text, cleaned of what renders nothing before its limits are checked (see `freeText`). */
const required = (label: string, max: number) => freeText(label, { min: 1, max });

/** An optional note: absent, null, blank or only invisible characters all mean "no note"; otherwise cleaned and bounded. */
const optionalText = optionalFreeText;

/** The longest text each action takes, by action and field, in characters (the mini-program's forms hold the same limits). */
export const ACTION_TEXT_LIMITS = {
  withdraw: { reason: 500 },
  supplement: { note: 1000 },
  rate: { comment: 500 },
  reopen: { reason: 500 },
  accept: { note: 500 },
  reject: { reason: 500, referral: 200 },
  assign: { note: 500 },
  start: { note: 500 },
  reply: { content: 2000 },
  close: { note: 500 },
  transfer: { receivingBody: 50, note: 500 },
  recordAnswer: { content: 2000, from: 50 },
  supervise: { note: 500 },
  followUp: { note: 1000 },
  merge: { intoReceiptNo: 40 },
  requestTransfer: { note: 500 },
  markSuggestion: { note: 500 },
} as const satisfies { readonly [A in CaseCommandAction]: Readonly<Record<string, number>> };

const LIMIT = ACTION_TEXT_LIMITS;

/** A 受理编号 as a person typed it; kept normalised (spaces dropped, capitals), e.g. FT20261121-0042. */
function receiptNumber(label: string): Check<string> {
  const check = text(label, { min: 1, max: ACTION_TEXT_LIMITS.merge.intoReceiptNo });
  return (value, path) => {
    const result = check(value, path);
    if (!result.ok) return result;
    const normalised = cleanText(result.value).replace(/\s+/g, '').toUpperCase();
    return parseReceiptNumber(normalised) ? { ok: true, value: normalised } : { ok: false, field: path, reason: `${label}格式不正确，如 FT20261121-0042` };
  };
}

const page = optional(number('页码', { min: 0, max: 500, integer: true }));

/** The category a handler chooses on accepting: any but 不确定, which is what they are resolving. */
const chosenCategory: Check<ChosenCategory> = (value, path) =>
  value === UNSURE_CATEGORY
    ? { ok: false, field: path, reason: `请选择具体的留言类别（${CHOSEN_CATEGORIES.map((c) => CATEGORY_LABELS[c]).join('、')}）` }
    : oneOf('留言类别', CHOSEN_CATEGORIES)(value, path);

const caseRef = {
  caseId: idInput('留言编号'),
  version: number('版本号', { min: 1, max: 1_000_000_000, integer: true }),
};

export const CASE_ACTION_INPUTS = {
  submit: caseSubmissionSchema,
  mine: object({ page }),
  get: object({ caseId: caseRef.caseId }),
  withdraw: object({ ...caseRef, reason: optionalText('撤回原因', LIMIT.withdraw.reason) }),
  supplement: object({ ...caseRef, note: required('补充说明', LIMIT.supplement.note), photoFileIds: photoFileIdsInput }),
  rate: object({ ...caseRef, rating: oneOf('评价', RATING_VALUES), comment: optionalText('评价意见', LIMIT.rate.comment) }),
  reopen: object({ ...caseRef, reason: required('重办原因', LIMIT.reopen.reason) }),
  accept: object({ ...caseRef, note: optionalText('受理意见', LIMIT.accept.note), category: optional(chosenCategory) }),
  reject: object({ ...caseRef, reason: required('不予受理的理由', LIMIT.reject.reason), referral: required('建议反映的渠道', LIMIT.reject.referral) }),
  assign: object({ ...caseRef, deputyId: idInput('代表'), note: optionalText('指派说明', LIMIT.assign.note) }),
  start: object({ ...caseRef, note: optionalText('办理说明', LIMIT.start.note) }),
  reply: object({ ...caseRef, content: required('答复内容', LIMIT.reply.content), photoFileIds: photoFileIdsInput }),
  close: object({ ...caseRef, note: optionalText('办结说明', LIMIT.close.note) }),
  inbox: object({ filter: optional(oneOf('筛选', INBOX_FILTERS)), stationId: optional(idInput('联络站')), page }),
  transfer: object({
    ...caseRef,
    route: oneOf('转办方式', TRANSFER_ROUTES),
    receivingBody: required('承办单位', LIMIT.transfer.receivingBody),
    deadline: calendarDate('办理期限'),
    note: optionalText('转办说明', LIMIT.transfer.note),
  }),
  recordAnswer: object({ ...caseRef, content: required('承办单位的答复', LIMIT.recordAnswer.content), from: optionalText('答复单位', LIMIT.recordAnswer.from) }),
  supervise: object({ ...caseRef, note: required('督办意见', LIMIT.supervise.note) }),
  followUp: object({ ...caseRef, note: required('回访情况', LIMIT.followUp.note), photoFileIds: photoFileIdsInput }),
  merge: object({ ...caseRef, intoReceiptNo: receiptNumber('受理编号') }),
  requestTransfer: object({ ...caseRef, note: required('转办理由', LIMIT.requestTransfer.note), route: optional(oneOf('转办方式', TRANSFER_ROUTES)) }),
  markSuggestion: object({ ...caseRef, note: optionalText('代表建议说明', LIMIT.markSuggestion.note) }),
  letter: object({ caseId: caseRef.caseId }),
  uploadPaths: uploadPathsSchema,
  similar: SIMILAR_INPUT,
  join: JOIN_INPUT,
  unjoin: UNJOIN_INPUT,
  joined: JOINED_INPUT,
  claim: object({ code: text('认领码', { min: 1, max: 64 }) }),
};

type CaseApi = ApiContract['case'];
type Parsed<K extends keyof typeof CASE_ACTION_INPUTS> = (typeof CASE_ACTION_INPUTS)[K] extends Check<infer T> ? T : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [K in keyof CaseApi]: K extends keyof typeof CASE_ACTION_INPUTS ? (Same<Parsed<K>, CaseApi[K]['input']> extends true ? never : K) : K }[keyof CaseApi];

/** Compile-time: every action of the contract has a check, and each check yields exactly its input type. */
export type ActionInputsMatchContract = [
  Assert<ListsEvery<(keyof typeof CASE_ACTION_INPUTS)[], keyof CaseApi>>,
  Assert<[Mismatched] extends [never] ? true : { mismatched: Mismatched }>,
];
