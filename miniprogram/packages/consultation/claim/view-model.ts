/**
 * 确认代为记录的意见: the code on the officer's phone ('LLZ-OPINION:<code>') or read out to be
 * typed. Pure: unit-tested in test/miniprogram/consultation-view-models.test.ts.
 */
import { codeOfScan } from '../../../utils/claim-code';

export const OPINION_PREFIX = 'LLZ-OPINION:';

export function opinionCodeOfScan(result: string): string {
  return codeOfScan(result, OPINION_PREFIX);
}

export const NOT_AN_OPINION_CODE = '这不是意见确认码，请扫描联络员手机上显示的确认码';
