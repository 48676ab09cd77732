/**
 * 承办单位: the bodies that answer deputies' suggestions (a district bureau, a street office …).
 * The district office keeps the list; each unit's staff get the `unit` role by invite code, as
 * officers do, and see only their unit's suggestions. Types only.
 */

/** 区政府部门 / 街道办事处 / 其他 (法院、检察院、驻区单位 …). */
export type UnitKind = 'bureau' | 'street' | 'other';

export interface UnitView {
  id: string;
  name: string;
  kind: UnitKind;
  district: string;
  /** Its staff records (not residents' data): name, phone, whether an account is bound. */
  staff: { id: string; name: string; phone: string; bound: boolean }[];
}

export interface SaveUnitInput {
  /** Absent: a new unit. */
  id?: string;
  /** ≤ 40 characters, unique in the district. */
  name: string;
  kind: UnitKind;
}

/** A unit's staff member (a `staff` record of role 'unit'); the office then issues an invite for it. */
export interface UnitStaffInput {
  id?: string;
  unitId: string;
  name: string;
  phone: string;
}

export interface ListUnitsOutput {
  units: UnitView[];
}
