/**
 * What an admin may save as a station (admin.saveStation): every field checked with a Chinese
 * reason naming it, then the rules between fields (a sector station names its sector).
 */
import type { OpeningHours, StationKind, StationSector } from '../../../typings/models';
import type { StationInput } from '../../../typings/workspace';
import { array, trimmedText } from '../case/combinators';
import { fieldPath, number, object, oneOf, optional, text, type Check } from '../validation';
import { normaliseStationCode } from '../station-code';
import { idList, name, openingHours, phone, recordId } from './admin.checks';

export const STATION_KINDS: readonly StationKind[] = ['street', 'community', 'sector'];
export const STATION_SECTORS: readonly StationSector[] = ['technology', 'education', 'health', 'law', 'enterprise'];

/** The door code is the QR code's `scene`: short, and only what WeChat allows there. */
export const STATION_CODE = /^[A-Za-z0-9-]{2,16}$/;

/** The longest texts in characters, and the most opening-hours rows, officers and house rules a station holds. */
export const STATION_LIMITS = { code: 16, name: 40, street: 30, community: 30, address: 80, hoursRows: 14, officers: 20, rule: 200, rules: 20 } as const;

const stationShape = object({
  id: optional(recordId('联络站编号')),
  code: trimmedText(text('联络站代码', { min: 1, max: STATION_LIMITS.code, pattern: STATION_CODE, patternHint: '联络站代码为 2–16 位字母、数字或短横线' })),
  name: name('联络站名称', STATION_LIMITS.name),
  kind: oneOf('联络站类型', STATION_KINDS),
  sector: optional(oneOf('所属行业', STATION_SECTORS)),
  street: name('所在街道', STATION_LIMITS.street),
  community: optional(name('所在社区', STATION_LIMITS.community)),
  address: name('地址', STATION_LIMITS.address),
  latitude: number('纬度', { min: -90, max: 90 }),
  longitude: number('经度', { min: -180, max: 180 }),
  phone: phone('联系电话'),
  hours: array('开放时间', openingHours, { min: 1, max: STATION_LIMITS.hoursRows }),
  officerIds: idList('联络员', { max: STATION_LIMITS.officers }),
  rules: array('站点制度', trimmedText(text('站点制度', { min: 1, max: STATION_LIMITS.rule })), { max: STATION_LIMITS.rules }),
});

const bad = (field: string, reason: string) => ({ ok: false as const, field, reason });

export type CheckedStationInput = StationInput & { hours: OpeningHours[] };

/** The code is stored upper-case, as the seed's codes are, so "ft-hf" and "FT-HF" are one code. */
export const stationInput: Check<CheckedStationInput> = (value, path) => {
  const result = stationShape(value, path);
  if (!result.ok) return result;
  const input = result.value;
  const at = (field: string) => fieldPath(path, field);
  if (input.kind === 'sector' && !input.sector) return bad(at('sector'), '行业联络站请选择所属行业');
  if (input.kind !== 'sector' && input.sector) return bad(at('sector'), '只有行业联络站需要选择所属行业');
  if (input.kind === 'community' && !input.community) return bad(at('community'), '社区联络站请填写所在社区');
  return { ok: true, value: { ...input, code: normaliseStationCode(input.code) } };
};
