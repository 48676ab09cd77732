/**
 * What 接待登记 reads on opening: who records (an officer also reads the schedule, for the
 * reception's heading and deputies), the reception's visits and its open bookings.
 */
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import type { ListVisitsOutput } from '../../../../typings/visit';

export interface Opened {
  /** '福田区华富街道人大代表联络站 · 09:00-11:00'; '' for a deputy (their own reception, no schedule to read). */
  heading: string;
  /** Officers choose which of the reception's deputies met the resident; a deputy records as themselves. */
  deputies: { id: string; name: string }[];
  visits: ListVisitsOutput['visits'];
  /** The residents still expected: 从预约登记. */
  bookings: ListVisitsOutput['bookings'];
}

export async function openVisits(receptionId: string): Promise<Outcome<Opened>> {
  if (!receptionId) return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个接待日', hint: '请从接待安排进入' } };
  const [profile, read] = await Promise.all([callApi('user', 'profile', {}), callApi('reception', 'visits', { receptionId })]);
  if (!profile.ok) return profile;
  if (!read.ok) return read;
  // A server from before 从预约登记 sends no bookings: none to pick.
  const { visits, bookings = [] } = read.data;
  if (profile.data.role !== 'officer') return { ok: true, data: { heading: '', deputies: [], visits, bookings } };
  const schedule = await callApi('reception', 'schedule', {});
  const reception = schedule.ok ? schedule.data.receptions.find((r) => r.id === receptionId) : undefined;
  return {
    ok: true,
    data: {
      heading: reception ? `${reception.stationName} · ${reception.start}-${reception.end}` : '',
      deputies: reception ? reception.deputies.map((d) => ({ id: d.id, name: d.name })) : [],
      visits,
      bookings,
    },
  };
}
