/**
 * One comment as its resident reads it (我的意见, a confirmed claim): the draft, the article, the
 * words, where it stands and, once adopted, how. Pure: unit-tested in
 * test/miniprogram/consultation-view-models.test.ts.
 */
import type { CommentView } from '../../../../typings/consultation';
import { dateText } from '../../../utils/time';
import { ADOPTED_LABEL, COMMENT_STATUS_LABELS, commentTone } from './labels';
import type { Tone } from './labels';

export interface CommentCard {
  id: string;
  consultationId: string;
  title: string;
  articleLabel: string;
  text: string;
  statusLabel: string;
  tone: Tone;
  /** '已采纳' and how, once the office marked it; '' before. */
  adoptedLabel: string;
  adoptionNote: string;
  /** '华富街道联络站 · 11月20日' */
  meta: string;
  /** '署名：张先生（退休教师）' or '匿名'. */
  byline: string;
  canWithdraw: boolean;
}

export function toCommentCard(c: CommentView, now: Date): CommentCard {
  const signed = c.printedName ? `署名：${c.printedName}${c.occupation ? `（${c.occupation}）` : ''}` : c.occupation ? `署名：匿名（${c.occupation}）` : '匿名';
  return {
    id: c.id,
    consultationId: c.consultation.id,
    title: c.consultation.title,
    articleLabel: c.articleLabel,
    text: c.text,
    statusLabel: COMMENT_STATUS_LABELS[c.status] ?? '',
    tone: commentTone(c.status),
    adoptedLabel: c.adoption ? ADOPTED_LABEL : '',
    adoptionNote: c.adoption?.note ?? '',
    meta: `${c.station.name} · ${dateText(c.createdAt, now)}`,
    byline: signed,
    canWithdraw: c.canWithdraw,
  };
}
