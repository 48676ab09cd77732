/**
 * The district office's figures on 代表建议 (`suggestion.figures`): the suggestions accepted in a
 * year, each in its current state, counted by the rules below. Pure: the data layer reads the
 * year's documents, this counts them. Every rate travels with its sample and has no value over
 * an empty one, by the same rule as the handling figures (figures/figures.rate.ts).
 *
 * - answered: a first answer exists (a second round does not make it unanswered again);
 * - overdue: waiting for an answer (status `assigned`, round 1 or 2) and past the deadline in force (isOverdue, as the lists show it);
 * - answeredOnTime: first answers given by the deadline then in force (stored on the answer)
 *   ÷ (answered + never answered and overdue) — a suggestion still within its time is no sample yet;
 * - results: the class of each one's latest answer;
 * - satisfaction: the deputy's final rating — the one that closed it — 满意 or 基本满意 ÷ closed on a rating;
 * - units: per unit as the current lead (主办), the same counts.
 */
import type { SuggestionFigures, SuggestionFiguresInput, SuggestionResult, SuggestionUnitView } from '../../../typings/suggestion';
import { SATISFIED_RATINGS } from '../case/case.state';
import { DUTY_YEARS } from '../duty/duty.year';
import { rate } from '../figures/figures.rate';
import { rateView } from '../figures/figures.row';
import { number, object, type Check } from '../validation';
import type { SuggestionDocument } from './suggestion.document';
import { isOverdue } from './suggestion.view';

/** What the figures read of a suggestion: nothing about its text, its deputy or any resident. */
export type FiguredSuggestion = Pick<SuggestionDocument, 'status' | 'deadline' | 'answers' | 'leadUnitId' | 'assignments'>;

/** A calendar year (Beijing), required: the years a duty record may be asked for. */
export const suggestionFiguresSchema: Check<SuggestionFiguresInput> = object({ year: number('年份', { ...DUTY_YEARS, integer: true }) });

const NO_RESULTS: Readonly<Record<SuggestionResult, number>> = Object.freeze({ A: 0, B: 0, C: 0, D: 0 });

interface Counts {
  accepted: number;
  answered: number;
  onTime: number;
  /** Never answered and past the deadline: late whatever comes next, so in the on-time sample. */
  lateUnanswered: number;
  overdue: number;
  rated: number;
  satisfied: number;
  results: Record<SuggestionResult, number>;
}

const noCounts = (): Counts => ({ accepted: 0, answered: 0, onTime: 0, lateUnanswered: 0, overdue: 0, rated: 0, satisfied: 0, results: { ...NO_RESULTS } });

function add(counts: Counts, suggestion: FiguredSuggestion, now: Date): void {
  const answers = suggestion.answers ?? [];
  const first = answers[0];
  const latest = answers[answers.length - 1];
  const overdue = isOverdue(suggestion, now);
  counts.accepted += 1;
  if (overdue) counts.overdue += 1;
  if (!first) {
    if (overdue) counts.lateUnanswered += 1;
    return;
  }
  counts.answered += 1;
  if (first.onTime) counts.onTime += 1;
  counts.results[latest.result] += 1;
  // Only a closing rating is final: a 不满意 that sent it back for a second answer is not.
  if (suggestion.status === 'closed' && latest.rating) {
    counts.rated += 1;
    if (SATISFIED_RATINGS.includes(latest.rating.value)) counts.satisfied += 1;
  }
}

/** The current lead unit's id and name, as its assignment names it. */
function leadOf(suggestion: FiguredSuggestion): SuggestionUnitView | undefined {
  if (!suggestion.leadUnitId) return undefined;
  const lead = (suggestion.assignments ?? []).find((a) => a.role === 'lead' && a.unitId === suggestion.leadUnitId);
  return { id: suggestion.leadUnitId, name: lead?.unitName ?? '' };
}

export function suggestionFigures(year: number, suggestions: readonly FiguredSuggestion[], now: Date): SuggestionFigures {
  const district = noCounts();
  const units = new Map<string, { unit: SuggestionUnitView; counts: Counts }>();
  for (const suggestion of suggestions) {
    add(district, suggestion, now);
    const lead = leadOf(suggestion);
    if (!lead) continue;
    const row = units.get(lead.id) ?? { unit: lead, counts: noCounts() };
    if (!row.unit.name) row.unit = lead;
    add(row.counts, suggestion, now);
    units.set(lead.id, row);
  }
  return {
    year,
    accepted: district.accepted,
    answered: district.answered,
    answeredOnTime: rateView(district.onTime, rate(district.onTime, district.answered + district.lateUnanswered)),
    results: district.results,
    satisfaction: rateView(district.satisfied, rate(district.satisfied, district.rated)),
    overdue: district.overdue,
    // Most assigned first; a tie by the unit's id, so the order never changes between two reads.
    units: [...units.values()]
      .sort((a, b) => b.counts.accepted - a.counts.accepted || (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0))
      .map(({ unit, counts }) => ({ unit, assigned: counts.accepted, answered: counts.answered, onTime: counts.onTime, overdue: counts.overdue })),
  };
}
