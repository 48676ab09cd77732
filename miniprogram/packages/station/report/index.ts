import type { RatingValue } from '../../../../typings/case';
import type { ReportDetail } from '../../../../typings/report';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { linkedRecord } from '../../../utils/linked-page';
import { now } from '../../../utils/time';
import { COMMENT_MAX, RATING_OPTIONS, ratingProblem, shareOf, toReportView } from './view-model';
import type { ReportView } from './view-model';

type TapEvent<T> = { currentTarget: { dataset: T } };

const linked = linkedRecord<ReportDetail>({
  // Opened without an id: a mangled link.
  notFound: { code: 'NOT_FOUND', message: '没有找到这份述职报告', hint: '链接可能不完整，请到联络站的「述职报告」中查看' },
  read: (reportId) => callApi('report', 'get', { reportId }),
  show: (found) => ({ report: toReportView(found, now()) }),
  share: shareOf,
});

/** 述职报告: the deputy's report to the voters, its duty figures and the voters' ratings. */
definePage({
  data: {
    loading: true,
    report: null as ReportView | null,
    options: RATING_OPTIONS,
    commentMax: COMMENT_MAX,
    rating: '' as RatingValue | '',
    comment: '',
    formError: '',
    submitting: false,
  },
  methods: {
    ...linked.methods,
    onPreview(event: TapEvent<{ url: string }>) {
      wx.previewImage({ urls: this.data.report?.photos ?? [], current: event.currentTarget.dataset.url });
    },
    onChoose(event: TapEvent<{ value: RatingValue }>) {
      this.setData({ rating: event.currentTarget.dataset.value, formError: '' });
    },
    onComment(event: { detail: string }) {
      this.setData({ comment: event.detail, formError: '' });
    },
    async onSubmit() {
      const detail = linked.current(this);
      if (!detail || this.data.submitting) return;
      const { rating, comment } = this.data;
      const problem = ratingProblem(rating, comment);
      if (problem || !rating) return this.setData({ formError: problem });
      this.setData({ submitting: true, formError: '' });
      const text = comment.trim();
      const answer = await callApi('report', 'rate', { reportId: detail.id, rating, ...(text ? { comment: text } : {}) });
      if (!answer.ok) return this.setData({ submitting: false, formError: answer.error.message });
      linked.remember(this, answer.data);
      this.setData({ submitting: false, report: toReportView(answer.data, now()), rating: '', comment: '' });
      wx.showToast({ title: '感谢您的评价', icon: 'success' });
    },
  },
});
