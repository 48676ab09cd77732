/**
 * 写代表建议: the form as the page holds it, what is missing before it may be saved (in Chinese,
 * before any call), and the input of suggestion.save. Pure: unit-tested in
 * test/miniprogram/suggestion-view-models.test.ts.
 */
import type { CaseDetail } from '../../../../typings/case';
import type { SaveSuggestionInput, SuggestionDetail, SuggestionFile } from '../../../../typings/suggestion';
import { SUGGESTION_LIMITS } from '../../../generated/rules';

export interface EditForm {
  title: string;
  problem: string;
  proposal: string;
}

export const EMPTY_FORM: EditForm = { title: '', problem: '', proposal: '' };

export type EditField = keyof EditForm | 'attachments' | 'cosignerIds' | 'caseIds';
export type EditErrors = Partial<Record<EditField, string>>;

export interface LinkedCase {
  id: string;
  receiptNo: string;
  title: string;
}

export interface Cosigner {
  id: string;
  name: string;
  /** '待确认' / '已确认' / '已谢绝'; '' for one just chosen (asked when saved). */
  statusText: string;
}

const COSIGN_TEXTS = { pending: '待确认', confirmed: '已确认', declined: '已谢绝' } as const;

/** Opened from a case (提为代表建议): its title, and what the resident wrote as the 问题. */
export function formFromCase(detail: Pick<CaseDetail, 'title' | 'content'>): EditForm {
  return { title: detail.title.slice(0, SUGGESTION_LIMITS.titleMax), problem: detail.content.slice(0, SUGGESTION_LIMITS.textMax), proposal: '' };
}

export function linkedCaseOf(detail: Pick<CaseDetail, 'id' | 'receiptNo' | 'title'>): LinkedCase {
  return { id: detail.id, receiptNo: detail.receiptNo, title: detail.title };
}

export function formFromSuggestion(detail: Pick<SuggestionDetail, 'title' | 'problem' | 'proposal'>): EditForm {
  return { title: detail.title, problem: detail.problem, proposal: detail.proposal };
}

export function cosignersOf(detail: Pick<SuggestionDetail, 'cosigners'>): Cosigner[] {
  return detail.cosigners.map((c) => ({ id: c.id, name: c.name, statusText: COSIGN_TEXTS[c.status] ?? '' }));
}

export const photosOf = (files: readonly SuggestionFile[]) => files.filter((f) => f.kind === 'photo').map((f) => ({ fileId: f.fileId, url: f.url }));
export const pdfsOf = (files: readonly SuggestionFile[]) => files.filter((f) => f.kind === 'pdf');

/** Everything missing or wrong, by field; empty when it may be saved. Uploads still on their way count too. */
export function editProblems(form: EditForm, context: { photoProblem: string; pdfProblem: string; attachments: number }): EditErrors {
  const errors: EditErrors = {};
  if (!form.title.trim()) errors.title = '请填写建议标题';
  else if (form.title.trim().length > SUGGESTION_LIMITS.titleMax) errors.title = `标题最多 ${SUGGESTION_LIMITS.titleMax} 字`;
  if (!form.problem.trim()) errors.problem = '请写明问题和情况';
  if (!form.proposal.trim()) errors.proposal = '请写明具体建议';
  const upload = context.photoProblem || context.pdfProblem;
  if (upload) errors.attachments = upload;
  else if (context.attachments > SUGGESTION_LIMITS.attachments) errors.attachments = `附件最多 ${SUGGESTION_LIMITS.attachments} 个`;
  return errors;
}

export function firstProblem(errors: EditErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** The server names the input field that failed (attachmentFileIds.2 …); the form shows it there. */
export function fieldOf(field: string | undefined): EditField | undefined {
  if (!field) return undefined;
  const head = field.split(/[.[]/)[0];
  if (head === 'attachmentFileIds') return 'attachments';
  return (['title', 'problem', 'proposal', 'cosignerIds', 'caseIds'] as const).find((f) => f === head);
}

export interface SaveState {
  suggestionId?: string;
  requestId?: string;
  attachmentFileIds: string[];
  cosignerIds: string[];
  caseIds: string[];
}

/** A new draft carries its requestId (a retry answers the same draft); an edit names the suggestion. */
export function saveInput(form: EditForm, state: SaveState): SaveSuggestionInput {
  return {
    ...(state.suggestionId ? { suggestionId: state.suggestionId } : { requestId: state.requestId }),
    title: form.title.trim(),
    problem: form.problem.trim(),
    proposal: form.proposal.trim(),
    attachmentFileIds: state.attachmentFileIds,
    cosignerIds: state.cosignerIds,
    caseIds: state.caseIds,
  };
}

/** Submitting waits for every co-signer asked: '' when it may go, else why not yet. */
export function submitBlocked(detail: Pick<SuggestionDetail, 'cosigners'>): string {
  const waiting = detail.cosigners.filter((c) => c.status === 'pending').length;
  return waiting ? `草稿已保存。还有 ${waiting} 位联名代表未确认，全部确认后才能提交` : '';
}

export interface PickRow {
  id: string;
  label: string;
  detail: string;
  chosen: boolean;
}

/** A picker's rows with what is chosen marked; `chosenIds` in the order they were chosen. */
export function pickRows<T>(items: readonly T[], toRow: (item: T) => Omit<PickRow, 'chosen'>, chosenIds: readonly string[]): PickRow[] {
  return items.map((item) => {
    const row = toRow(item);
    return { ...row, chosen: chosenIds.includes(row.id) };
  });
}

/** Adds or removes `id`; adding past `max` answers the message instead. */
export function toggled(ids: readonly string[], id: string, max: number, what: string): { ids: string[]; problem: string } {
  if (ids.includes(id)) return { ids: ids.filter((x) => x !== id), problem: '' };
  if (ids.length >= max) return { ids: [...ids], problem: `${what}最多 ${max} 个` };
  return { ids: [...ids, id], problem: '' };
}
