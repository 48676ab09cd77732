/**
 * What the list page asks the server: who is looking (their role decides the list), a page of
 * the list, the office's filter choices and its figures. Each answers an Outcome.
 */
import type { ListSuggestionsOutput } from '../../../../typings/suggestion';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import type { Choice } from '../common/labels';
import { listInput, listRole } from './view-model';
import type { ListFilters, ListRole } from './view-model';

const NOT_FOR_YOU = {
  ok: false as const,
  error: { code: 'FORBIDDEN', message: '代表建议只对人大代表、承办单位和区人大常委会开放', hint: '如需使用，请向区人大常委会索取邀请码' },
};

/**
 * The first page, and on opening the role too, asked together (the server scopes the list by the
 * caller anyway); once the role is known, only the list with the office's filters.
 */
export async function openList(known: ListRole | null, filters: ListFilters): Promise<Outcome<{ role: ListRole; list: ListSuggestionsOutput }>> {
  if (known) {
    const list = await listPage(known, filters, 0);
    return list.ok ? { ok: true, data: { role: known, list: list.data } } : list;
  }
  const [profile, list] = await Promise.all([callApi('user', 'profile', {}), callApi('suggestion', 'list', { page: 0 })]);
  if (!profile.ok) return profile;
  const role = listRole(profile.data.role);
  if (!role) return NOT_FOR_YOU;
  return list.ok ? { ok: true, data: { role, list: list.data } } : list;
}

export function listPage(role: ListRole, filters: ListFilters, page: number) {
  return callApi('suggestion', 'list', listInput(role, filters, page));
}

/** The office's filter choices: its units and its deputies (the first pages: a district has tens). */
export async function filterChoices(): Promise<{ units: Choice<string>[]; deputies: Choice<string>[] }> {
  const [units, people] = await Promise.all([callApi('admin', 'units', {}), callApi('admin', 'people', { kind: 'deputy', page: 0 })]);
  return {
    units: [{ value: '', label: '全部承办单位' }, ...(units.ok ? units.data.units.map((u) => ({ value: u.id, label: u.name })) : [])],
    deputies: [{ value: '', label: '全部代表' }, ...(people.ok ? people.data.people.map((p) => ({ value: p.id, label: p.name })) : [])],
  };
}
