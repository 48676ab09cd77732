/**
 * The running totals recomputed from every case, compared with what is stored, and (when
 * asked) rewritten to match: the proof that the fold kept them right, and the repair if
 * anything ever did not (a fold that never ran, a case edited by hand). Used by
 * scripts/rebuild-figures.ts and the bench.
 *
 * A rebuild reads the cases over a while; changes that land meanwhile may be missing from
 * what it writes. So after writing it folds every change since it started reading (the same
 * fold the scheduler runs), and moves the fold's cursor to where it started.
 */
import type { StationTotals, TotalledCase } from '../../domain/figures';
import { addDays, shanghaiDate } from '../../domain/calendar';
import { addStationTotals, monthOf, monthPeriod, periodInstants, stationMonthTotals, submissionDay, yearOf } from '../../domain/figures';
import { casesOfStation, stationsWithCases, submissionSpan } from '../../data/case-figures';
import type { TotalsDocument, TotalsKey } from '../../data/figure-totals';
import { advanceFoldCursor, insertTotals, readFoldCursor, removeTotals, replaceTotals, stationsWithTotals, totalsDocuments, totalsOfStation } from '../../data/figure-totals';
import type { Database } from '../../platform/cloudbase';
import type { FoldReport } from './fold-totals';
import { FOLD_OVERLAP_MS, foldChangedCases } from './fold-totals';

export interface TotalsDifference {
  id: string;
  /** missing: the cases call for it, nothing is stored; extra: stored, no case calls for it. */
  kind: 'missing' | 'different' | 'extra';
  expected?: TotalsDocument;
  stored?: TotalsDocument;
}

export interface RebuildReport {
  cases: number;
  /** Totals documents the cases call for. */
  documents: number;
  /** Before any writing. */
  differences: TotalsDifference[];
  written: number;
  removed: number;
  caughtUp?: FoldReport;
}

/** The totals documents one station's cases call for, by id: its days, its months, and its years as the sum of their months. */
export function expectedTotals(cases: readonly TotalledCase[]): Map<string, TotalsDocument> {
  const byMonth = new Map<string, TotalledCase[]>();
  for (const c of cases) {
    const month = monthOf(submissionDay(c));
    const list = byMonth.get(month) ?? [];
    list.push(c);
    byMonth.set(month, list);
  }
  const documents = new Map<string, TotalsDocument>();
  const add = (key: TotalsKey, totals: StationTotals) => totalsDocuments(key, totals).documents.forEach((doc) => documents.set(doc._id, doc));
  const years = new Map<string, StationTotals>();
  for (const [month, list] of byMonth) {
    const stationId = list[0].stationId;
    const totals = stationMonthTotals(list);
    add({ stationId, grain: 'month', period: month }, totals.month);
    for (const [day, dayTotals] of totals.days) add({ stationId, grain: 'day', period: day }, dayTotals);
    const year = yearOf(month);
    const sum = years.get(year);
    years.set(year, sum ? addStationTotals(sum, totals.month) : totals.month);
  }
  for (const [year, totals] of years) add({ stationId: cases[0].stationId, grain: 'year', period: year }, totals);
  return documents;
}

/** Field order and the SDK's number types aside, the same document. */
const canonical = (doc: TotalsDocument): string =>
  JSON.stringify(doc, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );

export function compareTotals(expected: ReadonlyMap<string, TotalsDocument>, stored: ReadonlyMap<string, TotalsDocument>): TotalsDifference[] {
  const differences: TotalsDifference[] = [];
  for (const [id, doc] of expected) {
    const found = stored.get(id);
    if (!found) differences.push({ id, kind: 'missing', expected: doc });
    else if (canonical(found) !== canonical(doc)) differences.push({ id, kind: 'different', expected: doc, stored: found });
  }
  for (const [id, doc] of stored) if (!expected.has(id)) differences.push({ id, kind: 'extra', stored: doc });
  return differences.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function rebuildTotals(db: Database, options: { write: boolean; now?: () => Date }): Promise<RebuildReport> {
  const startedAt = (options.now ?? (() => new Date()))();
  const report: RebuildReport = { cases: 0, documents: 0, differences: [], written: 0, removed: 0 };
  // Station by station: each read is a station's cases on its index, and memory holds one station.
  const stations = [...new Set([...(await stationsWithCases(db)), ...(await stationsWithTotals(db))])].sort();
  for (const stationId of stations) {
    const cases = await casesOfStationByMonth(db, stationId);
    const expected = expectedTotals(cases);
    const differences = compareTotals(expected, new Map((await totalsOfStation(db, stationId)).map((doc) => [doc._id, doc])));
    report.cases += cases.length;
    report.documents += expected.size;
    report.differences.push(...differences);
    if (options.write) await repair(db, differences, report);
  }
  if (!options.write) return report;
  report.caughtUp = await foldChangedCases(db, new Date(startedAt.getTime() - FOLD_OVERLAP_MS));
  await advanceFoldCursor(db, startedAt, (await readFoldCursor(db)) !== undefined);
  return report;
}

/** A station's every case, a month per read: each read is bounded by a month's cases on the index. */
async function casesOfStationByMonth(db: Database, stationId: string): Promise<TotalledCase[]> {
  const span = await submissionSpan(db, stationId);
  if (!span) return [];
  const cases: TotalledCase[] = [];
  const last = monthOf(shanghaiDate(span.last));
  for (let month = monthOf(shanghaiDate(span.first)); month <= last; month = nextMonth(month)) {
    cases.push(...(await casesOfStation(db, stationId, periodInstants(monthPeriod(month)))));
  }
  return cases;
}

const nextMonth = (month: string): string => monthOf(addDays(monthPeriod(month).to, 1));

/** Writes what the cases call for: new documents in batches, changed ones whole, stray ones removed. */
async function repair(db: Database, differences: readonly TotalsDifference[], report: RebuildReport): Promise<void> {
  await insertTotals(
    db,
    differences.filter((d) => d.kind === 'missing').map((d) => d.expected!),
  );
  for (const d of differences.filter((d) => d.kind === 'different')) await replaceTotals(db, d.expected!);
  const extra = differences.filter((d) => d.kind === 'extra').map((d) => d.id);
  await removeTotals(db, extra);
  report.written += differences.length - extra.length;
  report.removed += extra.length;
}
