/**
 * The 承办单位 form: a unit's name and kind, checked as the server checks them (≤ 40
 * characters; the uniqueness in the district is the server's to say). Pure: unit-tested in
 * test/miniprogram/unit-admin-pages.test.ts.
 */
import type { SaveUnitInput, UnitKind, UnitView } from '../../../../typings/unit';
import { UNIT_KIND_LABELS } from '../../../generated/labels';
import { UNIT_LIMITS } from '../../../generated/rules';

export const LIMITS = UNIT_LIMITS;

export const UNIT_KIND_OPTIONS = (Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((value) => ({ value, label: UNIT_KIND_LABELS[value] }));

export interface UnitForm {
  name: string;
  kind: UnitKind | '';
}

export type UnitFieldErrors = Partial<Record<'name' | 'kind' | 'submit', string>>;

export const EMPTY_UNIT_FORM: UnitForm = { name: '', kind: 'bureau' };

export function unitFormOf(unit: UnitView): UnitForm {
  return { name: unit.name, kind: unit.kind };
}

export function unitPageTitle(isNew: boolean): string {
  return isNew ? '新增承办单位' : '编辑承办单位';
}

export function unitFormErrors(form: UnitForm): UnitFieldErrors {
  const errors: UnitFieldErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = '请填写单位名称';
  else if ([...name].length > LIMITS.name) errors.name = `单位名称不能超过 ${LIMITS.name} 个字`;
  if (!form.kind) errors.kind = '请选择单位类别';
  return errors;
}

export function toSaveUnitInput(form: UnitForm, id?: string): SaveUnitInput {
  return { ...(id ? { id } : {}), name: form.name.trim(), kind: form.kind as UnitKind };
}

/** The server names the field (a name taken in the district is `name`); anything else is said under the button. */
export function unitServerErrors(error: { message: string; field?: string }): UnitFieldErrors {
  return error.field === 'name' || error.field === 'kind' ? { [error.field]: error.message } : { submit: error.message };
}
