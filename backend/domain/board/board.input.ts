/** The inputs of `station.board` and `station.publicCase`, checked before anything is read. */
import { idInput } from '../case/case.input';
import { number, object, optional, text } from '../validation';
import { MONTH_PATTERN } from './board.period';

export const BOARD_INPUT = object({
  stationId: optional(text('联络站编号', { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ })),
  district: optional(text('区名', { min: 1, max: 30 })),
  month: optional(text('月份', { min: 7, max: 7, pattern: MONTH_PATTERN, patternHint: '月份格式应为 YYYY-MM' })),
  page: optional(number('页码', { min: 0, max: 500, integer: true })),
});

export const PUBLIC_CASE_INPUT = object({ caseId: idInput('留言编号') });
