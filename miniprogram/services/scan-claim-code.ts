/**
 * Scanning a one-time claim code off an officer's phone (a case's 认领码, a comment's 确认码): the
 * camera, then the code of the right kind. Both claim pages ask the same way, so they say the
 * same things when the scan fails or is of something else.
 */
import type { ScanAnswer } from './scan';

/** The code; `problem` to show; or nothing at all when the person cancelled. */
export type ScannedClaim = { code: string } | { problem: string } | { cancelled: true };

/** `codeOf` takes the scanned text to a code of this page's kind, or ''; `notOurs` says it was something else. */
export async function scanClaimCode(codeOf: (result: string) => string, notOurs: string): Promise<ScannedClaim> {
  const answer: ScanAnswer = await wx.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] }).then(
    (scanned) => ({ scanned }),
    (err: { errMsg: string }) => ({ failed: err.errMsg }),
  );
  if ('failed' in answer) return /cancel/i.test(answer.failed) ? { cancelled: true } : { problem: '扫码没有成功，请重试' };
  const code = codeOf(answer.scanned.result ?? '');
  return code ? { code } : { problem: notOurs };
}
