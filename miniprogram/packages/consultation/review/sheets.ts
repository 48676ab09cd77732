/**
 * The sheets of 处理意见: 标为重复 (which comment it repeats), 不报送 (a reason), the office's
 * 编辑 (a light edit beside the original) and 采纳 (how it was adopted) — what is missing before
 * sending, in Chinese, and the action with its input. Pure: unit-tested in
 * test/miniprogram/consultation-office-view-models.test.ts.
 */
import type { AdoptCommentInput, EditCommentInput, ReviewCommentInput } from '../../../../typings/consultation';
import { CONSULTATION_LIMITS } from '../../../generated/rules';

export type SheetKind = 'duplicate' | 'decline' | 'edit' | 'adopt';

/** The back end's limits (generated): a decline's reason, an adoption's note, the office's edit. */
export const SHEET_LIMITS = {
  reasonMin: CONSULTATION_LIMITS.reasonMin,
  reasonMax: CONSULTATION_LIMITS.reasonMax,
  noteMin: CONSULTATION_LIMITS.noteMin,
  noteMax: CONSULTATION_LIMITS.noteMax,
  editMax: CONSULTATION_LIMITS.editMax,
} as const;

export const SHEET_TITLES: Readonly<Record<SheetKind, string>> = { duplicate: '标为重复意见', decline: '不报送', edit: '编辑意见（用于汇总）', adopt: '标记为已采纳' };
export const DONE_TEXTS: Readonly<Record<SheetKind | 'forward', string>> = {
  forward: '已报送',
  duplicate: '已标为重复',
  decline: '已标为不报送',
  edit: '已保存编辑',
  adopt: '已标记采纳',
};

export interface SheetForm {
  /** duplicate: the comment it repeats. */
  duplicateOf: string;
  /** decline's reason, adopt's note, edit's text. */
  text: string;
}

export const EMPTY_SHEET: SheetForm = { duplicateOf: '', text: '' };

export type SheetCall = { action: 'review'; input: ReviewCommentInput } | { action: 'edit'; input: EditCommentInput } | { action: 'adopt'; input: AdoptCommentInput };

/** Why the sheet cannot be sent yet, or ''. */
export function sheetProblem(kind: SheetKind, form: SheetForm): string {
  const text = form.text.trim();
  const { editMax } = SHEET_LIMITS;
  if (kind === 'duplicate') return form.duplicateOf ? '' : '请选择它重复的那条意见';
  if (kind === 'edit') return text.length > editMax ? `最多 ${editMax} 字` : '';
  const what = kind === 'decline' ? '不报送的理由' : '采纳情况';
  const [min, max] = kind === 'decline' ? [SHEET_LIMITS.reasonMin, SHEET_LIMITS.reasonMax] : [SHEET_LIMITS.noteMin, SHEET_LIMITS.noteMax];
  if (text.length < min) return `请写明${what}（至少 ${min} 个字）`;
  return text.length > max ? `${what}最多 ${max} 字` : '';
}

/** `original`: the comment as submitted, for an edit. */
export function sheetCall(kind: SheetKind, commentId: string, form: SheetForm, original = ''): SheetCall {
  const text = form.text.trim();
  if (kind === 'duplicate') return { action: 'review', input: { commentId, review: 'duplicate', duplicateOf: form.duplicateOf } };
  if (kind === 'decline') return { action: 'review', input: { commentId, review: 'decline', reason: text } };
  // An edit equal to the original, or emptied, goes back to the original.
  if (kind === 'edit') return { action: 'edit', input: { commentId, editedText: text === original.trim() ? '' : text } };
  return { action: 'adopt', input: { commentId, note: text } };
}

export const forwardCall = (commentId: string): SheetCall => ({ action: 'review', input: { commentId, review: 'forward' } });
