/**
 * 办理公开: a station's or a district's closed cases whose residents allowed it, anonymised,
 * latest closed first in pages of 20, with the last 12 months' figures on the first page.
 *
 * Round trips: the scope (the station, or the district's stations), one query of the page, and
 * on page 0 one aggregate of the months' running totals — 3 at most. For a station the three
 * go out together (the case query needs only the id); a district's need its stations first.
 */
import type { BoardInput, BoardOutput, PublicCase } from '../../../typings/board';
import { boardFigures, boardMonths, closedWindow, isPublicCase, toPublicCase } from '../../domain/board';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { readMonthlyCounts } from '../../data/figure-totals';
import { boardCases } from '../../data/public-cases';
import { districtStationNames, findStation } from '../../data/stations';
import type { Database } from '../../platform/cloudbase';

export const BOARD_PAGE_SIZE = 20;

export async function stationBoard(db: Database, input: BoardInput, today: string): Promise<Result<BoardOutput>> {
  if ((input.stationId === undefined) === (input.district === undefined)) {
    return input.stationId === undefined ? fail('INVALID_INPUT', '请提供联络站编号或区名', 'stationId') : fail('INVALID_INPUT', '联络站和区只能提供其中一个', 'district');
  }
  const page = input.page ?? 0;
  const months = boardMonths(today);
  const { start, end } = closedWindow(input.month, today);
  // One row ahead tells whether another page exists without a count.
  const window = { start, end, skip: page * BOARD_PAGE_SIZE, limit: BOARD_PAGE_SIZE + 1 };
  const read = (stationIds: string[]) =>
    Promise.all([boardCases(db, { stationIds, ...window }), page === 0 ? readMonthlyCounts(db, stationIds, months[0], months[months.length - 1]) : undefined]);

  if (input.stationId !== undefined) {
    const [station, [found, counts]] = await Promise.all([findStation(db, { id: input.stationId }), read([input.stationId])]);
    if (!station) return fail('NOT_FOUND', '没有找到这个联络站');
    return ok(answer({ stationId: station._id, district: station.district, name: station.name }, found, counts, months));
  }
  const stations = await districtStationNames(db, input.district!);
  if (stations.size === 0) return fail('NOT_FOUND', '没有找到这个区的联络站');
  const [found, counts] = await read([...stations.keys()]);
  return ok(answer({ district: input.district!, name: input.district! }, found, counts, months));
}

function answer(
  scope: BoardOutput['scope'],
  found: Awaited<ReturnType<typeof boardCases>>,
  counts: Awaited<ReturnType<typeof readMonthlyCounts>> | undefined,
  months: string[],
): BoardOutput {
  // The query narrows; the domain's rule decides, so a stray document never shows.
  const cases: PublicCase[] = found.slice(0, BOARD_PAGE_SIZE).filter(isPublicCase).map(toPublicCase);
  return { scope, cases, hasMore: found.length > BOARD_PAGE_SIZE, months: counts ? boardFigures(months, counts) : [] };
}
