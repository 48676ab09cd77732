/**
 * The board's 代表建议 tab: answers their units allowed to publish, as cards. Nothing about any
 * resident (PublishedSuggestion carries none). Pure: unit-tested in
 * test/miniprogram/suggestion-view-models.test.ts.
 */
import type { PublishedSuggestion } from '../../../../typings/suggestion';
import type { Failure } from '../../../services/outcome';
import { dateText } from '../../../utils/time';

/** `?tab=suggestions` opens the board on it. */
export const SUGGESTIONS_TAB = 1;

export interface PublishedCard {
  id: string;
  title: string;
  /** '福田〔2026〕第12号 · 李明代表' */
  byline: string;
  /** '区住房和建设局 · 11月20日答复' */
  unitLine: string;
  /** 'B 正在解决或列入计划' */
  resultText: string;
  answer: string;
  statusLabel: string;
}

/** Loaded when the tab is first opened, not with the board: most visitors come for the cases. */
export interface SuggestionsTab {
  state: 'idle' | 'loading' | 'loaded' | 'error';
  cards: PublishedCard[];
  hasMore: boolean;
  page: number;
  error: Failure | null;
}

export const IDLE_SUGGESTIONS: SuggestionsTab = { state: 'idle', cards: [], hasMore: false, page: 0, error: null };

export function toPublishedCard(s: PublishedSuggestion, now: Date): PublishedCard {
  return {
    id: s.id,
    title: s.title,
    byline: [s.number, `${s.deputy.name}代表`].filter(Boolean).join(' · '),
    unitLine: `${s.unitName} · ${dateText(s.answeredAt, now)}答复`,
    resultText: `${s.result} ${s.resultLabel}`,
    answer: s.answer,
    statusLabel: s.statusLabel,
  };
}
