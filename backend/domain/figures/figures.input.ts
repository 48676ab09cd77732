/**
 * The district office's figures request: by station or by deputy, over a period of
 * Shanghai calendar days, both ends included, at most 366 days — a leap calendar year fits,
 * a longer span would mix two years' handling into one rate.
 */
import type { FiguresInput } from '../../../typings/workspace';
import { addDays } from '../calendar';
import type { Check } from '../validation';
import { object, oneOf, text } from '../validation';

export const FIGURES_MAX_DAYS = 366;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const date = (label: string): Check<string> => {
  const shape = text(label, { min: 10, max: 10, pattern: DATE, patternHint: `${label}应为 YYYY-MM-DD` });
  return (value, path) => {
    const checked = shape(value, path);
    if (!checked.ok) return checked;
    // 2025-02-30 matches the pattern; only a round trip through the calendar proves the day exists.
    return addDays(checked.value, 0) === checked.value ? checked : { ok: false, field: path, reason: `${label}不是有效日期` };
  };
};

const shape = object({ by: oneOf('统计口径', ['station', 'deputy'] as const), from: date('开始日期'), to: date('结束日期') });

/** Days from `from` to `to`, both included ('YYYY-MM-DD' strings compare as dates). */
export function daysIncluded(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const figuresInput: Check<FiguresInput> = (value, path) => {
  const checked = shape(value, path);
  if (!checked.ok) return checked;
  const { from, to } = checked.value;
  const field = path ? `${path}.to` : 'to';
  if (from > to) return { ok: false, field, reason: '结束日期不能早于开始日期' };
  if (daysIncluded(from, to) > FIGURES_MAX_DAYS) return { ok: false, field, reason: `统计期间最长 ${FIGURES_MAX_DAYS} 天` };
  return checked;
};
