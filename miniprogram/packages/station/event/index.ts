import type { EventView } from '../../../../typings/event';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { QUESTION_MAX, questionProblem, shareOf, toEventPageView } from './view-model';
import type { EventPageView } from './view-model';

type TapEvent<T> = { currentTarget: { dataset: T } };

/** Per page instance, off `data`: which event (to retry) and the last answer (to share). */
const sessions = new WeakMap<object, { id: string; event?: EventView }>();

/** Opened without an id: a mangled link. */
const NO_EVENT: Outcome<EventView> = { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这场活动', hint: '链接可能不完整，请到联络站的「接待安排」中查看' } };

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
    onLoad(options: Record<string, string | undefined>) {
      sessions.set(this, { id: options.id ?? '' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const session = sessions.get(this)!;
      const step = () => (session.id ? callApi('reception', 'event', { receptionId: session.id }) : Promise.resolve(NO_EVENT));
      const found = await this.run(step, (event) => ({ event: toEventPageView(event) }));
      if (!found) return;
      session.event = found;
      wx.setNavigationBarTitle({ title: found.kindLabel });
    },
    /** 我会参加 / 取消报名: the answer is the event as it now stands. */
    async onToggleAttend() {
      const session = sessions.get(this);
      const view = this.data.event;
      if (!session?.event || !view || this.data.attendBusy) return;
      this.setData({ attendBusy: true });
      const answer = await callApi('reception', 'attend', { receptionId: session.event.id, attending: !view.attending });
      if (!answer.ok) {
        this.setData({ attendBusy: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      session.event = answer.data;
      this.setData({ attendBusy: false, event: toEventPageView(answer.data) });
    },
    onQuestion(event: { detail: string }) {
      this.setData({ question: event.detail, formError: '' });
    },
    async onAsk() {
      const session = sessions.get(this);
      if (!session?.event || this.data.submitting) return;
      const problem = questionProblem(this.data.question);
      if (problem) return this.setData({ formError: problem });
      this.setData({ submitting: true, formError: '' });
      const answer = await callApi('reception', 'ask', { receptionId: session.event.id, question: this.data.question.trim() });
      if (!answer.ok) return this.setData({ submitting: false, formError: answer.error.message });
      this.setData({ submitting: false, question: '', asked: true });
      wx.showToast({ title: '问题已提交', icon: 'success' });
    },
    onPreview(event: TapEvent<{ url: string }>) {
      wx.previewImage({ urls: this.data.event?.summary?.photos ?? [], current: event.currentTarget.dataset.url });
    },
    onFindNearby() {
      wx.switchTab({ url: '/pages/stations/index' });
    },
    onShareAppMessage() {
      const event = sessions.get(this)?.event;
      return event ? shareOf(event) : {};
    },
  },
});
