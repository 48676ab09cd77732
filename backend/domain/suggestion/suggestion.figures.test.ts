import type { SuggestionRating, SuggestionResult } from '../../../typings/suggestion';
import type { SuggestionAnswerRecord } from './suggestion.document';
import { suggestionFigures, type FiguredSuggestion } from './suggestion.figures';
import { isOverdue } from './suggestion.view';

const NOW = new Date('2026-06-15T00:00:00Z');
const PAST = new Date('2026-06-01T15:59:59.999Z');
const FUTURE = new Date('2026-09-01T15:59:59.999Z');

const answer = (onTime: boolean, result: SuggestionResult, rating?: SuggestionRating): SuggestionAnswerRecord => ({
  round: 1,
  unitId: 'u',
  unitName: '单位',
  staffId: 'sf',
  text: '答复',
  result,
  publishable: false,
  at: new Date('2026-05-01T02:00:00Z'),
  onTime,
  ...(rating ? { rating: { value: rating, at: new Date('2026-05-10T02:00:00Z') } } : {}),
});

const UNIT_NAMES: Record<string, string> = { u1: '区住房和建设局', u2: '区城市管理和综合执法局', u3: '华富街道办事处' };

function suggestion(status: FiguredSuggestion['status'], lead: string | undefined, answers: SuggestionAnswerRecord[], deadline?: Date): FiguredSuggestion {
  return {
    status,
    answers,
    ...(deadline ? { deadline } : {}),
    ...(lead ? { leadUnitId: lead } : {}),
    assignments: lead
      ? [
          { unitId: lead, unitName: UNIT_NAMES[lead], role: 'lead', deadline: deadline ?? FUTURE },
          { unitId: 'u9', unitName: '协办单位', role: 'assist', deadline: FUTURE },
        ]
      : [],
  };
}

// Eight suggestions of one year, each in its current state; every expectation below is counted by hand from this table.
const YEAR: FiguredSuggestion[] = [
  /* s1 */ suggestion('closed', 'u1', [answer(true, 'A', 'satisfied')], PAST),
  /* s2 */ suggestion('closed', 'u1', [answer(false, 'B', 'unsatisfied'), answer(true, 'A', 'basically_satisfied')], PAST),
  /* s3 */ suggestion('answered', 'u2', [answer(true, 'C')], FUTURE),
  /* s4 */ suggestion('assigned', 'u2', [], PAST), // never answered, overdue
  /* s5 */ suggestion('assigned', 'u1', [], FUTURE), // still within its time
  /* s6 */ suggestion('accepted', undefined, []), // not assigned yet
  /* s7 */ suggestion('assigned', 'u2', [answer(true, 'B', 'unsatisfied')], PAST), // round 2, overdue
  /* s8 */ suggestion('closed', 'u3', [answer(true, 'D', 'unsatisfied'), answer(true, 'D', 'unsatisfied')], PAST),
];

describe('suggestion figures, counted by hand', () => {
  const figures = suggestionFigures(2026, YEAR, NOW);

  it('counts accepted, answered and overdue', () => {
    expect(figures).toMatchObject({ year: 2026, accepted: 8, answered: 5, overdue: 2 });
  });

  it('takes the on-time rate over first answers and the never-answered overdue: s1, s3, s7, s8 of s1, s2, s3, s4, s7, s8', () => {
    expect(figures.answeredOnTime).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
  });

  it('classes each by its latest answer', () => {
    expect(figures.results).toEqual({ A: 2, B: 1, C: 1, D: 1 });
  });

  it('rates satisfaction on the closing rating only: s1 满意, s2 基本满意 of s1, s2, s8 (s7 was sent back)', () => {
    expect(figures.satisfaction).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it('gives each current lead unit its own counts, most assigned first, ties by id', () => {
    expect(figures.units).toEqual([
      { unit: { id: 'u1', name: '区住房和建设局' }, assigned: 3, answered: 2, onTime: 1, overdue: 0 },
      { unit: { id: 'u2', name: '区城市管理和综合执法局' }, assigned: 3, answered: 2, onTime: 2, overdue: 2 },
      { unit: { id: 'u3', name: '华富街道办事处' }, assigned: 1, answered: 1, onTime: 1, overdue: 0 },
    ]);
  });

  it('gives no rate without a sample, never 0% or 100%', () => {
    expect(suggestionFigures(2025, [], NOW)).toEqual({
      year: 2025,
      accepted: 0,
      answered: 0,
      answeredOnTime: { numerator: 0, denominator: 0, value: null },
      results: { A: 0, B: 0, C: 0, D: 0 },
      satisfaction: { numerator: 0, denominator: 0, value: null },
      overdue: 0,
      units: [],
    });
    // Assigned and still within time: accepted, but in neither sample.
    const waiting = suggestionFigures(2026, [suggestion('assigned', 'u1', [], FUTURE)], NOW);
    expect(waiting.answeredOnTime.value).toBeNull();
    expect(waiting.satisfaction.value).toBeNull();
  });

  it('is overdue from the first instant after the deadline, and only while waiting for an answer', () => {
    const at = (deadline: Date, status: FiguredSuggestion['status'] = 'assigned') => isOverdue({ status, deadline }, NOW);
    expect(at(NOW)).toBe(false);
    expect(at(new Date(NOW.getTime() - 1))).toBe(true);
    expect(at(PAST, 'answered')).toBe(false);
    expect(at(PAST, 'closed')).toBe(false);
    expect(isOverdue({ status: 'accepted' }, NOW)).toBe(false);
  });
});
