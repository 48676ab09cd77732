/**
 * What each caller is shown. A comment's contact is seen by its resident, the officers of its
 * station and the office only; the officer who recorded it is not told who claimed it. Residents
 * read the published counts, never another resident's comment (the use cases give them no list
 * but their own). Pure.
 */
import type { CommentView, ConsultationArticle, ConsultationDetail, ConsultationStatus, ConsultationSummary } from '../../../typings/consultation';
import { consultationStatus } from './consultation.clock';
import { articleKey, type CommentDocument, type ConsultationDocument } from './consultation.model';
import { CONSULTATION_RULES, GENERAL_ARTICLE } from './consultation.rules';

/** Who is looking at a comment. */
export type CommentViewer = 'owner' | 'officer' | 'office' | 'other';

const SEES_CONTACT: readonly CommentViewer[] = ['owner', 'officer', 'office'];

export function commentView(doc: CommentDocument, viewer: CommentViewer, consultation: ConsultationStatus): CommentView {
  return {
    id: doc._id,
    consultation: { id: doc.consultationId, title: doc.consultationTitle, status: consultation },
    station: { id: doc.stationId, name: doc.stationName },
    articleNo: doc.articleNo,
    articleLabel: doc.articleLabel,
    text: doc.text,
    ...(doc.editedText !== undefined ? { editedText: doc.editedText } : {}),
    ...(doc.printedName ? { printedName: doc.printedName } : {}),
    ...(doc.occupation ? { occupation: doc.occupation } : {}),
    ...(doc.contact && SEES_CONTACT.includes(viewer) ? { contact: { ...doc.contact } } : {}),
    status: doc.status,
    ...(doc.declineReason ? { declineReason: doc.declineReason } : {}),
    ...(doc.duplicateOf ? { duplicateOf: doc.duplicateOf } : {}),
    recordedBy: doc.recordedBy,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.adoption ? { adoption: { note: doc.adoption.note, at: doc.adoption.at.toISOString() } } : {}),
    canWithdraw: viewer === 'owner' && doc.status === 'submitted' && consultation === 'open',
  };
}

type Summarised = Pick<
  ConsultationDocument,
  '_id' | 'title' | 'askedBy' | 'closesOn' | 'publishedAt' | 'reportedAt' | 'articles' | 'comments' | 'participants' | 'adopted'
> & { articleCount?: number };

export function consultationSummary(doc: Summarised, now: Date): ConsultationSummary {
  return {
    id: doc._id,
    title: doc.title,
    askedBy: doc.askedBy,
    status: consultationStatus(doc, now),
    closesOn: doc.closesOn,
    publishedAt: doc.publishedAt.toISOString(),
    articleCount: doc.articleCount ?? doc.articles.length,
    comments: doc.comments,
    participants: doc.participants,
    adopted: doc.adopted,
  };
}

/** One page of articles with their counts. */
export function articlePage(doc: Pick<ConsultationDocument, 'articles' | 'articleCounts'>, page: number): { articles: ConsultationArticle[]; hasMore: boolean } {
  const size = CONSULTATION_RULES.pageSize;
  const slice = doc.articles.slice(page * size, (page + 1) * size);
  return {
    articles: slice.map((article) => ({ ...article, comments: doc.articleCounts[articleKey(article.no)] ?? 0 })),
    hasMore: doc.articles.length > (page + 1) * size,
  };
}

export function consultationDetail(
  doc: ConsultationDocument,
  page: number,
  attachments: ConsultationDetail['attachments'],
  can: ConsultationDetail['can'],
  now: Date,
): ConsultationDetail {
  const articles = articlePage(doc, page);
  return {
    ...consultationSummary(doc, now),
    summary: doc.summary,
    attachments,
    stations: doc.stations.map((station) => ({ ...station })),
    generalComments: doc.articleCounts[articleKey(GENERAL_ARTICLE)] ?? 0,
    articles: articles.articles,
    articlePage: page,
    hasMoreArticles: articles.hasMore,
    can,
  };
}

/**
 * The station list's order: open ones first, the nearest closing first; then the rest, the
 * latest closing first.
 */
export function listOrder<T extends { status: ConsultationStatus; closesOn: string; publishedAt: string }>(items: readonly T[]): T[] {
  const open = items.filter((item) => item.status === 'open').sort((a, b) => a.closesOn.localeCompare(b.closesOn) || b.publishedAt.localeCompare(a.publishedAt));
  const rest = items.filter((item) => item.status !== 'open').sort((a, b) => b.closesOn.localeCompare(a.closesOn) || b.publishedAt.localeCompare(a.publishedAt));
  return [...open, ...rest];
}
