/**
 * Loads a resident's 我的预约 and 关注的联络站. Bookings come from `reception.mine`. No action
 * lists the stations a resident follows (`reception.following` answers one station), so the
 * follows are read from the resident's own data (`user.export`, which carries every follow's
 * station id) and named with `station.get`, each station once per launch.
 */
import type { BookingView } from '../../../typings/booking';
import { callApi } from '../../services/api-client';
import type { Outcome } from '../../services/outcome';
import type { FollowedRow } from './resident-view';

/** Names looked up at most this many at a time: a resident follows a handful of stations. */
export const FOLLOWS_SHOWN = 5;

const names = new Map<string, string>();

export async function myBookings(): Promise<Outcome<BookingView[]>> {
  const answer = await callApi('reception', 'mine', {});
  return answer.ok ? { ok: true, data: answer.data.bookings } : answer;
}

/** The station's name; '' when it no longer exists. */
async function stationName(id: string): Promise<Outcome<string>> {
  const known = names.get(id);
  if (known) return { ok: true, data: known };
  const answer = await callApi('station', 'get', { id });
  if (!answer.ok) return answer.error.code === 'NOT_FOUND' ? { ok: true, data: '' } : answer;
  names.set(id, answer.data.name);
  return { ok: true, data: answer.data.name };
}

/** The followed stations as the export lists them; a station that no longer exists is left out. */
export async function myFollowedStations(): Promise<Outcome<FollowedRow[]>> {
  const exported = await callApi('user', 'export', { page: 0 });
  if (!exported.ok) return exported;
  const ids = exported.data.follows.map((f) => f.stationId).slice(0, FOLLOWS_SHOWN);
  const named = await Promise.all(ids.map(stationName));
  const failed = named.find((n) => !n.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true, data: ids.map((id, i) => ({ id, name: named[i].ok ? named[i].data : '' })).filter((s) => s.name) };
}
