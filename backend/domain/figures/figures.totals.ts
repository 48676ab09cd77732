/**
 * Running totals of the figures: what a station's cases submitted on one Shanghai day (or in
 * one month) add up to, for the station and for each deputy they are assigned to. The figures
 * are a cohort by submission day, each case in its current state (figures.counts.ts), and a
 * case's station and submission time never change: so the totals of a day or a month are
 * always recomputed whole from that day's or month's cases — never adjusted by a difference —
 * and recomputing them again changes nothing. Counts add up over disjoint days, so a year is
 * the sum of its months, and any period the sum of its years, months and days.
 */
import type { CaseState } from '../case/case.state';
import { shanghaiDate } from '../calendar';
import type { CaseCounts, CountedCase } from './figures.counts';
import { addCounts, NO_CASES, tally } from './figures.counts';
import type { AnsweredCase, FirstAnswers } from './figures.first-answer';
import { addFirstAnswers, firstAnswerMs, firstAnswersOf, NO_FIRST_ANSWERS } from './figures.first-answer';

export interface Totals extends CaseCounts {
  readonly firstAnswers: FirstAnswers;
}

export const NO_TOTALS: Totals = Object.freeze({ ...NO_CASES, firstAnswers: NO_FIRST_ANSWERS });

/** A case as the totals read it: the figures' fields, its station and its assigned deputy. */
export type TotalledCase = CountedCase & AnsweredCase & Pick<CaseState, 'stationId' | 'assignedDeputyId'>;

export function totalsOf(cases: readonly TotalledCase[]): Totals {
  const times = cases.flatMap((c) => {
    const ms = firstAnswerMs(c);
    return ms === undefined ? [] : [ms];
  });
  return { ...tally(cases), firstAnswers: firstAnswersOf(times) };
}

/** The totals of two disjoint sets of cases, as one. */
export function addTotals(a: Totals, b: Totals): Totals {
  return { ...addCounts(a, b), firstAnswers: addFirstAnswers(a.firstAnswers, b.firstAnswers) };
}

/** A station's cases of one day or month: the station's totals and each assigned deputy's. */
export interface StationTotals {
  readonly station: Totals;
  /** By deputy id; cases not assigned to anyone count for the station only. */
  readonly deputies: ReadonlyMap<string, Totals>;
}

export function stationTotals(cases: readonly TotalledCase[]): StationTotals {
  const byDeputy = new Map<string, TotalledCase[]>();
  for (const c of cases) {
    if (!c.assignedDeputyId) continue;
    const list = byDeputy.get(c.assignedDeputyId) ?? [];
    list.push(c);
    byDeputy.set(c.assignedDeputyId, list);
  }
  return { station: totalsOf(cases), deputies: new Map([...byDeputy].map(([id, list]) => [id, totalsOf(list)])) };
}

/** The totals of two disjoint sets of a station's cases (two months of a year), as one. */
export function addStationTotals(a: StationTotals, b: StationTotals): StationTotals {
  const deputies = new Map(a.deputies);
  for (const [id, totals] of b.deputies) deputies.set(id, addTotals(deputies.get(id) ?? NO_TOTALS, totals));
  return { station: addTotals(a.station, b.station), deputies };
}

/** The Shanghai calendar day a case was submitted on: the cohort it counts in. */
export const submissionDay = (c: Pick<CaseState, 'submittedAt'>): string => shanghaiDate(new Date(c.submittedAt));

/** 'YYYY-MM' of a 'YYYY-MM-DD' day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** 'YYYY' of a 'YYYY-MM' month (or a day). */
export const yearOf = (monthOrDay: string): string => monthOrDay.slice(0, 4);

/** One station's cases of one month: the month's totals and each day's (days without cases have none). */
export function stationMonthTotals(cases: readonly TotalledCase[]): { month: StationTotals; days: Map<string, StationTotals> } {
  const byDay = new Map<string, TotalledCase[]>();
  for (const c of cases) {
    const day = submissionDay(c);
    const list = byDay.get(day) ?? [];
    list.push(c);
    byDay.set(day, list);
  }
  return { month: stationTotals(cases), days: new Map([...byDay].map(([day, list]) => [day, stationTotals(list)])) };
}
