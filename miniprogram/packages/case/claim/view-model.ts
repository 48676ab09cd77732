/**
 * 认领留言: the code a resident scans ('LLZ-CLAIM:<code>' on the recorder's phone) or types (8
 * characters, as read out to them); the rules every claim code shares are in utils/claim-code.ts.
 * Pure: unit-tested in test/miniprogram/visit-view-models.test.ts.
 */
import { codeOfScan } from '../../../utils/claim-code';

export { CLAIM_CODE_LENGTH, claimCodeProblem, normaliseClaimCode } from '../../../utils/claim-code';

export const CLAIM_PREFIX = 'LLZ-CLAIM:';

/** The code of a scanned case claim QR code, or '' when the scan was something else. */
export function claimCodeOfScan(result: string): string {
  return codeOfScan(result, CLAIM_PREFIX);
}

export const NOT_A_CLAIM_CODE = '这不是认领码，请扫描代表或联络员手机上显示的认领码';
