/**
 * The 发布述职报告 form: whose report, the period it covers, the checks worth making before the
 * server's, and the input it sends. Pure: unit-tested in test/miniprogram/report-view-models.test.ts.
 */
import type { PublishReportInput } from '../../../../typings/report';
import type { PhotoSummary, StoredPhoto } from '../../../components/case-photo-picker/photos';
import { fieldFromServer, photosProblem } from '../../../utils/checked-form';
import type { FormErrors } from '../../../utils/checked-form';
import { REPORT_LIMITS } from '../../../generated/rules';

/** The server's limits (title, text, photos, period), shown as max lengths and counts. */
export { REPORT_LIMITS };

export type PeriodPreset = 'lastYear' | 'thisYear';
export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS: readonly { name: PeriodPreset; label: string }[] = [
  { name: 'lastYear', label: '上一年度' },
  { name: 'thisYear', label: '今年以来' },
];

/**
 * 述职 reports on a whole year and is usually held in the first months after it ends, and the
 * duty record counts by calendar year: the whole of last year is the default. 今年以来 is one
 * tap away for a report given before the year is out.
 */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  return preset === 'lastYear' ? { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } : { from: `${year}-01-01`, to: today };
}

/** An officer's deputies: every deputy of their stations, each once (shared with 登记履职活动). */
export { deputyOptions } from '../common/deputy-options';
export type { DeputyOption } from '../common/deputy-options';

/** What the server names a report left without a title (PublishReportInput.title), shown as the placeholder. */
export function defaultTitle(deputyName: string, period: Period): string {
  return `${deputyName || '（姓名）'}代表${period.to.slice(0, 4)}年度履职情况报告`;
}

export interface ReportForm {
  deputyId: string;
  from: string;
  to: string;
  title: string;
  content: string;
}

export type ReportField = 'deputy' | 'period' | 'title' | 'content' | 'photos';
/** `submit`: a refusal not tied to a field. */
export type FieldErrors = FormErrors<ReportField>;

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (period: Period) => (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1;

/** What the server would refuse anyway, said before the round trip and next to its field. */
export function formErrors(form: ReportForm, photos: Pick<PhotoSummary, 'uploading' | 'failed' | 'photos'>, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.deputyId) errors.deputy = '请选择代表';
  if (!form.from || !form.to) errors.period = '请选择述职期间';
  else if (form.from > form.to) errors.period = '开始日期不能晚于结束日期';
  else if (form.to > today) errors.period = '结束日期不能晚于今天';
  else if (days(form) > REPORT_LIMITS.periodMaxDays) errors.period = `述职期间最长 ${REPORT_LIMITS.periodMaxDays} 天`;
  if (Array.from(form.title.trim()).length > REPORT_LIMITS.titleMax) errors.title = `标题最多 ${REPORT_LIMITS.titleMax} 字`;
  const content = Array.from(form.content.trim()).length;
  if (!content) errors.content = '请填写述职报告内容';
  else if (content > REPORT_LIMITS.contentMax) errors.content = `报告内容最多 ${REPORT_LIMITS.contentMax} 字`;
  const photoError = photosProblem(photos, REPORT_LIMITS.photos);
  if (photoError) errors.photos = photoError;
  return errors;
}

/** The server names the input's field ('period.to', 'photoFileIds.3'). */
export const fieldOf = fieldFromServer<ReportField>({ deputyId: 'deputy', period: 'period', title: 'title', content: 'content', photoFileIds: 'photos' });

export function toPublishInput(form: ReportForm, requestId: string, photos: readonly StoredPhoto[]): PublishReportInput {
  const title = form.title.trim();
  return {
    requestId,
    deputyId: form.deputyId,
    ...(title ? { title } : {}),
    period: { from: form.from, to: form.to },
    content: form.content.trim(),
    ...(photos.length ? { photoFileIds: photos.map((p) => p.fileId) } : {}),
  };
}
