/**
 * The period a report covers, and the instants around it: 'YYYY-MM-DD' both included, at most
 * 366 days, ending no later than today in Shanghai (a report tells what was done, not what will be).
 */
import type { Result } from '../result';
import { fail, ok } from '../result';
import { periodInstants } from '../figures';
import { REPORT_RULES } from './report.rules';

export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!YMD.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Days from `from` to `to`, both included. */
export function daysInPeriod(period: ReportPeriod): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function checkPeriod(period: ReportPeriod, today: string): Result<ReportPeriod> {
  if (!isCalendarDay(period.from)) return fail('INVALID_INPUT', '开始日期不是有效的日期', 'period.from');
  if (!isCalendarDay(period.to)) return fail('INVALID_INPUT', '结束日期不是有效的日期', 'period.to');
  if (period.to < period.from) return fail('INVALID_INPUT', '结束日期不能早于开始日期', 'period.to');
  if (period.to > today) return fail('INVALID_INPUT', `述职期间不能晚于今天（${today}）`, 'period.to');
  if (daysInPeriod(period) > REPORT_RULES.maxPeriodDays) return fail('INVALID_INPUT', `述职期间最长 ${REPORT_RULES.maxPeriodDays} 天（一年）`, 'period.from');
  return ok({ from: period.from, to: period.to });
}

/** `start` included, `end` excluded: midnight to midnight in Shanghai. */
export const reportPeriodInstants = (period: ReportPeriod): { start: Date; end: Date } => periodInstants(period);

/** '<姓名>代表<年>年度履职情况报告', the year being the one the period ends in. */
export function defaultReportTitle(deputyName: string, period: ReportPeriod): string {
  return `${deputyName}代表${period.to.slice(0, 4)}年度履职情况报告`;
}
