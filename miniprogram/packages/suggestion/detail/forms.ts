/**
 * The sheets of a 代表建议's actions: what each asks for, what is missing before it may be sent
 * (in Chinese, before any call), and the action with its input.
 * Pure: unit-tested in test/miniprogram/suggestion-view-models.test.ts.
 */
import type { ActionInput } from '../../../../typings/api';
import type { SuggestionRating, SuggestionResult } from '../../../../typings/suggestion';
import { SUGGESTION_LIMITS as LIMITS } from '../../../generated/rules';

export type SheetKind = 'cosign' | 'review' | 'assign' | 'reroute' | 'extension' | 'decide' | 'assist' | 'answer' | 'rate';

export const SHEET_TITLES: Readonly<Record<SheetKind, string>> = {
  cosign: '联名确认',
  review: '审查代表建议',
  assign: '交办',
  reroute: '申请改办',
  extension: '申请延期',
  decide: '审批申请',
  assist: '协办意见',
  answer: '答复代表建议',
  rate: '评价答复',
};

/** What a sent sheet says in its toast. */
export const DONE_TEXTS: Readonly<Record<SheetKind, string>> = {
  cosign: '已回复联名邀请',
  review: '已审查',
  assign: '已交办',
  reroute: '已申请改办',
  extension: '已申请延期',
  decide: '已审批',
  assist: '协办意见已送主办单位',
  answer: '已答复',
  rate: '感谢您的评价',
};

export interface SheetForm {
  /** cosign: 'confirm' | 'decline'; review: 'accept' | 'return' | 'convert'; decide: 'grant' | 'deny'. */
  choice: string;
  /** A reason, a note or an opinion: the one text most sheets take. */
  text: string;
  leadUnitId: string;
  assistUnitIds: string[];
  /** 'YYYY-MM-DD': the deadline (assign), the date asked for (extension). */
  date: string;
  result: SuggestionResult | '';
  publishable: boolean;
  rating: SuggestionRating | '';
}

export const EMPTY_SHEET: SheetForm = { choice: '', text: '', leadUnitId: '', assistUnitIds: [], date: '', result: '', publishable: true, rating: '' };

export type SheetErrors = Partial<Record<keyof SheetForm | 'pdf', string>>;

export const REVIEW_CHOICES = [
  { value: 'accept', label: '立案' },
  { value: 'return', label: '退回修改' },
  { value: 'convert', label: '转为留言转办（个人诉求）' },
] as const;
export const COSIGN_CHOICES = [
  { value: 'confirm', label: '同意联名' },
  { value: 'decline', label: '谢绝联名' },
] as const;
export const DECIDE_CHOICES = [
  { value: 'grant', label: '同意' },
  { value: 'deny', label: '不同意' },
] as const;

/** What the one text field of a sheet is called, and its limit; null for a sheet without one. */
export function textFieldOf(kind: SheetKind, form: Pick<SheetForm, 'choice' | 'rating'>): { label: string; placeholder: string; max: number; required: boolean } | null {
  switch (kind) {
    case 'review':
      if (form.choice === 'return') return { label: '退回理由', placeholder: '请说明需要怎样修改', max: LIMITS.reasonMax, required: true };
      if (form.choice === 'convert') return { label: '转办说明', placeholder: '转给哪里办理，怎样告知代表', max: LIMITS.reasonMax, required: true };
      return null;
    case 'reroute':
      return { label: '改办理由', placeholder: '为什么不属于本单位职责，建议交给哪个单位', max: LIMITS.reasonMax, required: true };
    case 'extension':
      return { label: '延期理由', placeholder: '为什么需要延期', max: LIMITS.reasonMax, required: true };
    case 'decide':
      return { label: '审批意见', placeholder: '选填', max: LIMITS.noteMax, required: false };
    case 'assist':
      return { label: '协办意见', placeholder: '本单位的意见和办理情况，供主办单位答复时参考', max: LIMITS.opinionMax, required: true };
    case 'answer':
      return { label: '答复内容', placeholder: '正式答复的全文或要点', max: LIMITS.answerMax, required: true };
    case 'rate':
      return form.rating === 'unsatisfied'
        ? { label: '不满意的原因', placeholder: '还有哪些问题没有解决（必填，承办单位将重新办理）', max: LIMITS.commentMax, required: true }
        : { label: '评价意见', placeholder: '选填', max: LIMITS.commentMax, required: false };
    default:
      return null;
  }
}

export interface SheetContext {
  /** A pending request's kind (decide): re-routing granted needs the new lead. */
  requestKind?: 'reroute' | 'extension';
  /** The answer's PDF still uploading or failed: why it cannot be sent yet. */
  pdfProblem: string;
  /** The first day a date may be (tomorrow, Beijing). */
  tomorrow: string;
}

