/**
 * What the list page asks the server: who is looking, then an officer's stations' lists (one call
 * per station, asked together) or the office's district list, page by page. Each answers an Outcome.
 */
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { listInput, listRole, mergeStationLists, toConsultationRow } from './view-model';
import type { ConsultationRow, ListRole } from './view-model';

const NOT_FOR_YOU = {
  ok: false as const,
  error: { code: 'FORBIDDEN', message: '这里是联络员和区人大常委会处理立法意见的地方', hint: '群众可以在联络站页面参与立法意见征集' },
};

export interface OpenedList {
  role: ListRole;
  rows: ConsultationRow[];
  hasMore: boolean;
}

export async function openList(): Promise<Outcome<OpenedList>> {
  const profile = await callApi('user', 'profile', {});
  if (!profile.ok) return profile;
  const role = listRole(profile.data.role);
  if (!role) return NOT_FOR_YOU;
  if (role === 'admin') {
    const page = await districtPage(0);
    return page.ok ? { ok: true, data: { role, ...page.data } } : page;
  }
  const stations = profile.data.stations ?? [];
  const answers = await Promise.all(stations.map((s) => callApi('consultation', 'list', listInput(s.id, 0))));
  const failed = answers.find((a) => !a.ok);
  if (failed && !failed.ok) return failed;
  // A station's first page holds its open ones and the latest others: enough for the people who run it.
  const merged = mergeStationLists(answers.map((a, i) => ({ stationId: stations[i].id, consultations: a.ok ? a.data.consultations : [] })));
  return { ok: true, data: { role, rows: merged.map((m) => toConsultationRow(m.summary, role, m.stationId)), hasMore: false } };
}

/** One page of the office's district list. */
export async function districtPage(page: number): Promise<Outcome<{ rows: ConsultationRow[]; hasMore: boolean }>> {
  const answer = await callApi('consultation', 'list', listInput(undefined, page));
  if (!answer.ok) return answer;
  return { ok: true, data: { rows: answer.data.consultations.map((c) => toConsultationRow(c, 'admin')), hasMore: answer.data.hasMore } };
}
