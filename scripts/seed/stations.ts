/**
 * The station network (`004`): one street station per street, its community stations, and
 * the district-wide sector stations.
 */
import type { OpeningHours, Station } from '../../typings/models';
import type { Random } from './prng';
import { jitter, type LngLat } from './geo';
import { communityStationId, officerIdFor, sectorStationId, stationCode, streetStationId } from './ids';
import { SECTORS } from './sectors';
import { stationRules } from './station-rules';
import { DISTRICT, STREETS } from './streets';

/** Community stations stand within this distance of their community's centre. */
export const COMMUNITY_JITTER_METERS = 550;

const WORKDAYS = [1, 2, 3, 4, 5];

/** Shenzhen office hours, with a lunch break. */
const OFFICE_HOURS: OpeningHours[] = [
  { weekdays: WORKDAYS, open: '09:00', close: '12:00' },
  { weekdays: WORKDAYS, open: '14:00', close: '18:00' },
];
/** Community work stations that open early and close early. */
const EARLY_HOURS: OpeningHours[] = [
  { weekdays: WORKDAYS, open: '08:30', close: '12:00' },
  { weekdays: WORKDAYS, open: '14:00', close: '17:30' },
];
const SECTOR_HOURS: OpeningHours[] = [
  { weekdays: WORKDAYS, open: '09:00', close: '12:00' },
  { weekdays: WORKDAYS, open: '14:30', close: '17:30' },
];
/** Some stations open on Saturday mornings for residents who work during the week. */
const SATURDAY_MORNING: OpeningHours = { weekdays: [6], open: '09:00', close: '12:00' };

/** Deep copies, so no two stations share (and could mutate) the same hours object. */
function hours(base: OpeningHours[], saturday: boolean): OpeningHours[] {
  const all = saturday ? [...base, SATURDAY_MORNING] : base;
  return all.map((h) => ({ ...h, weekdays: [...h.weekdays] }));
}

const point = ({ lng, lat }: LngLat): Station['location'] => ({ type: 'Point', coordinates: [lng, lat] });

/** Stations in a stable order: each street station followed by its communities, then the sectors. */
export function buildStations(random: Random, nextPhone: () => string, createdAt: (daysAgo: number) => Date): Station[] {
  const stations: Station[] = [];

  STREETS.forEach((street, streetIndex) => {
    const streetId = streetStationId(street);
    const streetOfficer = officerIdFor(streetId);
    stations.push({
      _id: streetId,
      code: stationCode(streetId),
      name: `${DISTRICT}${street.name}人大代表联络站`,
      kind: 'street',
      district: DISTRICT,
      street: street.name,
      address: street.officeAddress,
      location: point(street.office),
      phone: nextPhone(),
      hours: hours(OFFICE_HOURS, random.chance(0.35)),
      officerIds: [streetOfficer],
      rules: stationRules('street', random),
      // Street stations came first; community stations were added street by street later.
      createdAt: createdAt(720 - streetIndex),
    });

    street.communities.forEach((community, index) => {
      const id = communityStationId(street, index);
      stations.push({
        _id: id,
        code: stationCode(id),
        name: `${street.name}${community.name}社区人大代表联络站`,
        kind: 'community',
        district: DISTRICT,
        street: street.name,
        community: `${community.name}社区`,
        address: community.address.replace('{n}', String(random.int(1, 48))),
        location: point(jitter(community.centre, COMMUNITY_JITTER_METERS, random)),
        phone: nextPhone(),
        hours: hours(random.chance(0.5) ? OFFICE_HOURS : EARLY_HOURS, random.chance(0.4)),
        // 003: the community's own liaison staffs it; the street's officer oversees it.
        officerIds: [officerIdFor(id), streetOfficer],
        rules: stationRules('community', random),
        createdAt: createdAt(540 - streetIndex * 7 - index),
      });
    });
  });

  SECTORS.forEach((sector, index) => {
    const id = sectorStationId(sector);
    stations.push({
      _id: id,
      code: stationCode(id),
      name: sector.name,
      kind: 'sector',
      sector: sector.sector,
      district: DISTRICT,
      street: sector.street,
      address: sector.address,
      location: point(sector.location),
      phone: nextPhone(),
      hours: hours(SECTOR_HOURS, false),
      officerIds: [officerIdFor(id)],
      rules: stationRules('sector', random),
      createdAt: createdAt(365 - index * 14),
    });
  });

  return stations;
}
