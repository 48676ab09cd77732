/**
 * A reception day stored straight into the database for the suites that record visits on it
 * (visits, the claim race): today's, at the demo station, the demo deputy's, open all day so any
 * hour of a run falls inside it, published a week before; no slots unless `over` gives some.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import type { Reception } from '../../typings/models';
import { DEPUTY_ID, STATION } from './case-fixtures';

export function todaysReception(id: string, over: Partial<Reception> = {}): Reception {
  return {
    _id: id,
    stationId: STATION,
    date: shanghaiDate(new Date()),
    start: '00:00',
    end: '23:59',
    deputyIds: [DEPUTY_ID],
    officerId: 'sf-ft-hf',
    slots: [],
    publishedAt: new Date(Date.now() - 8 * 86_400_000),
    ...over,
  };
}
