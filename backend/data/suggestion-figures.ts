/**
 * What the office's suggestion figures read: a district's suggestions accepted in a year (index
 * `district_year` on `suggestions`), only the fields the counting needs — never the text, the
 * deputy or the linked cases. A district accepts a few hundred a year; past 1,000 the read pages.
 */
import type { FiguredSuggestion } from '../domain/suggestion/suggestion.figures';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

type Stored = FiguredSuggestion & { _id: string };

const asDate = (value: unknown): Date | undefined => (value === undefined || value === null ? undefined : new Date(value as string | Date));

export async function suggestionsAcceptedIn(db: Database, district: string, year: number): Promise<FiguredSuggestion[]> {
  const rows: Stored[] = [];
  for (;;) {
    const { data } = await db
      .collection('suggestions')
      .where({ district, year })
      .field({
        _id: true,
        status: true,
        deadline: true,
        leadUnitId: true,
        'answers.onTime': true,
        'answers.result': true,
        'answers.rating.value': true,
        'assignments.unitId': true,
        'assignments.unitName': true,
        'assignments.role': true,
      })
      .orderBy('_id', 'asc')
      .skip(rows.length)
      .limit(MAX_PAGE)
      .get();
    rows.push(...(data as Stored[]));
    if (data.length < MAX_PAGE) break;
  }
  return rows.map((row) => {
    const deadline = asDate(row.deadline);
    return {
      status: row.status,
      ...(deadline ? { deadline } : {}),
      ...(row.leadUnitId ? { leadUnitId: row.leadUnitId } : {}),
      answers: row.answers ?? [],
      assignments: row.assignments ?? [],
    };
  });
}
