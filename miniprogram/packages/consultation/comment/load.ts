/**
 * What the comment form opens with: the consultation (its page of articles holding the one
 * commented on) and a fresh requestId, kept for every retry of this comment.
 */
import type { ConsultationDetail } from '../../../../typings/consultation';
import { newRequestId } from '../../../services/request-id';
import type { Outcome } from '../../../services/outcome';
import { getConsultation } from '../detail/load';
import { articlePageOf } from './view-model';

export async function openCommentForm(id: string | undefined, articleNo: number): Promise<Outcome<{ detail: ConsultationDetail; requestId: string }>> {
  const [got, requestId] = await Promise.all([getConsultation(id, articlePageOf(articleNo)), newRequestId()]);
  return got.ok ? { ok: true, data: { detail: got.data, requestId } } : got;
}
