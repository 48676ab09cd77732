/**
 * Liaison officers (联络员) and the district office. Each station names its officers
 * (`Station.officerIds`); an officer's `stationIds` are exactly the stations naming them, so
 * the two sides cannot disagree.
 */
import type { Staff, Station } from '../../typings/models';
import { DEMO_ADMIN_STAFF_ID } from './demo-accounts';
import { DISTRICT } from './streets';

export function buildStaff(stations: Station[], nextName: () => string, nextPhone: () => string, createdAt: Date): Staff[] {
  const officerIds = [...new Set(stations.flatMap((s) => s.officerIds))];
  const officers: Staff[] = officerIds.map((id) => ({
    _id: id,
    name: nextName(),
    role: 'officer',
    phone: nextPhone(),
    stationIds: stations.filter((s) => s.officerIds.includes(id)).map((s) => s._id),
    district: DISTRICT,
    createdAt,
  }));
  // The admin oversees every station by role, so it is not tied to any one of them.
  const admin: Staff = {
    _id: DEMO_ADMIN_STAFF_ID,
    name: nextName(),
    role: 'admin',
    phone: nextPhone(),
    stationIds: [],
    district: DISTRICT,
    createdAt,
  };
  return [...officers, admin];
}
