/** What an admin may save as a deputy or a liaison officer (admin.saveDeputy / saveOfficer). */
import type { DeputyLevel } from '../../../typings/models';
import { object, oneOf, optional } from '../validation';
import { idList, name, phone, recordId } from './admin.checks';

export const DEPUTY_LEVELS: readonly DeputyLevel[] = ['national', 'provincial', 'municipal', 'district', 'township'];

/** How a deputy's level reads in the people list (the mini-program's copy is generated: miniprogram/generated/labels.ts). */
export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  municipal: '市人大代表',
  district: '区人大代表',
  township: '乡镇人大代表',
};

/** The longest name, delegation and occupation in characters, and how many stations a person may be given. */
export const PERSON_LIMITS = { name: 20, delegation: 40, occupation: 60, deputyStations: 10, officerStations: 20 } as const;

/** A deputy serves at least one station: that is how they belong to a district. */
export const deputyInput = object({
  id: optional(recordId('代表编号')),
  name: name('姓名', PERSON_LIMITS.name),
  level: oneOf('代表层级', DEPUTY_LEVELS),
  delegation: name('代表团/选区', PERSON_LIMITS.delegation),
  occupation: name('职业和单位', PERSON_LIMITS.occupation),
  stationIds: idList('所在联络站', { min: 1, max: PERSON_LIMITS.deputyStations }),
});

/** An officer may be saved before their stations exist; the stations then name them. */
export const officerInput = object({
  id: optional(recordId('联络员编号')),
  name: name('姓名', PERSON_LIMITS.name),
  phone: phone('办公电话'),
  stationIds: idList('负责的联络站', { max: PERSON_LIMITS.officerStations }),
});
