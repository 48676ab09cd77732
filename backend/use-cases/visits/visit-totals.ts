/**
 * 接访群众 in the running totals (data/figure-totals.ts), which station.get and admin.figures read
 * with the handling figures, in the same aggregate. Recounted from the visits of the station's day
 * rather than incremented, so a retried record (or two recorded at once) counts each visit once,
 * and a record whose recount was lost (the call died after the insert) is counted by its retry,
 * or by the next visit recorded at the station that day.
 * Round trips: the day's count, and one conditional update per document (two for its first visit).
 */
import { saveDayVisitors } from '../../data/figure-totals';
import { visitorsOfStationDay } from '../../data/visits';
import type { VisitDocument } from '../../domain/visit';
import type { Database } from '../../platform/cloudbase';

export async function countVisitors(db: Database, visit: Pick<VisitDocument, 'stationId' | 'date' | 'deputyId'>): Promise<void> {
  const counts = await visitorsOfStationDay(db, visit.stationId, visit.date);
  await saveDayVisitors(db, visit.stationId, visit.date, counts, visit.deputyId !== undefined);
}
