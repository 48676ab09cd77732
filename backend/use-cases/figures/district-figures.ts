/**
 * The district office's figures (figures action): a row per station of its district, or per
 * deputy serving those stations, over the cases submitted in the period; the district's
 * totals; a ranking of the rows with enough rated cases. A case counts for the station it
 * was sent to and, in the deputy view, for the deputy it is assigned to (assignedDeputyId).
 * The totals are always the whole district's, unassigned cases included. 接访群众 (visitors):
 * residents recorded on the station's reception days, or with the deputy (接待日登记).
 *
 * Everything comes from the running totals (one aggregate, whatever the number of cases), as
 * folded by the scheduler: the figures are at most one scheduler period behind the cases.
 */
import type { FiguresInput, FiguresOutput, FiguresRow } from '../../../typings/workspace';
import type { Totals } from '../../domain/figures';
import { addTotals, figuresLine, NO_TOTALS, periodInstants, RANKING_MINIMUM_RATED, rankRows } from '../../domain/figures';
import { reportRatings } from '../../domain/report';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { FiguresSubject } from '../../data/case-figures';
import { stationsOfDistrict } from '../../data/case-figures';
import { deputiesWithReportRatings } from '../../data/report-figures';
import { confirmedCountsByDeputy } from '../../data/activities';
import { DISTRICT_ROW, readPeriodTotals, type PeriodTotals } from '../../data/figure-totals';
import type { Database } from '../../platform/cloudbase';

export async function districtFigures(db: Database, district: string | undefined, input: FiguresInput): Promise<Result<FiguresOutput>> {
  // An admin whose staff record names no district supervises nothing (deny by default).
  if (!district) return fail('FORBIDDEN', '您的账号没有对应的辖区');
  const stations = await stationsOfDistrict(db, district);
  const stationIds = stations.map((s) => s.id);
  // By deputy, the deputies come with their 述职报告's ratings in the period (the same one read).
  // By deputy, also each one's confirmed 履职登记 dated in the period (read alongside).
  const [totals, deputies, activities] = await Promise.all([
    readPeriodTotals(db, stationIds, input, input.by),
    input.by === 'deputy' ? deputiesWithReportRatings(db, stationIds, periodInstants(input)) : Promise.resolve([]),
    input.by === 'deputy' ? confirmedCountsByDeputy(db, { district }, input) : Promise.resolve(new Map<string, number>()),
  ]);

  const subjects: FiguresSubject[] = input.by === 'station' ? stations : deputies;
  const reportCounts = new Map(deputies.map((deputy) => [deputy.id, deputy.reportRatings]));
  const totalsOf = (subject: FiguresSubject) => totals.get(subject.id) ?? NO_PERIOD_TOTALS;
  const places = rankRows(subjects.map((subject) => ({ id: subject.id, ...totalsOf(subject) })));
  const rows = subjects.map((subject) => {
    const row = rowOf(subject, totalsOf(subject), places.get(subject.id));
    const counts = reportCounts.get(subject.id);
    return counts ? { ...row, reportRatings: reportRatings(counts), activities: activities.get(subject.id) ?? 0 } : row;
  });

  // By station, the rows are the whole district; by deputy, the station documents' sum came as its own row.
  const byStation = stationIds.map((id) => totals.get(id) ?? NO_PERIOD_TOTALS);
  const whole: PeriodTotals =
    input.by === 'station'
      ? { ...byStation.reduce<Totals>(addTotals, NO_TOTALS), visitors: byStation.reduce((sum, t) => sum + t.visitors, 0) }
      : (totals.get(DISTRICT_ROW) ?? NO_PERIOD_TOTALS);
  return ok({
    by: input.by,
    period: { from: input.from, to: input.to },
    rows: rows.sort(byPlace),
    rankingMinimumRated: RANKING_MINIMUM_RATED,
    totals: { ...figuresLine(whole), visitors: whole.visitors },
  });
}

const NO_PERIOD_TOTALS: PeriodTotals = Object.freeze({ ...NO_TOTALS, visitors: 0 });

function rowOf(subject: FiguresSubject, totals: PeriodTotals, rank: number | undefined): FiguresRow {
  return { id: subject.id, name: subject.name, ...figuresLine(totals), visitors: totals.visitors, ...(rank !== undefined ? { rank } : {}) };
}

/** Ranked rows by place; then the rest, busiest first, then by name. */
function byPlace(a: FiguresRow, b: FiguresRow): number {
  const place = (row: FiguresRow) => row.rank ?? Number.MAX_SAFE_INTEGER;
  return place(a) - place(b) || b.received - a.received || a.name.localeCompare(b.name, 'zh-Hans-CN');
}
