/**
 * Asking for a consultation, one page of 20 articles at a time; a link without an id answers the
 * same NOT_FOUND the server would, with a way back.
 */
import type { ConsultationDetail } from '../../../../typings/consultation';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';

const NO_ID = { ok: false as const, error: { code: 'NOT_FOUND', message: '没有找到这次意见征集', hint: '链接可能不完整，请从联络站页面进入' } };

export async function getConsultation(id: string | undefined, articlePage = 0): Promise<Outcome<ConsultationDetail>> {
  if (!id) return NO_ID;
  return callApi('consultation', 'get', { consultationId: id, articlePage });
}
