/**
 * 征集意见汇总: the forwarded comments of a closed consultation, per article in article order
 * (总体意见, article 0, first). A comment marked a duplicate is never listed on its own: it adds
 * one to `merged` of the comment it repeats (followed through a chain of duplicates) and one to
 * its article's count, so the count says how many residents raised the point. The office's edit
 * is printed with the original kept beside it. Pure: the use case reads, this decides.
 */
import type { CommentStatus, ConsultationReport, ReportArticle } from '../../../typings/consultation';
import { ANONYMOUS, GENERAL_ARTICLE, GENERAL_LABEL, isCounted } from './consultation.rules';

export type ReportContent = Omit<ConsultationReport, 'pdf' | 'csv'>;

export interface ReportComment {
  readonly id: string;
  readonly status: CommentStatus;
  readonly ownerOpenid: string;
  readonly stationId: string;
  readonly stationName: string;
  readonly articleNo: number;
  readonly text: string;
  readonly editedText?: string;
  readonly printedName?: string;
  readonly occupation?: string;
  readonly duplicateOf?: string;
}

export interface ReportSource {
  readonly consultationId: string;
  readonly title: string;
  readonly askedBy: string;
  readonly closesOn: string;
  readonly articles: readonly { no: number; label: string }[];
  readonly stations: readonly { id: string; name: string }[];
}

/** '张三，退休教师'; the name or the occupation alone; '匿名' when neither was given. */
export function byline(comment: Pick<ReportComment, 'printedName' | 'occupation'>): string {
  return [comment.printedName, comment.occupation].filter(Boolean).join('，') || ANONYMOUS;
}

/** The forwarded comment a duplicate finally repeats, or undefined (a chain ending elsewhere, or a loop). */
function rootOf(comment: ReportComment, byId: ReadonlyMap<string, ReportComment>): ReportComment | undefined {
  let at: ReportComment | undefined = comment;
  for (let hops = 0; at && at.status === 'duplicate' && hops <= byId.size; hops += 1) at = at.duplicateOf ? byId.get(at.duplicateOf) : undefined;
  return at?.status === 'forwarded' ? at : undefined;
}

/** `comments` in the order they are to be listed (the use case reads them oldest first). */
export function compileReport(source: ReportSource, comments: readonly ReportComment[], compiledAt: Date): ReportContent {
  const counted = comments.filter((comment) => isCounted(comment.status));
  const byId = new Map(counted.map((comment) => [comment.id, comment]));
  const merged = new Map<string, number>();
  for (const comment of counted) {
    if (comment.status !== 'duplicate') continue;
    const root = rootOf(comment, byId);
    if (root) merged.set(root.id, (merged.get(root.id) ?? 0) + 1);
  }
  const forwarded = counted.filter((comment) => comment.status === 'forwarded');
  const labels = new Map(source.articles.map((article) => [article.no, article.label]));
  const articleNos = [...new Set(forwarded.map((comment) => comment.articleNo))].sort((a, b) => a - b);
  const articles: ReportArticle[] = articleNos.map((no) => {
    const listed = forwarded.filter((comment) => comment.articleNo === no);
    return {
      articleNo: no,
      label: no === GENERAL_ARTICLE ? GENERAL_LABEL : (labels.get(no) ?? `第${no}条`),
      count: listed.reduce((sum, comment) => sum + 1 + (merged.get(comment.id) ?? 0), 0),
      comments: listed.map((comment) => ({
        id: comment.id,
        station: comment.stationName,
        text: comment.editedText ?? comment.text,
        ...(comment.editedText !== undefined ? { originalText: comment.text } : {}),
        byline: byline(comment),
        merged: merged.get(comment.id) ?? 0,
      })),
    };
  });
  return {
    consultationId: source.consultationId,
    title: source.title,
    askedBy: source.askedBy,
    closesOn: source.closesOn,
    compiledAt: compiledAt.toISOString(),
    stations: source.stations.map((station) => ({ ...station, forwarded: forwarded.filter((comment) => comment.stationId === station.id).length })),
    participants: new Set(counted.flatMap((comment) => (comment.ownerOpenid ? [comment.ownerOpenid] : []))).size,
    received: counted.length,
    forwarded: forwarded.length,
    articles,
  };
}
