/** What a step works with, and what it changes before the version and seq are set. */
import type { SuggestionEventKind } from '../../../typings/suggestion';
import type { StepFacts } from './suggestion.commands';
import type { SuggestionDocument, SuggestionResidentNotice } from './suggestion.document';
import type { SuggestionCaller } from './suggestion.party';
import type { SuggestionSettings } from './suggestion.settings';

export interface StepContext {
  readonly caller: SuggestionCaller;
  readonly now: Date;
  readonly settings: SuggestionSettings;
  readonly facts?: StepFacts;
}

/** What a step changes and the event it yields, before the version and seq are set. */
export interface Change {
  readonly fields: Partial<SuggestionDocument>;
  /** Fields the step removes (a cleared request, an answered deadline's overdue mark). */
  readonly remove?: readonly (keyof SuggestionDocument)[];
  readonly kind: SuggestionEventKind;
  readonly note?: string;
  readonly data?: Record<string, string | number | boolean>;
}

/** One notice per linked case that has a resident, keyed so the scheduler sends each once. */
export function residentNotices(step: SuggestionResidentNotice['step'], ctx: StepContext, seq: number, round?: 1 | 2): SuggestionResidentNotice[] {
  return (ctx.facts?.ownedCaseIds ?? []).map((caseId) => ({
    key: step === 'answered' ? `answered:${round ?? 1}:${caseId}` : `${step}:${caseId}`,
    caseId,
    step,
    seq,
    status: 'pending',
    queuedAt: ctx.now,
  }));
}
