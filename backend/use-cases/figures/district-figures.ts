/**
 * The district office's figures (figures action): a row per station of its district, or per
 * deputy serving those stations, over the cases submitted in the period; the district's
 * totals; a ranking of the rows with enough rated cases. A case counts for the station it
 * was sent to and, in the deputy view, for the deputy it is assigned to (assignedDeputyId).
 * The totals are always the whole district's, unassigned cases included.
 */
import type { FiguresInput, FiguresOutput, FiguresRow } from '../../../typings/workspace';
import type { CaseCounts, CountedCase } from '../../domain/figures';
import { addCounts, figuresLine, NO_CASES, periodInstants, RANKING_MINIMUM_RATED, rankRows, tally } from '../../domain/figures';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { CaseGroup, FiguresSubject, Rejection } from '../../data/case-figures';
import { caseGroups, deputiesServing, rejectionTimes, stationsOfDistrict } from '../../data/case-figures';
import type { Database } from '../../platform/cloudbase';

interface Tally {
  counts: CaseCounts;
  firstResponsesMs: number[];
}

const empty = (): Tally => ({ counts: NO_CASES, firstResponsesMs: [] });

export async function districtFigures(db: Database, district: string | undefined, input: FiguresInput): Promise<Result<FiguresOutput>> {
  // An admin whose staff record names no district supervises nothing (deny by default).
  if (!district) return fail('FORBIDDEN', '您的账号没有对应的辖区');
  const stations = await stationsOfDistrict(db, district);
  const stationIds = stations.map((s) => s.id);
  const window = periodInstants(input);
  const [groups, rejections, deputies] = await Promise.all([
    caseGroups(db, stationIds, window),
    rejectionTimes(db, stationIds, window),
    input.by === 'deputy' ? deputiesServing(db, stationIds) : Promise.resolve([]),
  ]);

  const subjects = input.by === 'station' ? stations : deputies;
  const tallies = tallyBy(input.by === 'station' ? (g) => g.stationId : (g) => g.deputyId, groups, input.by === 'station' ? rejections : []);
  const tallyOf = (subject: FiguresSubject) => tallies.get(subject.id) ?? empty();
  const places = rankRows(subjects.map((subject) => ({ id: subject.id, ...tallyOf(subject).counts })));
  const rows = subjects.map((subject) => rowOf(subject, tallyOf(subject), places.get(subject.id)));

  const total = tallyBy(() => 'district', groups, rejections).get('district') ?? empty();
  return ok({
    by: input.by,
    period: { from: input.from, to: input.to },
    rows: rows.sort(byPlace),
    rankingMinimumRated: RANKING_MINIMUM_RATED,
    totals: figuresLine(total.counts, total.firstResponsesMs),
  });
}

/**
 * Adds up the (station, deputy) groups under `keyOf`. Rejections happen before any
 * assignment, so they only ever belong to a station (and to the district).
 */
function tallyBy(keyOf: (group: Pick<CaseGroup, 'stationId' | 'deputyId'>) => string, groups: CaseGroup[], rejections: Rejection[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const at = (key: string) => {
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = empty()));
    return tally;
  };
  for (const group of groups) {
    const sum = at(keyOf(group));
    sum.counts = addCounts(sum.counts, tally(group.cases));
    sum.firstResponsesMs.push(...group.cases.flatMap(msToAcceptance));
  }
  for (const rejection of rejections) at(keyOf({ stationId: rejection.stationId, deputyId: '' })).firstResponsesMs.push(rejection.msToRejection);
  return tallies;
}

/** Accepted cases answered by their acceptance; the others have no first answer, or one kept elsewhere (rejections). */
function msToAcceptance(c: CountedCase): number[] {
  return c.acceptedAt ? [c.acceptedAt.getTime() - c.submittedAt.getTime()] : [];
}

function rowOf(subject: FiguresSubject, tally: Tally, rank: number | undefined): FiguresRow {
  return { id: subject.id, name: subject.name, ...figuresLine(tally.counts, tally.firstResponsesMs), ...(rank !== undefined ? { rank } : {}) };
}

/** Ranked rows by place; then the rest, busiest first, then by name. */
function byPlace(a: FiguresRow, b: FiguresRow): number {
  const place = (row: FiguresRow) => row.rank ?? Number.MAX_SAFE_INTEGER;
  return place(a) - place(b) || b.received - a.received || a.name.localeCompare(b.name, 'zh-Hans-CN');
}
