import type { ScheduleInput, ScheduleOutput } from '../../../typings/workspace';
import { receptionsOfStations } from '../../data/receptions';
import { addDays, shanghaiDate } from '../../domain/calendar';
import type { Actor } from '../../domain/case';
import { publishWindow, RECEPTION_REFUSALS, RECEPTION_RULES, bySchedule } from '../../domain/reception';
import { ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { scheduledViews } from './schedule-view';
import { staffsStation } from './scope';

/** The officer's stations' reception days, the past week to 60 days ahead, by date. */
export async function schedule(db: Database, actor: Actor, input: ScheduleInput, now: Date): Promise<Result<ScheduleOutput>> {
  if (input.stationId !== undefined && !staffsStation(actor, input.stationId)) return RECEPTION_REFUSALS.notYourStation();
  const stationIds = input.stationId !== undefined ? [input.stationId] : [...(actor.stationIds ?? [])];
  const today = shanghaiDate(now);
  const { pastDays, aheadDays } = RECEPTION_RULES.schedule;
  const receptions = await receptionsOfStations(db, stationIds, addDays(today, -pastDays), addDays(today, aheadDays));
  return ok({
    receptions: await scheduledViews(db, [...receptions].sort(bySchedule)),
    earliestDate: publishWindow(today).earliest,
  });
}
