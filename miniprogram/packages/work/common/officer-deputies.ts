/**
 * Whom an officer acts for (登记履职活动, 发布述职报告): the deputies of the officer's stations,
 * read from each station's page at once.
 */
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { deputyOptions } from './deputy-options';
import type { DeputyOption } from './deputy-options';

/** An officer with no station or no deputy is told why in words. */
export async function officerDeputies(stations: readonly { id: string }[]): Promise<Outcome<DeputyOption[]>> {
  if (!stations.length) return { ok: false, error: { code: 'FORBIDDEN', message: '您还没有负责的联络站', hint: '请联系区人大常委会为您分配联络站' } };
  const details = await Promise.all(stations.map((s) => callApi('station', 'get', { id: s.id })));
  const failed = details.find((d) => !d.ok);
  if (failed && !failed.ok) return failed;
  const deputies = deputyOptions(details.map((d) => (d.ok ? d.data.deputies : [])));
  if (!deputies.length) return { ok: false, error: { code: 'NOT_FOUND', message: '您负责的联络站还没有代表' } };
  return { ok: true, data: deputies };
}
