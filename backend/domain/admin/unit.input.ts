/** What the district office may save as a handling unit (承办单位) or a unit's staff member (admin.saveUnit / saveUnitStaff). */
import type { UnitKind } from '../../../typings/unit';
import { object, oneOf, optional } from '../validation';
import { name, phone, recordId } from './admin.checks';
import { PERSON_LIMITS } from './person.input';

export const UNIT_KINDS: readonly UnitKind[] = ['bureau', 'street', 'other'];

/** How a unit's kind reads: 区政府部门, 街道办事处, 其他 (courts, procuratorates, units stationed in the district). */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { bureau: '区政府部门', street: '街道办事处', other: '其他单位' };

/** A unit's name as the 交办单 prints it, e.g. 深圳市福田区城市管理和综合执法局. */
export const UNIT_LIMITS = { name: 40 } as const;

export const unitInput = object({
  id: optional(recordId('单位编号')),
  name: name('单位名称', UNIT_LIMITS.name),
  kind: oneOf('单位类别', UNIT_KINDS),
});

/** A unit's staff member: a `staff` record of role 'unit'; the office then issues an invite for it. */
export const unitStaffInput = object({
  id: optional(recordId('人员编号')),
  unitId: recordId('单位编号'),
  name: name('姓名', PERSON_LIMITS.name),
  phone: phone('办公电话'),
});
