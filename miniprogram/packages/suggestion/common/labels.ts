/**
 * What the 代表建议 pages offer to choose from, in the back end's own words (miniprogram/generated).
 * Pure: unit-tested in test/miniprogram/suggestion-view-models.test.ts.
 */
import type { SuggestionRating, SuggestionResult, SuggestionStatus } from '../../../../typings/suggestion';
import type { RateView } from '../../../../typings/workspace';
import { RATING_LABELS, SUGGESTION_RESULT_LABELS, SUGGESTION_STATUS_LABELS } from '../../../generated/labels';
import { percentText } from '../../../utils/percent';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** 结果分类: the letter and its meaning, 'A 已解决或采纳' … */
export const RESULT_CHOICES: readonly Choice<SuggestionResult>[] = (Object.keys(SUGGESTION_RESULT_LABELS) as SuggestionResult[]).map((value) => ({
  value,
  label: `${value} ${SUGGESTION_RESULT_LABELS[value]}`,
}));

/** 满意 / 基本满意 / 不满意: the same words as a resident's rating of a case. */
export const RATING_CHOICES: readonly Choice<SuggestionRating>[] = (Object.keys(RATING_LABELS) as SuggestionRating[]).map((value) => ({ value, label: RATING_LABELS[value] }));

/** The office's status filter: 全部 first, then every status in the order of the lifecycle. */
export const STATUS_CHOICES: readonly Choice<SuggestionStatus | ''>[] = [
  { value: '', label: '全部状态' },
  ...(Object.keys(SUGGESTION_STATUS_LABELS) as SuggestionStatus[]).map((value) => ({ value, label: SUGGESTION_STATUS_LABELS[value] })),
];

export function resultText(result: SuggestionResult | undefined): string {
  return result ? `${result} ${SUGGESTION_RESULT_LABELS[result]}` : '';
}

/**
 * '92%（23/25）' with a sample; '样本不足（3/4）' when the server withheld the rate; '暂无（0）' with
 * none: a rate never shows without what it is taken over.
 */
export function rateText(rate: RateView): string {
  if (!rate.denominator) return '暂无（0）';
  if (rate.value === null) return `样本不足（${rate.numerator}/${rate.denominator}）`;
  return `${percentText(rate.numerator / rate.denominator)}（${rate.numerator}/${rate.denominator}）`;
}

/** A status as a mark's tone: what waits on someone reads warm, what ended reads muted. */
export type Tone = 'brand' | 'info' | 'success' | 'warning' | 'muted';

const TONES: Readonly<Record<SuggestionStatus, Tone>> = {
  draft: 'muted',
  submitted: 'info',
  returned: 'warning',
  converted: 'muted',
  accepted: 'info',
  assigned: 'brand',
  answered: 'success',
  closed: 'success',
  withdrawn: 'muted',
};

export function statusTone(status: SuggestionStatus): Tone {
  return TONES[status] ?? 'muted';
}
