/**
 * What the report actions accept, checked at the function's edge with the shared combinators.
 * Strict: unknown fields, numbers as strings and operator-looking objects are refused. Typed
 * text goes through `freeText` (cleaned of what renders nothing, then held to its limits).
 */
import type { ListReportsInput, PublishReportInput, RateReportInput } from '../../../typings/report';
import type { Assert } from '../exhaustive';
import { array } from '../case/combinators';
import { CLOUD_FILE_ID, idInput } from '../case/case.input';
import { RATING_VALUES } from '../case/case.state';
import type { Check } from '../validation';
import { freeText, number, object, oneOf, optional, optionalFreeText, text } from '../validation';
import { REPORT_RULES } from './report.rules';

const REQUEST_ID = /^[A-Za-z0-9_-]+$/;
const YMD = /^\d{4}-\d{2}-\d{2}$/;
const day = (label: string) => text(label, { min: 1, max: 10, pattern: YMD, patternHint: `${label}应为 年-月-日，如 2025-12-31` });

export const publishReportSchema = object({
  requestId: text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' }),
  deputyId: optional(idInput('代表')),
  // Blank means "make one": '<姓名>代表<年>年度履职情况报告'.
  title: optionalFreeText('标题', REPORT_RULES.titleMax),
  period: object({ from: day('开始日期'), to: day('结束日期') }),
  content: freeText('述职内容', { min: 1, max: REPORT_RULES.contentMax }),
  photoFileIds: optional(
    array('照片', text('照片', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '照片须先上传，再提交上传得到的 fileID（cloud://…）' }), {
      max: REPORT_RULES.maxPhotos,
    }),
  ),
});

const listFields = object({
  stationId: optional(idInput('联络站编号')),
  deputyId: optional(idInput('代表编号')),
  page: optional(number('页码', { min: 0, max: 500, integer: true })),
});

/** Exactly one of a station and a deputy: the one list a page shows. */
export const listReportsSchema: Check<ListReportsInput> = (value, path) => {
  const parsed = listFields(value, path);
  if (!parsed.ok) return parsed;
  const { stationId, deputyId } = parsed.value;
  if ((stationId === undefined) === (deputyId === undefined)) return { ok: false, field: 'stationId', reason: '请指定联络站或代表中的一个' };
  return parsed;
};

export const getReportSchema = object({ reportId: idInput('述职报告编号') });

export const rateReportSchema = object({
  reportId: idInput('述职报告编号'),
  rating: oneOf('评价', RATING_VALUES),
  comment: optionalFreeText('评价意见', REPORT_RULES.commentMax),
});

type Parsed<C> = C extends Check<infer T> ? T : never;
export type PublishMatchesContract = Assert<Parsed<typeof publishReportSchema> extends PublishReportInput ? true : false>;
export type RateMatchesContract = Assert<Parsed<typeof rateReportSchema> extends RateReportInput ? true : false>;
