/**
 * What the 征集意见汇总 PDF and its CSV share: the content they are made from, the order of its
 * articles and the words that name them, so that both files list the same comments alike.
 */
import type { ConsultationReport, ReportArticle } from '../../typings/consultation';
import { shanghaiDate } from '../domain/calendar';

/** The compiled report before its files exist: what the two writers are given. */
export type ConsultationReportContent = Omit<ConsultationReport, 'pdf' | 'csv'>;

/** 总体意见 (article 0) first, then 第X条 by number, whatever order they were handed in. */
export function articlesInOrder(articles: readonly ReportArticle[]): ReportArticle[] {
  return [...articles].sort((a, b) => a.articleNo - b.articleNo);
}

/** '第五条（3条意见）', '总体意见（2条意见）'. */
export function articleHeading(article: ReportArticle): string {
  return `${article.label}（${article.count}条意见）`;
}

/** The draft's title in book-title marks once, whether or not it came with them. */
export function draftTitle(title: string): string {
  const bare = title.trim().replace(/^《(.*)》$/s, '$1');
  return `《${bare}》`;
}

export const REPORT_WORDS = '征集意见汇总';

export function reportTitle(content: Pick<ConsultationReportContent, 'title'>): string {
  return `${draftTitle(content.title)}${REPORT_WORDS}`;
}

/** '（合并相同意见2条）' when duplicates were merged into the comment; else nothing. */
export function mergedNote(merged: number): string {
  return merged > 0 ? `（合并相同意见${merged}条）` : '';
}

/** The day the report was compiled, in Shanghai: `compiledAt` is an instant or already a day. */
export function compiledOn(compiledAt: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(compiledAt)) return compiledAt;
  const instant = new Date(compiledAt);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${compiledAt}`);
  return shanghaiDate(instant);
}
