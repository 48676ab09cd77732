/**
 * The 人员 edit form (a deputy, a liaison officer or a handling unit's staff member), its
 * checks, its input, and the invite card. Pure: unit-tested in test/miniprogram/admin-view-models.test.ts
 * (and the unit's staff in unit-admin-pages.test.ts).
 */
import type { DeputyLevel } from '../../../../typings/models';
import type { UnitStaffInput } from '../../../../typings/unit';
import type { DeputyInput, InviteView, OfficerInput, PersonView } from '../../../../typings/workspace';
import { DEPUTY_LEVEL_LABELS } from '../../../generated/labels';
import { OFFICE_PHONE, PERSON_LIMITS, PHONE_MAX_CHARS } from '../../../generated/rules';
import { dateTimeText } from '../../../utils/time';
import { ROLE_LABELS } from '../common/labels';

export type PersonKind = PersonView['kind'];

/** The server's limits, as the form and its maxlength attributes read them. */
export const LIMITS = { ...PERSON_LIMITS, phone: PHONE_MAX_CHARS } as const;

export const LEVEL_OPTIONS = (Object.keys(DEPUTY_LEVEL_LABELS) as DeputyLevel[]).map((value) => ({ value, label: DEPUTY_LEVEL_LABELS[value] }));

export interface PersonForm {
  name: string;
  level: DeputyLevel | '';
  delegation: string;
  occupation: string;
  phone: string;
  stationIds: string[];
}

export type PersonField = 'name' | 'level' | 'delegation' | 'occupation' | 'phone' | 'stations';
export type FieldErrors = Partial<Record<PersonField | 'submit', string>>;

export const EMPTY_FORM: PersonForm = { name: '', level: '', delegation: '', occupation: '', phone: '', stationIds: [] };

/** A unit's staff member is a person of the unit, not the unit itself. */
const PERSON_NOUNS: Readonly<Record<PersonKind, string>> = { ...ROLE_LABELS, unit: '承办单位人员' };

export function pageTitle(kind: PersonKind, isNew: boolean): string {
  return `${isNew ? '新增' : ''}${PERSON_NOUNS[kind]}`;
}

/** The form from the listed record's own fields (the people list sends them; `detail` is display text only). */
export function formOf(person: PersonView): PersonForm {
  const stationIds = person.stations.map((s) => s.id);
  if (person.kind !== 'deputy') return { ...EMPTY_FORM, name: person.name, phone: person.phone ?? '', stationIds };
  return { ...EMPTY_FORM, name: person.name, level: person.level ?? '', delegation: person.delegation ?? '', occupation: person.occupation ?? '', stationIds };
}

const count = (text: string) => [...text.trim()].length;

function textProblem(label: string, text: string, max: number): string {
  if (!text.trim()) return `请填写${label}`;
  return count(text) > max ? `${label}不能超过 ${max} 个字` : '';
}

/** Officers and a unit's staff: name and office phone (a unit's staff have no stations). */
export function formErrors(kind: 'deputy' | 'officer' | 'unit', form: PersonForm): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: PersonField, problem: string) => problem && (errors[field] = problem);
  put('name', textProblem('姓名', form.name, LIMITS.name));
  if (kind === 'deputy') {
    if (!form.level) errors.level = '请选择代表层级';
    put('delegation', textProblem('代表团/选区', form.delegation, LIMITS.delegation));
    put('occupation', textProblem('职业和单位', form.occupation, LIMITS.occupation));
    if (!form.stationIds.length) errors.stations = '请至少选择一个联络站';
    else if (form.stationIds.length > LIMITS.deputyStations) errors.stations = `最多选择 ${LIMITS.deputyStations} 个联络站`;
  } else {
    const phone = form.phone.trim();
    if (!phone) errors.phone = '请填写办公电话';
    else if (!OFFICE_PHONE.test(phone)) errors.phone = '办公电话只能包含数字、空格和短横线';
    if (form.stationIds.length > LIMITS.officerStations) errors.stations = `最多选择 ${LIMITS.officerStations} 个联络站`;
  }
  return errors;
}

export function firstError(errors: FieldErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

export function toDeputyInput(form: PersonForm, id?: string): DeputyInput {
  return {
    ...(id ? { id } : {}),
    name: form.name.trim(),
    level: form.level as DeputyLevel,
    delegation: form.delegation.trim(),
    occupation: form.occupation.trim(),
    stationIds: [...form.stationIds],
  };
}

export function toOfficerInput(form: PersonForm, id?: string): OfficerInput {
  return { ...(id ? { id } : {}), name: form.name.trim(), phone: form.phone.trim(), stationIds: [...form.stationIds] };
}

export function toUnitStaffInput(form: PersonForm, unitId: string, id?: string): UnitStaffInput {
  return { ...(id ? { id } : {}), unitId, name: form.name.trim(), phone: form.phone.trim() };
}

const FIELD_BY_HEAD: Readonly<Record<string, PersonField>> = {
  name: 'name',
  level: 'level',
  delegation: 'delegation',
  occupation: 'occupation',
  phone: 'phone',
  stationIds: 'stations',
};

/** The server names the input's dotted path ('stationIds.2'); anything else is said under the button. */
export function serverErrors(error: { message: string; field?: string }): FieldErrors {
  const head = /^[A-Za-z]+/.exec(error.field ?? '')?.[0];
  const field = head ? FIELD_BY_HEAD[head] : undefined;
  return field ? { [field]: error.message } : { submit: error.message };
}

export interface InviteCard {
  code: string;
  /** 'K7QM 2XPA': two groups of four read aloud more easily; redeeming ignores the space. */
  codeText: string;
  roleText: string;
  expiresText: string;
}

export function inviteCard(invite: InviteView, now: Date): InviteCard {
  return {
    code: invite.code,
    codeText: invite.code.length === 8 ? `${invite.code.slice(0, 4)} ${invite.code.slice(4)}` : invite.code,
    roleText: ROLE_LABELS[invite.role],
    expiresText: `${dateTimeText(invite.expiresAt, now)} 前有效，只能使用一次`,
  };
}