export function sheetProblems(kind: SheetKind, form: SheetForm, context: SheetContext): SheetErrors {
  const errors: SheetErrors = {};
  const text = form.text.trim();
  const field = textFieldOf(kind, form);
  if (kind === 'cosign' && !form.choice) errors.choice = '请选择同意或谢绝联名';
  if (kind === 'review' && !form.choice) errors.choice = '请选择立案、退回修改或转为留言转办';
  if (kind === 'decide' && !form.choice) errors.choice = '请选择同意或不同意';
  if ((kind === 'assign' || (kind === 'decide' && form.choice === 'grant' && context.requestKind === 'reroute')) && !form.leadUnitId) errors.leadUnitId = '请选择主办单位';
  if (form.assistUnitIds.includes(form.leadUnitId) && form.leadUnitId) errors.assistUnitIds = '主办单位不能同时是协办单位';
  if (kind === 'extension' && !form.date) errors.date = '请选择延期到哪一天';
  if ((kind === 'extension' || kind === 'assign') && form.date && form.date < context.tomorrow) errors.date = '日期最早为明天';
  if (kind === 'answer' && !form.result) errors.result = '请选择结果分类';
  if (kind === 'answer' && context.pdfProblem) errors.pdf = context.pdfProblem;
  if (kind === 'rate' && !form.rating) errors.rating = '请选择满意、基本满意或不满意';
  if (field?.required && !text) errors.text = `请填写${field.label}`;
  else if (field?.required && kind !== 'answer' && kind !== 'assist' && text.length < (kind === 'rate' ? LIMITS.commentMin : LIMITS.reasonMin))
    errors.text = `${field.label}至少 ${kind === 'rate' ? LIMITS.commentMin : LIMITS.reasonMin} 个字`;
  return errors;
}

export function firstSheetProblem(errors: SheetErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

type Action = 'cosign' | 'review' | 'assign' | 'request' | 'decide' | 'assist' | 'answer' | 'rate';
export type SheetCall = { [A in Action]: { action: A; input: ActionInput<'suggestion', A> } }[Action];

const optional = <K extends string>(key: K, value: string) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;

/** The action and its input; `pdfFileId` the answer's uploaded PDF. */
export function sheetCall(kind: SheetKind, form: SheetForm, suggestionId: string, pdfFileId?: string): SheetCall {
  const ref = { suggestionId };
  const text = form.text.trim();
  const assists = form.assistUnitIds.filter((id) => id !== form.leadUnitId);
  switch (kind) {
    case 'cosign':
      return { action: 'cosign', input: { ...ref, confirm: form.choice === 'confirm' } };
    case 'review':
      return { action: 'review', input: { ...ref, decision: form.choice as 'accept' | 'return' | 'convert', ...(form.choice === 'accept' ? {} : optional('reason', text)) } };
    case 'assign':
      return { action: 'assign', input: { ...ref, leadUnitId: form.leadUnitId, assistUnitIds: assists, ...optional('deadline', form.date) } };
    case 'reroute':
      return { action: 'request', input: { ...ref, kind: 'reroute', reason: text } };
    case 'extension':
      return { action: 'request', input: { ...ref, kind: 'extension', reason: text, until: form.date } };
    case 'decide': {
      const grant = form.choice === 'grant';
      const lead = grant && form.leadUnitId ? { leadUnitId: form.leadUnitId, assistUnitIds: assists } : {};
      return { action: 'decide', input: { ...ref, grant, ...optional('note', text), ...lead } };
    }
    case 'assist':
      return { action: 'assist', input: { ...ref, opinion: text } };
    case 'answer':
      return {
        action: 'answer',
        input: { ...ref, text, result: form.result as SuggestionResult, publishable: form.publishable, ...optional('attachmentFileId', pdfFileId ?? '') },
      };
    case 'rate':
      return { action: 'rate', input: { ...ref, rating: form.rating as SuggestionRating, ...optional('comment', text) } };
  }
}

/** The sheet a button opens; submit, withdraw and edit open none. */
export function sheetOf(kind: string): SheetKind | null {
  const map: Record<string, SheetKind> = {
    cosign: 'cosign',
    review: 'review',
    assign: 'assign',
    requestReroute: 'reroute',
    requestExtension: 'extension',
    decide: 'decide',
    assist: 'assist',
    answer: 'answer',
    rate: 'rate',
  };
  return map[kind] ?? null;
}

/** The server names the input field that failed; the sheet shows it under the field that holds it. */
export function sheetFieldOf(field: string | undefined): keyof SheetErrors | undefined {
  const head = field?.split(/[.[]/)[0] ?? '';
  const map: Record<string, keyof SheetErrors> = {
    reason: 'text',
    note: 'text',
    opinion: 'text',
    text: 'text',
    comment: 'text',
    leadUnitId: 'leadUnitId',
    assistUnitIds: 'assistUnitIds',
    deadline: 'date',
    until: 'date',
    result: 'result',
    rating: 'rating',
    attachmentFileId: 'pdf',
  };
  return map[head];
}
