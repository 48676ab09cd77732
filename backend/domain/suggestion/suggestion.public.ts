/**
 * What of a 代表建议 leaves its parties, pure: the progress a linked case's reader sees
 * (CaseSuggestionView) and an answer on the public board (PublishedSuggestion). Public facts
 * only — dates, the number, the title, the units' names and an answer its unit allowed to
 * publish, numbers masked — never the deputy's comment, a staff member's name, the linked cases
 * or anything of a resident.
 */
import type { CaseSuggestionView, PublishedSuggestion } from '../../../typings/suggestion';
import type { SuggestionStatus } from '../../../typings/suggestion';
import type { PublishedSuggestionsInput } from '../../../typings/suggestion';
import { RATING_LABELS } from '../case/case.labels';
import { maskNumbers } from '../privacy';
import { number, object, optional, text, type Check } from '../validation';
import type { SuggestionAnswerRecord, SuggestionDocument } from './suggestion.document';
import { SUGGESTION_RESULT_LABELS, suggestionStatusLabel } from './suggestion.rules';

/** Accepted or later: before that the office has not taken it up, and a returned, withdrawn or converted one never became one. */
export const PUBLIC_SUGGESTION_STATUSES = ['accepted', 'assigned', 'answered', 'closed'] as const satisfies readonly SuggestionStatus[];

/** `suggestion.published`: a station (or none: every suggestion of the deployment), a page of 20. */
export const PUBLISHED_INPUT: Check<PublishedSuggestionsInput> = object({
  stationId: optional(text('联络站编号', { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ })),
  page: optional(number('页码', { min: 0, max: 500, integer: true })),
});

export const PUBLISHED_PAGE_SIZE = 20;

/** Answered or closed: an answer stands (a 不满意 sends it back to work, off the board until answered again). */
export const PUBLISHED_STATUSES = ['answered', 'closed'] as const satisfies readonly SuggestionStatus[];

/** What these views read of a suggestion. */
export type PublicSource = Pick<
  SuggestionDocument,
  | '_id'
  | 'status'
  | 'round'
  | 'number'
  | 'title'
  | 'deputyId'
  | 'deputyName'
  | 'caseIds'
  | 'assignments'
  | 'answers'
  | 'submittedAt'
  | 'acceptedAt'
  | 'firstAssignedAt'
  | 'closedAt'
>;

const iso = (instant: Date): string => new Date(instant).toISOString();

/** The latest answer, if its unit allowed publishing it. */
export function publishableAnswer(doc: Pick<PublicSource, 'answers'>): SuggestionAnswerRecord | undefined {
  const latest = doc.answers.at(-1);
  return latest?.publishable ? latest : undefined;
}

/**
 * The block on a linked case (CaseDetail.suggestion), or nothing: not yet accepted (or never),
 * or the suggestion no longer lists the case (unlinked since).
 */
export function caseSuggestionView(doc: PublicSource, caseId: string): CaseSuggestionView | undefined {
  if (!(PUBLIC_SUGGESTION_STATUSES as readonly string[]).includes(doc.status) || !doc.caseIds.includes(caseId)) return undefined;
  const steps: { label: string; at: Date | undefined }[] = [
    { label: '提出', at: doc.submittedAt },
    { label: '立案', at: doc.acceptedAt },
    { label: '交办', at: doc.firstAssignedAt },
    ...doc.answers.map((answer) => ({ label: answer.round === 2 ? '再次答复' : '答复', at: answer.at })),
    { label: '办结', at: doc.status === 'closed' ? doc.closedAt : undefined },
  ];
  const answer = publishableAnswer(doc);
  return {
    id: doc._id,
    ...(doc.number ? { number: doc.number } : {}),
    title: maskNumbers(doc.title),
    statusLabel: suggestionStatusLabel(doc.status, doc.round),
    steps: steps.filter((step): step is { label: string; at: Date } => !!step.at).map((step) => ({ label: step.label, at: iso(step.at) })),
    ...(answer ? { answer: { unitName: answer.unitName, resultLabel: SUGGESTION_RESULT_LABELS[answer.result], text: maskNumbers(answer.text), at: iso(answer.at) } } : {}),
  };
}

/** A suggestion on the public board, or nothing when it has no answer its unit allowed to publish. */
export function publishedSuggestion(doc: PublicSource): PublishedSuggestion | undefined {
  const answer = publishableAnswer(doc);
  if (!answer || !(PUBLISHED_STATUSES as readonly string[]).includes(doc.status)) return undefined;
  const rating = answer.rating ? RATING_LABELS[answer.rating.value] : undefined;
  return {
    id: doc._id,
    ...(doc.number ? { number: doc.number } : {}),
    title: maskNumbers(doc.title),
    deputy: { id: doc.deputyId, name: doc.deputyName },
    unitName: answer.unitName,
    result: answer.result,
    resultLabel: SUGGESTION_RESULT_LABELS[answer.result],
    answer: maskNumbers(answer.text),
    answeredAt: iso(answer.at),
    statusLabel: doc.status === 'closed' && rating ? `已办结（代表${rating}）` : suggestionStatusLabel(doc.status, doc.round),
  };
}
