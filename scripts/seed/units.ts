/**
 * The district's handling units (承办单位) that answer deputies' suggestions, and one staff
 * member for each of the two bureaus the demo accounts act for. A few only: enough to assign a
 * lead and an assisting unit, and for a unit whose staff see none of the other's suggestions.
 */
import type { Staff, Unit } from '../../typings/models';
import { DEMO_UNIT_IDS, DEMO_UNIT_STAFF_IDS } from './demo-accounts';
import { DISTRICT } from './streets';

const UNITS: readonly Pick<Unit, '_id' | 'name' | 'kind'>[] = [
  { _id: DEMO_UNIT_IDS.housing, name: '区住房和建设局', kind: 'bureau' },
  { _id: DEMO_UNIT_IDS.urbanManagement, name: '区城市管理和综合执法局', kind: 'bureau' },
  { _id: DEMO_UNIT_IDS.huafuStreet, name: '华富街道办事处', kind: 'street' },
];

export function buildUnits(createdAt: Date): Unit[] {
  return UNITS.map((unit) => ({ ...unit, district: DISTRICT, createdAt }));
}

/** Staff of role 'unit': no stations, their unit is their whole scope. */
export function buildUnitStaff(nextName: () => string, nextPhone: () => string, createdAt: Date): Staff[] {
  const member = (id: string, unitId: string): Staff => ({
    _id: id,
    name: nextName(),
    role: 'unit',
    phone: nextPhone(),
    stationIds: [],
    district: DISTRICT,
    unitId,
    createdAt,
  });
  return [member(DEMO_UNIT_STAFF_IDS.housing, DEMO_UNIT_IDS.housing), member(DEMO_UNIT_STAFF_IDS.urbanManagement, DEMO_UNIT_IDS.urbanManagement)];
}
