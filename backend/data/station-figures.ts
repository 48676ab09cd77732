/**
 * A station's handling figures for its page: the station's running totals of the period
 * (figure-totals.ts) — one aggregate over a dozen or so totals documents, whatever the number
 * of cases. Only the five counts and 接访群众 (residents recorded on its reception days) leave:
 * nothing about any resident or case.
 *
 * The totals are folded from the cases by the scheduler (backend/use-cases/figures/
 * fold-totals.ts), so the page is at most one scheduler period behind the cases; 接访群众 is
 * recounted by every recorded visit, so it is never behind.
 */
import type { CaseCounts, FiguresPeriod } from '../domain/figures';
import { NO_CASES } from '../domain/figures';
import type { Database } from '../platform/cloudbase';
import { readPeriodTotals } from './figure-totals';

export async function countStationCases(db: Database, stationId: string, period: FiguresPeriod): Promise<CaseCounts & { visitors: number }> {
  const totals = (await readPeriodTotals(db, [stationId], period, 'station')).get(stationId);
  if (!totals) return { ...NO_CASES, visitors: 0 };
  const { received, closed, rated, satisfied, respondedInTime, visitors } = totals;
  return { received, closed, rated, satisfied, respondedInTime, visitors };
}
