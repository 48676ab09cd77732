/**
 * The invite code as typed into the redeem page. Pure: unit-tested in
 * test/miniprogram/work-desk-view-models.test.ts.
 */
import type { Profile } from '../../../../typings/workspace';
import { INVITE_CODE_LENGTH, INVITE_VALID_DAYS } from '../../../generated/rules';
import { ROLE_LABELS } from '../../../pages/me/roles';

export const CODE_LENGTH = INVITE_CODE_LENGTH;
/** The note under the form says how long a code lasts. */
export const VALID_DAYS = INVITE_VALID_DAYS;

/** Printed codes are grouped ('ABCD-EFGH') and typed any case: the server compares bare upper case. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s\-－—–_]/g, '').toUpperCase();
}

export function isCompleteCode(code: string): boolean {
  return new RegExp(`^[A-Z0-9]{${CODE_LENGTH}}$`).test(code);
}

/** Under the field while typing: how far along, or what is wrong. */
export function codeHint(code: string): string {
  if (!code) return `请输入${CODE_LENGTH}位邀请码`;
  if (/[^A-Z0-9]/.test(code)) return '邀请码只包含字母和数字';
  if (code.length > CODE_LENGTH) return `邀请码是${CODE_LENGTH}位，多输入了${code.length - CODE_LENGTH}位`;
  return code.length === CODE_LENGTH ? '' : `还差${CODE_LENGTH - code.length}位`;
}

/** '已绑定为 人大代表 张三'. */
export function boundText(profile: Profile): string {
  return ['已绑定为', ROLE_LABELS[profile.role], profile.name].filter(Boolean).join(' ');
}
