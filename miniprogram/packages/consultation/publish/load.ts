/**
 * What 发布征集 asks before showing the form: that the caller is the district office, and its
 * stations to choose from (a district has tens: a few pages at most).
 */
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import type { StationChoice } from './view-model';

const NOT_FOR_YOU = { ok: false as const, error: { code: 'FORBIDDEN', message: '只有区人大常委会可以发布立法意见征集' } };
const MAX_PAGES = 5;

export async function openPublish(): Promise<Outcome<{ stations: StationChoice[] }>> {
  const profile = await callApi('user', 'profile', {});
  if (!profile.ok) return profile;
  if (profile.data.role !== 'admin') return NOT_FOR_YOU;
  const stations: StationChoice[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await callApi('admin', 'stations', { page });
    if (!answer.ok) return answer;
    stations.push(...answer.data.stations.map((s) => ({ id: s.id, name: s.name, chosen: false })));
    if (!answer.data.hasMore) break;
  }
  return { ok: true, data: { stations } };
}
