import type { Reception } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const COLLECTION = 'receptions';

/** The first reception date on or after `fromDate` for each station that has one. */
export async function nextReceptionDates(db: Database, stationIds: string[], fromDate: string): Promise<Map<string, string>> {
  if (stationIds.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .aggregate()
    .match({ stationId: _.in(stationIds), date: _.gte(fromDate) })
    .group({ _id: '$stationId', next: db.command.aggregate.min('$date') })
    .end();
  return new Map((data as { _id: string; next: string }[]).map((row) => [row._id, row.next]));
}

export async function upcomingReceptions(db: Database, stationId: string, fromDate: string, toDate: string): Promise<Reception[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .where({ stationId, date: _.gte(fromDate).and(_.lte(toDate)) })
    .orderBy('date', 'asc')
    .orderBy('start', 'asc')
    .limit(MAX_PAGE)
    .get();
  return data as Reception[];
}
