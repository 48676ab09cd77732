/** What the 留言 page needs on opening: the station, the draft kept for it, and the submission's key. */
import type { StationDetail } from '../../../../typings/api';
import { callApi } from '../../../services/api-client';
import { loadDraft } from '../../../services/draft';
import type { Outcome } from '../../../services/outcome';
import { newRequestId } from '../../../services/request-id';
import { isCaseDraft } from './case-draft';
import type { CaseDraft } from './case-draft';

export type Opened = { station: StationDetail; draft?: CaseDraft; requestId: string };

export async function openCompose(stationId: string): Promise<Outcome<Opened>> {
  const station = await callApi('station', 'get', { id: stationId });
  if (!station.ok) return station;
  const draft = loadDraft('case', stationId, isCaseDraft);
  // Made when the draft starts and kept with it until the case exists: a retry is the same submission.
  return { ok: true, data: { station: station.data, draft, requestId: draft?.requestId ?? (await newRequestId()) } };
}
