/**
 * Shapes a case as any resident may see it (办理公开): what, where, the dates of each step,
 * the reply, how it closed, 附议 — and nothing of who wrote it (the server sends nothing of
 * it). Pure: unit-tested in test/miniprogram/public-case-view-models.test.ts.
 */
import type { PublicCase, PublicClosure } from '../../../../typings/board';
import type { CaseStatus } from '../../../../typings/case';
import { RATING_LABELS } from '../../../generated/labels';
import { JOIN_NOTE_MAX } from '../../../generated/rules';
import { categoryText, joinLine } from '../../../utils/public-case';
import { dateText } from '../../../utils/time';

/** What a joiner may tell the handlers: the server's note limit, and the photos JoinCaseInput takes. */
export const NOTE_MAX = JOIN_NOTE_MAX;
export const NOTE_PHOTOS = 6;

export const CLOSURE_TEXTS: Readonly<Record<PublicClosure, string>> = {
  rating: '留言人评价后办结',
  officer: '联络员确认办结',
  auto: '答复后到期自动办结',
  merge: '与同类留言合并办理',
};

export interface PublicStep {
  key: 'submitted' | 'accepted' | 'replied' | 'closed';
  label: string;
  date: string;
}

export interface PublicCaseView {
  id: string;
  title: string;
  categoryLabel: string;
  status: CaseStatus;
  stationName: string;
  steps: PublicStep[];
  reply: string;
  closureText: string;
  ratingText: string;
  /** 「附议 3 人」, or '' while nobody joined. */
  joinText: string;
  joinCount: number;
}

/** Only the steps that happened, each with its Beijing date. */
export function publicSteps(c: Pick<PublicCase, 'submittedAt' | 'acceptedAt' | 'repliedAt' | 'closedAt'>, now: Date): PublicStep[] {
  const steps: [PublicStep['key'], string, string | undefined][] = [
    ['submitted', '提交', c.submittedAt],
    ['accepted', '受理', c.acceptedAt],
    ['replied', '答复', c.repliedAt],
    ['closed', '办结', c.closedAt],
  ];
  return steps.filter(([, , at]) => at).map(([key, label, at]) => ({ key, label, date: dateText(at, now) }));
}

export function toPublicCaseView(c: PublicCase, now: Date): PublicCaseView {
  return {
    id: c.id,
    title: c.title,
    categoryLabel: categoryText(c.category),
    status: c.status,
    stationName: c.station.name,
    steps: publicSteps(c, now),
    reply: c.reply ?? '',
    closureText: c.closure ? CLOSURE_TEXTS[c.closure] : '',
    ratingText: c.rating ? `留言人评价：${RATING_LABELS[c.rating]}` : '',
    joinText: joinLine(c.joinCount),
    joinCount: c.joinCount,
  };
}

/** What is wrong with a 补充情况 before it is sent, or ''. */
export function noteProblem(note: string, photoCount: number, photoProblem: string): string {
  const length = [...note.trim()].length;
  if (!length && !photoCount) return '请写下补充的情况，或添加照片';
  if (length > NOTE_MAX) return `补充情况不能超过 ${NOTE_MAX} 个字`;
  return photoProblem;
}

/** The share card: this page, never the resident's own (private) one. */
export function shareOf(view: Pick<PublicCaseView, 'id' | 'title'>, path: string): { title: string; path: string } {
  return { title: `办理公开：${view.title}`, path };
}
