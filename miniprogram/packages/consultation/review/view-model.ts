/**
 * 处理意见: a consultation's comments as officers and the office go through them — the status
 * tabs with their counts, the article filter, each comment with who gave it and what may be done
 * to it now. Pure: unit-tested in test/miniprogram/consultation-office-view-models.test.ts.
 */
import type { CommentStatus, CommentView, ConsultationArticle, ConsultationDetail, ListCommentsInput } from '../../../../typings/consultation';
import { ADOPTED_LABEL, commentTone, COMMENT_STATUS_LABELS, GENERAL_LABEL } from '../common/labels';
import type { Tone } from '../common/labels';

export type ReviewRole = 'officer' | 'admin';

/** The tabs, in the order work is done: what waits first, then what was decided, then the rest. */
export const TAB_STATUSES: readonly CommentStatus[] = ['submitted', 'forwarded', 'duplicate', 'declined', 'pending', 'withdrawn'];
const TAB_LABELS: Readonly<Partial<Record<CommentStatus, string>>> = { submitted: '待处理', duplicate: '重复' };

export interface TabView {
  status: CommentStatus;
  label: string;
  count: number;
}

export function tabsOf(counts: Partial<Record<CommentStatus, number>>): TabView[] {
  return TAB_STATUSES.map((status) => ({ status, label: TAB_LABELS[status] ?? COMMENT_STATUS_LABELS[status], count: counts[status] ?? 0 }));
}

export interface ArticleChoice {
  /** -1: every article; 0: 总体意见. */
  no: number;
  label: string;
}

export const ALL_ARTICLES: ArticleChoice = { no: -1, label: '全部条款' };

export function articleChoices(articles: readonly Pick<ConsultationArticle, 'no' | 'label'>[]): ArticleChoice[] {
  return [ALL_ARTICLES, { no: 0, label: GENERAL_LABEL }, ...articles.map((a) => ({ no: a.no, label: a.label }))];
}

export function commentsInput(consultationId: string, filter: { stationId?: string; status: CommentStatus; articleNo: number }, page: number): ListCommentsInput {
  return {
    consultationId,
    ...(filter.stationId ? { stationId: filter.stationId } : {}),
    status: filter.status,
    ...(filter.articleNo >= 0 ? { articleNo: filter.articleNo } : {}),
    page,
  };
}

/** What each party may do to a comment now. */
export interface CommentActions {
  review: boolean;
  edit: boolean;
  adopt: boolean;
}

export interface CommentItem {
  id: string;
  articleLabel: string;
  text: string;
  /** The office's light edit, shown beside the original. */
  editedText: string;
  byline: string;
  contactText: string;
  stationName: string;
  statusLabel: string;
  tone: Tone;
  /** '联络员代为记录' for one recorded in person. */
  recordedText: string;
  /** '不报送理由：…' / '与另一条意见重复：…' / '已采纳：…'. */
  noteText: string;
  adopted: boolean;
  actions: CommentActions;
}

const REVIEWABLE: readonly CommentStatus[] = ['submitted', 'forwarded', 'duplicate', 'declined'];

export function actionsFor(c: Pick<CommentView, 'status' | 'adoption'>, role: ReviewRole, detail: Pick<ConsultationDetail, 'status' | 'can'>): CommentActions {
  return {
    // Officers decide until the report is compiled; a decision can be changed.
    review: role === 'officer' && detail.can.review && REVIEWABLE.includes(c.status),
    // The office edits forwarded ones for the report, after closing and before compiling.
    edit: role === 'admin' && detail.status === 'closed' && c.status === 'forwarded',
    adopt: role === 'admin' && detail.can.adopt && c.status === 'forwarded' && !c.adoption,
  };
}

export function bylineOf(c: Pick<CommentView, 'printedName' | 'occupation'>): string {
  return [c.printedName, c.occupation].filter(Boolean).join(' · ') || '匿名';
}

export function toCommentItem(c: CommentView, role: ReviewRole, detail: Pick<ConsultationDetail, 'status' | 'can'>, known: ReadonlyMap<string, CommentView>): CommentItem {
  const repeated = c.duplicateOf ? known.get(c.duplicateOf) : undefined;
  const notes = [
    c.declineReason ? `不报送理由：${c.declineReason}` : '',
    c.duplicateOf ? `与另一条意见重复${repeated ? `：${excerpt(repeated.text)}` : ''}` : '',
    c.adoption ? `${ADOPTED_LABEL}：${c.adoption.note}` : '',
  ];
  return {
    id: c.id,
    articleLabel: c.articleLabel,
    text: c.text,
    editedText: c.editedText ?? '',
    byline: bylineOf(c),
    contactText: c.contact ? `联系方式：${[c.contact.name, c.contact.phone].filter(Boolean).join(' ')}` : '',
    stationName: c.station.name,
    statusLabel: COMMENT_STATUS_LABELS[c.status] ?? '',
    tone: c.adoption ? 'success' : commentTone(c.status),
    recordedText: c.recordedBy === 'officer' ? '联络员代为记录' : '',
    noteText: notes.filter(Boolean).join('；'),
    adopted: Boolean(c.adoption),
    actions: actionsFor(c, role, detail),
  };
}

/** The first words of a comment, to tell it apart in a list. */
export function excerpt(text: string, chars = 24): string {
  return text.length > chars ? `${text.slice(0, chars)}…` : text;
}

/** What a duplicate may repeat: the loaded comments of the consultation, not itself, not duplicates themselves. */
export function duplicateChoices(known: Iterable<CommentView>, selfId: string): { id: string; label: string }[] {
  return [...known]
    .filter((c) => c.id !== selfId && c.status !== 'duplicate' && c.status !== 'withdrawn' && c.status !== 'pending')
    .map((c) => ({ id: c.id, label: `${c.articleLabel} · ${excerpt(c.text)}` }));
}
