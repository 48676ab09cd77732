/**
 * 承办单位 as the district office's list shows them (admin.units): the demo seed's three units,
 * the two bureaus with their staff (one bound, one not yet), the street office with none.
 */
import type { ListUnitsOutput } from '../../../typings/unit';

export const UNITS_WITH_STAFF: ListUnitsOutput = {
  units: [
    {
      id: 'unit-ft-zjj',
      name: '区住房和建设局',
      kind: 'bureau',
      district: '福田区',
      staff: [
        { id: 'sf-unit-zjj', name: '周敏', phone: '0755-83950001', bound: true },
        { id: 'sf-unit-zjj-2', name: '吴涛', phone: '0755-83950002', bound: false },
      ],
    },
    {
      id: 'unit-ft-cgj',
      name: '区城市管理和综合执法局',
      kind: 'bureau',
      district: '福田区',
      staff: [{ id: 'sf-unit-cgj', name: '郑洁', phone: '0755-83960001', bound: true }],
    },
    { id: 'unit-ft-hfjd', name: '华富街道办事处', kind: 'street', district: '福田区', staff: [] },
  ],
};
