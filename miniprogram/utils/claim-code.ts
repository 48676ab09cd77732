/**
 * One-time claim codes (认领码): 8 letters and digits an officer's phone shows, as a QR code
 * '<PREFIX><code>' or read out to be typed. Cases ('LLZ-CLAIM:') and recorded comments
 * ('LLZ-OPINION:') use the same shape. Pure: unit-tested in test/miniprogram/visit-view-models.test.ts
 * and consultation-view-models.test.ts.
 */
export const CLAIM_CODE_LENGTH = 8;

/** Typed with spaces or in lower case, as people do: the server compares case-insensitively anyway. */
export function normaliseClaimCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** The code of a scanned QR code carrying `prefix`, or '' when the scan was something else (a station's code, a web link). */
export function codeOfScan(result: string, prefix: string): string {
  const text = result.trim();
  if (!text.toUpperCase().startsWith(prefix.toUpperCase())) return '';
  const code = normaliseClaimCode(text.slice(prefix.length));
  return /^[A-Z0-9]+$/.test(code) && code.length === CLAIM_CODE_LENGTH ? code : '';
}

/** Why the typed code cannot be sent yet, or ''; `name` is what the page calls the code. */
export function claimCodeProblem(typed: string, name = '认领码'): string {
  const code = normaliseClaimCode(typed);
  if (!code) return `请输入${name}`;
  if (!/^[A-Z0-9]+$/.test(code)) return `${name}只有字母和数字`;
  if (code.length !== CLAIM_CODE_LENGTH) return `${name}是 ${CLAIM_CODE_LENGTH} 位`;
  return '';
}
