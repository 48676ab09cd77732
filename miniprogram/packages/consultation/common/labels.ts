/**
 * The words and tones of 立法意见征集's statuses, in one place for every consultation page (the
 * resident's and the officers'); a consultation's own, shared with the station's page, live in
 * utils/consultation-view.ts. Pure: unit-tested in test/miniprogram/consultation-view-models.test.ts.
 */
import type { CommentStatus } from '../../../../typings/consultation';
import type { Tone } from '../../../utils/consultation-view';

export { CONSULTATION_STATUS_LABELS, closesOnText, consultationTone, consultationUrl, countsText } from '../../../utils/consultation-view';
export type { Tone } from '../../../utils/consultation-view';

export const COMMENT_STATUS_LABELS: Readonly<Record<CommentStatus, string>> = {
  pending: '待确认',
  submitted: '已提交',
  withdrawn: '已撤回',
  forwarded: '已报送',
  duplicate: '重复意见',
  declined: '未报送',
};

/** Shown beside a forwarded comment once the office marks it adopted. */
export const ADOPTED_LABEL = '已采纳';

/** The whole draft rather than one article (articleNo 0). */
export const GENERAL_LABEL = '总体意见';

const COMMENT_TONES: Readonly<Record<CommentStatus, Tone>> = {
  pending: 'warning',
  submitted: 'info',
  withdrawn: 'muted',
  forwarded: 'success',
  duplicate: 'muted',
  declined: 'muted',
};

export function commentTone(status: CommentStatus): Tone {
  return COMMENT_TONES[status] ?? 'muted';
}
