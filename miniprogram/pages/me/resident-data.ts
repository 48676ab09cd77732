/**
 * Loads a resident's 我的预约 and 关注的联络站: one call each — `reception.mine` for the bookings,
 * `reception.followed` for the followed stations, already named, with their addresses and next
 * reception days (two database round trips on the server, however many stations).
 */
import type { FollowedStation } from '../../../typings/api';
import type { BookingView } from '../../../typings/booking';
import { callApi } from '../../services/api-client';
import type { Outcome } from '../../services/outcome';

export async function myBookings(): Promise<Outcome<BookingView[]>> {
  const answer = await callApi('reception', 'mine', {});
  return answer.ok ? { ok: true, data: answer.data.bookings } : answer;
}

/** The followed stations, the latest followed first; a station since removed is not among them. */
export async function myFollowedStations(): Promise<Outcome<FollowedStation[]>> {
  const answer = await callApi('reception', 'followed', {});
  return answer.ok ? { ok: true, data: answer.data.stations } : answer;
}
