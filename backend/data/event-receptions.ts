/**
 * The events (代表论坛 / 约见) among the `receptions` documents: their 活动回顾, the station's
 * recaps and the deputy's events that happened. The schedule itself is in ./receptions.ts.
 */
import type { Reception } from '../../typings/models';
import type { Database } from '../platform/cloudbase';

const RECEPTIONS = 'receptions';
const EVENT_KINDS = ['forum', 'meeting'];

/** Writes the summary once: a second summary of one event is refused by the caller before this. */
export async function saveSummary(db: Database, id: string, summary: NonNullable<Reception['summary']>): Promise<void> {
  const _ = db.command;
  await db
    .collection(RECEPTIONS)
    .doc(id)
    .update({ summary: _.set(summary) });
}

/** The station's events with a posted summary, newest first. */
export async function stationRecaps(db: Database, stationId: string, limit: number): Promise<Reception[]> {
  const _ = db.command;
  const { data } = await db
    .collection(RECEPTIONS)
    .where({ stationId, kind: _.in(EVENT_KINDS), summary: _.exists(true) })
    .orderBy('date', 'desc')
    .limit(limit)
    .get();
  return data as Reception[];
}

/** The deputy's events in the period (dates both included) that happened: their summary is posted. */
export async function deputyEventsHappened(db: Database, deputyId: string, fromDate: string, toDate: string): Promise<Reception[]> {
  const _ = db.command;
  const { data } = await db
    .collection(RECEPTIONS)
    .where({ deputyIds: deputyId, kind: _.in(EVENT_KINDS), summary: _.exists(true), date: _.gte(fromDate).and(_.lte(toDate)) })
    .orderBy('date', 'asc')
    .limit(100)
    .get();
  return data as Reception[];
}
