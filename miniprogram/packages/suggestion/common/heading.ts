/**
 * What a 代表建议 shows first wherever it is listed or opened: its number, status and that status's
 * tone (超期 wins), and its deadline while the units are on it. Pure.
 */
import type { SuggestionStatus, SuggestionSummary } from '../../../../typings/suggestion';
import { deadlineView } from './deadline';
import type { DeadlineView } from './deadline';
import { statusTone } from './labels';
import type { Tone } from './labels';

export interface SuggestionHeading {
  id: string;
  title: string;
  /** '福田〔2026〕第12号' once accepted; '' before. */
  number: string;
  statusLabel: string;
  tone: Tone;
}

/** A deadline matters while the units are on it. */
const RUNNING: readonly SuggestionStatus[] = ['assigned'];

/** The heading, and the deadline (`deadline`, the lead's by default) while it runs; no deadline otherwise. */
export function suggestionHeading(
  s: Pick<SuggestionSummary, 'id' | 'title' | 'number' | 'status' | 'statusLabel' | 'overdue' | 'deadline'>,
  now: Date,
  deadline = s.deadline,
): { heading: SuggestionHeading; due: DeadlineView } {
  const due = RUNNING.includes(s.status) ? deadlineView(deadline, now, s.overdue) : { text: '', overdue: false, dateText: '' };
  return { heading: { id: s.id, title: s.title, number: s.number ?? '', statusLabel: s.statusLabel, tone: s.overdue ? 'warning' : statusTone(s.status) }, due };
}
