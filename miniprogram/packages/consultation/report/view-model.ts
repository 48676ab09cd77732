/**
 * 征集意见汇总 as its page shows it: the figures, the stations with what each forwarded, and per
 * article the count with the comments folded under it; before compiling, what can be done yet.
 * Pure: unit-tested in test/miniprogram/consultation-office-view-models.test.ts.
 */
import type { ConsultationDetail, ConsultationReport } from '../../../../typings/consultation';
import { dateTimeText } from '../../../utils/time';
import { closesOnText } from '../common/labels';

export interface ReportComment {
  id: string;
  text: string;
  /** As submitted, when the office edited it; '' otherwise. */
  originalText: string;
  byline: string;
  station: string;
  /** '另有 2 条相同意见已合并'; ''. */
  mergedText: string;
}

export interface ReportArticleView {
  no: number;
  label: string;
  countText: string;
  open: boolean;
  comments: ReportComment[];
}

export interface ReportView {
  title: string;
  askedBy: string;
  compiledText: string;
  figures: { key: string; label: string; value: string }[];
  stations: { id: string; name: string; line: string }[];
  articles: ReportArticleView[];
  pdfUrl: string;
  csvUrl: string;
}

export function toReportView(r: ConsultationReport, now: Date): ReportView {
  return {
    title: r.title,
    askedBy: r.askedBy,
    compiledText: `${closesOnText(r.closesOn)} · ${dateTimeText(r.compiledAt, now)}汇总`,
    figures: [
      { key: 'participants', label: '参与群众', value: `${r.participants} 人` },
      { key: 'received', label: '收到意见', value: `${r.received} 条` },
      { key: 'forwarded', label: '报送意见', value: `${r.forwarded} 条` },
    ],
    stations: r.stations.map((s) => ({ id: s.id, name: s.name, line: `报送 ${s.forwarded} 条` })),
    articles: r.articles.map((a) => ({
      no: a.articleNo,
      label: a.label,
      countText: `${a.count} 条`,
      open: false,
      comments: a.comments.map((c) => ({
        id: c.id,
        text: c.text,
        originalText: c.originalText ?? '',
        byline: c.byline,
        station: c.station,
        mergedText: c.merged ? `另有 ${c.merged} 条相同意见已合并` : '',
      })),
    })),
    pdfUrl: r.pdf.url,
    csvUrl: r.csv.url,
  };
}

/** Before a report exists: what the page says, and whether 生成汇总 is offered. */
export function beforeReport(d: Pick<ConsultationDetail, 'status' | 'closesOn' | 'can'>): { text: string; canCompile: boolean } {
  if (d.status === 'open') return { text: `征集还没有截止（${closesOnText(d.closesOn)}），截止后才能生成汇总`, canCompile: false };
  if (d.can.compile) return { text: '征集已截止。生成汇总会把各联络站报送的意见按条款整理成 PDF 和 CSV', canCompile: true };
  return { text: '征集已截止，区人大常委会汇总后可以在这里查看', canCompile: false };
}
