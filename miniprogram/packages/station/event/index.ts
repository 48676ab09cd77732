import type { EventView } from '../../../../typings/event';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { linkedRecord } from '../../../utils/linked-page';
import { QUESTION_MAX, questionProblem, shareOf, toEventPageView } from './view-model';
import type { EventPageView } from './view-model';

type TapEvent<T> = { currentTarget: { dataset: T } };

const linked = linkedRecord<EventView>({
  // Opened without an id: a mangled link.
  notFound: { code: 'NOT_FOUND', message: '没有找到这场活动', hint: '链接可能不完整，请到联络站的「接待安排」中查看' },
  read: (receptionId) => callApi('reception', 'event', { receptionId }),
  show: (event) => ({ event: toEventPageView(event) }),
  share: shareOf,
  opened: (event) => wx.setNavigationBarTitle({ title: event.kindLabel }),
});

/** 代表论坛 / 约见一府两院: when and where, 我会参加, a question in advance, and the 活动回顾 afterwards. */
definePage({
  data: {
    loading: true,
    event: null as EventPageView | null,
    questionMax: QUESTION_MAX,
    question: '',
    formError: '',
    asked: false,
    attendBusy: false,
    submitting: false,
  },
  methods: {
    ...linked.methods,
    /** 我会参加 / 取消报名: the answer is the event as it now stands. */
    async onToggleAttend() {
      const event = linked.current(this);
      const view = this.data.event;
      if (!event || !view || this.data.attendBusy) return;
      this.setData({ attendBusy: true });
      const answer = await callApi('reception', 'attend', { receptionId: event.id, attending: !view.attending });
      if (!answer.ok) {
        this.setData({ attendBusy: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      linked.remember(this, answer.data);
      this.setData({ attendBusy: false, event: toEventPageView(answer.data) });
    },
    onQuestion(event: { detail: string }) {
      this.setData({ question: event.detail, formError: '' });
    },
    async onAsk() {
      const event = linked.current(this);
      if (!event || this.data.submitting) return;
      const problem = questionProblem(this.data.question);
      if (problem) return this.setData({ formError: problem });
      this.setData({ submitting: true, formError: '' });
      const answer = await callApi('reception', 'ask', { receptionId: event.id, question: this.data.question.trim() });
      if (!answer.ok) return this.setData({ submitting: false, formError: answer.error.message });
      this.setData({ submitting: false, question: '', asked: true });
      wx.showToast({ title: '问题已提交', icon: 'success' });
    },
    onPreview(event: TapEvent<{ url: string }>) {
      wx.previewImage({ urls: this.data.event?.summary?.photos ?? [], current: event.currentTarget.dataset.url });
    },
    /** The station's officers and the event's deputies: the questions sent in advance. */
    onOpenQuestions() {
      const url = this.data.event?.questionsUrl;
      if (url) wx.navigateTo({ url });
    },
  },
});
