/**
 * Folds case changes into the running totals: for every case changed since `since`, the
 * totals of its station's month and of its submission day are recomputed whole from the
 * month's cases (figures.totals.ts), then the year's as the sum of its months. Idempotent and replayable by construction: folding a
 * change twice, or an old one again, writes the same totals; so a fold may safely start
 * earlier than needed, and the cursor only has to be early enough.
 *
 * Why a cursor a few minutes early is enough: a case's `updatedAt` is set when the function
 * decides the change, and the change commits before that function's run ends (a scheduler run
 * has the longest timeout, 60 s). So every change committed after a fold read the changes has
 * an `updatedAt` later than the fold's start less FOLD_OVERLAP_MS, and the next fold sees it.
 */
import type { StationTotals } from '../../domain/figures';
import { monthOf, monthPeriod, periodInstants, stationMonthTotals, submissionDay, yearOf } from '../../domain/figures';
import type { ChangedCase } from '../../data/case-figures';
import { casesChangedSince, casesOfStation } from '../../data/case-figures';
import type { TotalsGrain } from '../../data/figure-totals';
import { saveTotals, yearFromMonths } from '../../data/figure-totals';
import type { Database } from '../../platform/cloudbase';

/** Comfortably more than the longest a change can take from its decision to its commit. */
export const FOLD_OVERLAP_MS = 5 * 60 * 1000;

/** Changed cases read per request; a month of a station is one more request whatever its size. */
const PAGE = 500;

export interface FoldReport {
  /** Changed cases read (a case changed twice is read once). */
  cases: number;
  /** (station, month) totals recomputed. */
  stationMonths: number;
  /** Totals documents written. */
  documents: number;
  /** False when the budget ran out first; `resumeAt` is then where the next fold must start. */
  complete: boolean;
  resumeAt?: Date;
}

interface Touched {
  stationId: string;
  month: string;
  days: Set<string>;
  /** The earliest change seen for this (station, month): every change before it is folded once this one is. */
  firstChange: Date;
}

export async function foldChangedCases(db: Database, since: Date, budget: { expired(): boolean } = { expired: () => false }): Promise<FoldReport> {
  const report: FoldReport = { cases: 0, stationMonths: 0, documents: 0, complete: true };
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const page = await casesChangedSince(db, since, after, PAGE);
    report.cases += page.length;
    for (const touched of touchedMonths(page)) {
      if (budget.expired()) return { ...report, complete: false, resumeAt: touched.firstChange };
      report.documents += await refoldMonth(db, touched);
      report.stationMonths += 1;
    }
    if (page.length < PAGE) return report;
    const last = page[page.length - 1];
    after = { at: last.updatedAt, id: last.id };
  }
}

/** The (station, month)s a page of changes touched, in the order of their first change. */
function touchedMonths(page: readonly ChangedCase[]): Touched[] {
  const touched = new Map<string, Touched>();
  for (const change of page) {
    const day = submissionDay(change);
    const key = `${change.stationId}|${monthOf(day)}`;
    const entry = touched.get(key) ?? { stationId: change.stationId, month: monthOf(day), days: new Set<string>(), firstChange: change.updatedAt };
    entry.days.add(day);
    touched.set(key, entry);
  }
  return [...touched.values()];
}

/** Recomputes one station's month and the touched days of it from the month's cases, then its year from its months. */
async function refoldMonth(db: Database, touched: Touched): Promise<number> {
  const { stationId } = touched;
  const cases = await casesOfStation(db, stationId, periodInstants(monthPeriod(touched.month)));
  const { month, days } = stationMonthTotals(cases);
  const save = (grain: TotalsGrain, period: string, totals: StationTotals | undefined) => saveTotals(db, { stationId, grain, period }, totals);
  const written = await Promise.all([save('month', touched.month, cases.length ? month : undefined), ...[...touched.days].map((day) => save('day', day, days.get(day)))]);
  // After the month is written: the year is read back as the sum of its months.
  const year = yearOf(touched.month);
  written.push(await save('year', year, await yearFromMonths(db, stationId, year)));
  return written.reduce((sum, n) => sum + n, 0);
}
