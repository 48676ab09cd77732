/**
 * A consultation as its page shows it: the heading, counts and attachments, then the articles
 * under their chapter headings, each folded to its first words until tapped, paged by 20.
 * Pure: unit-tested in test/miniprogram/consultation-view-models.test.ts.
 */
import type { ConsultationArticle, ConsultationDetail } from '../../../../typings/consultation';
import { toConsultationRow, type ConsultationRow } from '../../../utils/consultation-view';

/** How much of an article shows folded: about two lines on a 375 px phone. */
export const PREVIEW_CHARS = 40;

export interface ArticleRow {
  no: number;
  label: string;
  /** The chapter's heading, on the first article of each chapter only; '' otherwise. */
  chapterHeading: string;
  /** The first words, with '…' when there is more; the whole text when it is short. */
  preview: string;
  text: string;
  /** Whether there is more to unfold than the preview shows. */
  long: boolean;
  open: boolean;
  commentsText: string;
}

export interface DetailView extends ConsultationRow {
  summary: string;
  photos: string[];
  pdfs: { url: string; label: string }[];
  generalText: string;
  articleCount: number;
  canComment: boolean;
  /** 审核意见 for the stations' officers; 汇总报告 for the office (and once compiled). */
  canReview: boolean;
  canReport: boolean;
}

export function previewOf(text: string): { preview: string; long: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > PREVIEW_CHARS ? { preview: `${chars.slice(0, PREVIEW_CHARS).join('')}…`, long: true } : { preview: flat, long: false };
}

/** `previousChapter`: the chapter of the last article already shown, so a page that continues a chapter does not repeat its heading. */
export function toArticleRows(articles: readonly ConsultationArticle[], previousChapter = ''): ArticleRow[] {
  let chapter = previousChapter;
  return articles.map((a) => {
    const heading = a.chapter && a.chapter !== chapter ? a.chapter : '';
    chapter = a.chapter ?? '';
    return { no: a.no, label: a.label, chapterHeading: heading, ...previewOf(a.text), text: a.text, open: false, commentsText: `意见 ${a.comments} 条` };
  });
}

export function toDetailView(d: ConsultationDetail): DetailView {
  return {
    ...toConsultationRow(d),
    summary: d.summary,
    photos: d.attachments.filter((f) => f.kind === 'photo').map((f) => f.url),
    pdfs: d.attachments.filter((f) => f.kind === 'pdf').map((f, i) => ({ url: f.url, label: `PDF 附件 ${i + 1}` })),
    generalText: `总体意见 ${d.generalComments} 条`,
    articleCount: d.articleCount,
    canComment: d.can.comment,
    canReview: d.can.review,
    canReport: d.can.compile || d.can.adopt,
  };
}

/** The station a comment is given at: the one it was opened from, else the only one taking part, else '' (the form asks). */
export function stationFor(d: Pick<ConsultationDetail, 'stations'>, fromQuery?: string): string {
  if (fromQuery && d.stations.some((s) => s.id === fromQuery)) return fromQuery;
  return d.stations.length === 1 ? d.stations[0].id : '';
}

export function commentUrl(consultationId: string, articleNo: number, stationId: string): string {
  const station = stationId ? `&stationId=${encodeURIComponent(stationId)}` : '';
  return `/packages/consultation/comment/index?id=${encodeURIComponent(consultationId)}&articleNo=${articleNo}${station}`;
}
