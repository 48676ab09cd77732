/**
 * 承办单位: the district's handling units as cards, each with its staff and whether they have
 * bound WeChat. Pure: unit-tested in test/miniprogram/unit-admin-pages.test.ts.
 */
import type { UnitView } from '../../../../typings/unit';
import type { PersonView } from '../../../../typings/workspace';
import { UNIT_KIND_LABELS } from '../../../generated/labels';

export interface UnitStaffRow {
  id: string;
  name: string;
  phone: string;
  bound: boolean;
}

export interface UnitCard {
  id: string;
  name: string;
  kindText: string;
  staff: UnitStaffRow[];
  /** '2 人，1 人未绑定微信' or '还没有人员'. */
  staffText: string;
}

export const EMPTY_TEXT = '还没有承办单位，点「新增承办单位」添加';

export function toUnitCard(unit: UnitView): UnitCard {
  const unbound = unit.staff.filter((s) => !s.bound).length;
  const staffText = !unit.staff.length ? '还没有人员' : `${unit.staff.length} 人${unbound ? `，${unbound} 人未绑定微信` : ''}`;
  return {
    id: unit.id,
    name: unit.name,
    kindText: UNIT_KIND_LABELS[unit.kind] ?? '',
    staff: unit.staff.map((s) => ({ id: s.id, name: s.name, phone: s.phone, bound: s.bound })),
    staffText,
  };
}

/**
 * A unit's staff member as the 人员 page takes a person (its invite and unbind are the same as
 * an officer's): no stations, the office phone as the detail line.
 */
export function unitStaffPerson(unit: Pick<UnitView, 'staff'>, staffId: string): PersonView | undefined {
  const staff = unit.staff.find((s) => s.id === staffId);
  if (!staff) return undefined;
  return { id: staff.id, kind: 'unit', name: staff.name, detail: staff.phone, stations: [], bound: staff.bound, phone: staff.phone };
}

/** The id of the staff member `after` has and `before` had not: the one just added. */
export function newStaffOf(before: Pick<UnitView, 'staff'> | undefined, after: Pick<UnitView, 'staff'>): string | undefined {
  const known = new Set((before?.staff ?? []).map((s) => s.id));
  return after.staff.find((s) => !known.has(s.id))?.id;
}
