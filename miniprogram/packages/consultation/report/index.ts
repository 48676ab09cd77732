import { callApi } from '../../../services/api-client';
import { openPdf } from '../../../services/pdf-files';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { now } from '../../../utils/time';
import { openReport } from './load';
import { beforeReport, toReportView } from './view-model';
import type { ReportView } from './view-model';

/** Not rendered: the consultation shown. */
const ids = new WeakMap<object, string>();
const toast = (title: string) => wx.showToast({ title, icon: 'none' });

/** 征集意见汇总: 生成汇总 once closed, then the report per article with its PDF and CSV. */
definePage({
  data: {
    loading: true,
    title: '',
    report: null as ReportView | null,
    beforeText: '',
    canCompile: false,
    canAdopt: false,
    compiling: false,
    compileProblem: '',
  },
  methods: {
    ...reloadMethods,
    onLoad(query: Record<string, string | undefined>) {
      ids.set(this, query.id ?? '');
      return this.load();
    },
    async load() {
      await this.run(
        () => openReport(ids.get(this)!),
        ({ detail, report }) => ({
          title: detail.title,
          report: report ? toReportView(report, now()) : null,
          beforeText: beforeReport(detail).text,
          canCompile: report ? detail.can.compile : beforeReport(detail).canCompile,
          canAdopt: detail.can.adopt,
        }),
      );
    },
    /** 生成汇总 / 重新生成: the server compiles the forwarded comments again and stores the files. */
    async onCompile() {
      if (this.data.compiling) return;
      this.setData({ compiling: true, compileProblem: '' });
      const answer = await callApi('consultation', 'compile', { consultationId: ids.get(this)! });
      if (!answer.ok) return this.setData({ compiling: false, compileProblem: answer.error.message });
      this.setData({ compiling: false, report: toReportView(answer.data, now()) });
      wx.showToast({ title: '汇总已生成', icon: 'success' });
    },
    onFold(event: { currentTarget: { dataset: { index: number } } }) {
      const index = Number(event.currentTarget.dataset.index);
      const article = this.data.report?.articles[index];
      if (article) this.setData({ [`report.articles[${index}].open`]: !article.open });
    },
    async onOpenPdf() {
      const url = this.data.report?.pdfUrl;
      if (!url) return;
      const opened = await openPdf(url, '意见汇总');
      if (!opened.ok) toast(opened.error.message);
    },
    onCopyCsv() {
      const url = this.data.report?.csvUrl;
      if (!url) return;
      wx.setClipboardData({ data: url, success: () => toast('CSV 链接已复制，可在电脑浏览器打开') });
    },
    /** 标记采纳: the forwarded comments, where the office marks the adopted ones. */
    onAdopt() {
      wx.navigateTo({ url: `/packages/consultation/review/index?id=${encodeURIComponent(ids.get(this)!)}&status=forwarded` });
    },
  },
});
