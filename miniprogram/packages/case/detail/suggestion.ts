/**
 * 代表建议办理进度 on a resident's case: the deputy took the problem up as a formal suggestion;
 * its public steps with dates, and the unit's answer when the unit allowed it to be published.
 * Only what CaseSuggestionView carries: nothing about other residents, the deputy's rating or
 * the unit's staff. Pure: unit-tested in test/miniprogram/suggestion-view-models.test.ts.
 */
import type { CaseSuggestionView } from '../../../../typings/suggestion';
import { dateText } from '../../../utils/time';

export interface SuggestionBlock {
  title: string;
  /** '福田〔2026〕第12号 · 办理中' */
  statusLine: string;
  steps: { key: string; label: string; date: string }[];
  answer: { heading: string; result: string; text: string } | null;
}

export function toSuggestionBlock(s: CaseSuggestionView | undefined, now: Date): SuggestionBlock | null {
  if (!s) return null;
  return {
    title: s.title,
    statusLine: [s.number, s.statusLabel].filter(Boolean).join(' · '),
    steps: s.steps.map((step, i) => ({ key: `${i}-${step.label}`, label: step.label, date: dateText(step.at, now) })),
    answer: s.answer ? { heading: `${s.answer.unitName} ${dateText(s.answer.at, now)}答复`, result: `办理结果：${s.answer.resultLabel}`, text: s.answer.text } : null,
  };
}
