/**
 * 认领留言: the code a resident scans ('LLZ-CLAIM:<code>' on the recorder's phone) or types (8
 * characters, as read out to them). Pure: unit-tested in test/miniprogram/visit-view-models.test.ts.
 */
export const CLAIM_PREFIX = 'LLZ-CLAIM:';
export const CLAIM_CODE_LENGTH = 8;

/** Typed with spaces or in lower case, as people do: the server compares case-insensitively anyway. */
export function normaliseClaimCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** The code of a scanned claim QR code, or '' when the scan was something else (a station's code, a web link). */
export function claimCodeOfScan(result: string): string {
  const text = result.trim();
  if (!text.toUpperCase().startsWith(CLAIM_PREFIX)) return '';
  const code = normaliseClaimCode(text.slice(CLAIM_PREFIX.length));
  return /^[A-Z0-9]+$/.test(code) && code.length === CLAIM_CODE_LENGTH ? code : '';
}

/** Why the typed code cannot be sent yet, or ''. */
export function claimCodeProblem(typed: string): string {
  const code = normaliseClaimCode(typed);
  if (!code) return '请输入认领码';
  if (!/^[A-Z0-9]+$/.test(code)) return '认领码只有字母和数字';
  if (code.length !== CLAIM_CODE_LENGTH) return `认领码是 ${CLAIM_CODE_LENGTH} 位`;
  return '';
}

export const NOT_A_CLAIM_CODE = '这不是认领码，请扫描代表或联络员手机上显示的认领码';
