/**
 * The 联络站 edit form: its state, the checks worth making before the server's (the same
 * sentences), the StationInput it sends, and where a server refusal is said. Pure:
 * unit-tested in test/miniprogram/admin-view-models.test.ts.
 */
import type { StationKind, StationSector } from '../../../../typings/models';
import type { AdminStation, StationInput } from '../../../../typings/workspace';
import { OFFICE_PHONE, PHONE_MAX_CHARS, STATION_CODE, STATION_LIMITS } from '../../../generated/rules';

/** The server's limits, as the form and its maxlength attributes read them. */
export const LIMITS = { ...STATION_LIMITS, phone: PHONE_MAX_CHARS } as const;

export const WEEKDAY_OPTIONS = ['一', '二', '三', '四', '五', '六', '日'].map((label, i) => ({ value: String(i + 1), label }));

/** One row of opening hours as the form holds it: van-checkbox names are strings. */
export interface HoursRow {
  weekdays: string[];
  open: string;
  close: string;
}

export interface StationForm {
  code: string;
  name: string;
  kind: StationKind;
  sector: StationSector | '';
  street: string;
  community: string;
  address: string;
  /** Typed or filled from the map; numbers only when sent. */
  latitude: string;
  longitude: string;
  phone: string;
  hours: HoursRow[];
  officerIds: string[];
  /** One rule a line. */
  rulesText: string;
}

export type StationField = 'code' | 'name' | 'kind' | 'sector' | 'street' | 'community' | 'address' | 'position' | 'phone' | 'hours' | 'officers' | 'rules';
/** `submit`: a refusal not tied to a field, said under the button. */
export type FieldErrors = Partial<Record<StationField | 'submit', string>>;

export const NEW_HOURS_ROW: HoursRow = { weekdays: ['1', '2', '3', '4', '5'], open: '09:00', close: '17:30' };

export function emptyForm(): StationForm {
  return {
    code: '',
    name: '',
    kind: 'community',
    sector: '',
    street: '',
    community: '',
    address: '',
    latitude: '',
    longitude: '',
    phone: '',
    hours: [{ ...NEW_HOURS_ROW, weekdays: [...NEW_HOURS_ROW.weekdays] }],
    officerIds: [],
    rulesText: '',
  };
}

export function formOf(station: AdminStation): StationForm {
  const [longitude, latitude] = station.location.coordinates;
  return {
    code: station.code,
    name: station.name,
    kind: station.kind,
    sector: station.sector ?? '',
    street: station.street,
    community: station.community ?? '',
    address: station.address,
    latitude: String(latitude),
    longitude: String(longitude),
    phone: station.phone,
    hours: station.hours.map((h) => ({ weekdays: h.weekdays.map(String), open: h.open, close: h.close })),
    officerIds: station.officers.map((o) => o.id),
    rulesText: station.rules.join('\n'),
  };
}

export function rulesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A coordinate as typed: a plain decimal within range, or undefined. */
function coordinate(text: string, limit: number): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return undefined;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : undefined;
}

const count = (text: string) => [...text.trim()].length;

function tooLong(label: string, text: string, max: number, required = true): string {
  if (required && !text.trim()) return `请填写${label}`;
  return count(text) > max ? `${label}不能超过 ${max} 个字` : '';
}

function hoursProblem(hours: readonly HoursRow[]): string {
  if (!hours.length) return '请至少添加一组开放时间';
  if (hours.length > LIMITS.hoursRows) return `开放时间最多 ${LIMITS.hoursRows} 组`;
  const row = hours.findIndex((h) => !h.weekdays.length || h.open >= h.close);
  if (row < 0) return '';
  return `第 ${row + 1} 组：${hours[row].weekdays.length ? '关门时间应晚于开门时间' : '请选择开放日'}`;
}

export function formErrors(form: StationForm): FieldErrors {
  const errors: FieldErrors = {};
  const code = form.code.trim();
  if (!code) errors.code = '请填写联络站代码';
  else if (!STATION_CODE.test(code)) errors.code = '联络站代码为 2–16 位字母、数字或短横线';
  const texts = { name: ['联络站名称', LIMITS.name], street: ['所在街道', LIMITS.street], address: ['地址', LIMITS.address] } as const;
  for (const [field, [label, max]] of Object.entries(texts)) {
    const problem = tooLong(label, form[field as keyof typeof texts], max);
    if (problem) errors[field as keyof typeof texts] = problem;
  }
  if (form.kind === 'sector' && !form.sector) errors.sector = '行业联络站请选择所属行业';
  const community = tooLong('所在社区', form.community, LIMITS.community, form.kind === 'community');
  if (community) errors.community = form.kind === 'community' && !form.community.trim() ? '社区联络站请填写所在社区' : community;
  if (coordinate(form.latitude, 90) === undefined || coordinate(form.longitude, 180) === undefined) {
    errors.position = form.latitude.trim() || form.longitude.trim() ? '经纬度应为数字，纬度 -90–90，经度 -180–180' : '请在地图上选择位置，或填写经纬度';
  }
  const phone = form.phone.trim();
  if (!phone) errors.phone = '请填写联系电话';
  else if (!OFFICE_PHONE.test(phone)) errors.phone = '联系电话只能包含数字、空格和短横线';
  const hours = hoursProblem(form.hours);
  if (hours) errors.hours = hours;
  const rules = rulesOf(form.rulesText);
  if (rules.length > LIMITS.rules) errors.rules = `站点制度最多 ${LIMITS.rules} 条`;
  else if (rules.some((r) => count(r) > LIMITS.rule)) errors.rules = `每条制度不能超过 ${LIMITS.rule} 个字`;
  return errors;
}

export function firstError(errors: FieldErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

export function toStationInput(form: StationForm, id?: string): StationInput {
  const community = form.community.trim();
  return {
    ...(id ? { id } : {}),
    code: form.code.trim(),
    name: form.name.trim(),
    kind: form.kind,
    ...(form.kind === 'sector' && form.sector ? { sector: form.sector } : {}),
    street: form.street.trim(),
    ...(community ? { community } : {}),
    address: form.address.trim(),
    latitude: Number(form.latitude),
    longitude: Number(form.longitude),
    phone: form.phone.trim(),
    hours: form.hours.map((h) => ({ weekdays: h.weekdays.map(Number).sort((a, b) => a - b), open: h.open, close: h.close })),
    officerIds: [...form.officerIds],
    rules: rulesOf(form.rulesText),
  };
}

const FIELD_BY_HEAD: Readonly<Record<string, StationField>> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  sector: 'sector',
  street: 'street',
  community: 'community',
  address: 'address',
  latitude: 'position',
  longitude: 'position',
  phone: 'phone',
  hours: 'hours',
  officerIds: 'officers',
  rules: 'rules',
};

/**
 * Where a refusal is said: the server names the input's dotted path ('hours.1.close',
 * 'officerIds.0'); a row of hours is named in the message, as the form numbers its rows.
 */
export function serverErrors(error: { message: string; field?: string }): FieldErrors {
  const match = /^([A-Za-z]+)(?:\.(\d+))?/.exec(error.field ?? '');
  const field = match ? FIELD_BY_HEAD[match[1]] : undefined;
  if (!field) return { submit: error.message };
  const row = field === 'hours' && match?.[2] !== undefined ? `第 ${Number(match[2]) + 1} 组：` : '';
  return { [field]: `${row}${error.message}` };
}

/** wx.chooseLocation's answer: the pin, and its address (the place's name when there is none). */
export function fromChosenLocation(chosen: { latitude: number; longitude: number; name?: string; address?: string }): Pick<StationForm, 'latitude' | 'longitude' | 'address'> {
  const address = (chosen.address?.trim() || chosen.name?.trim() || '').slice(0, LIMITS.address);
  return { latitude: chosen.latitude.toFixed(6).replace(/\.?0+$/, ''), longitude: chosen.longitude.toFixed(6).replace(/\.?0+$/, ''), address };
}

/** Where the map opens: the station's pin when it has one. */
export function mapCentre(form: Pick<StationForm, 'latitude' | 'longitude'>): { latitude: number; longitude: number } | undefined {
  const latitude = coordinate(form.latitude, 90);
  const longitude = coordinate(form.longitude, 180);
  return latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined;
}
