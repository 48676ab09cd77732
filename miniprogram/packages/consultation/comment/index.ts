import type { CommentView, ConsultationDetail } from '../../../../typings/consultation';
import { callApi } from '../../../services/api-client';
import { askForNotices, loadNoticeTemplates } from '../../../services/subscribe';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { COMMENT_LIMITS } from '../common/limits';
import { stationFor } from '../detail/view-model';
import { openCommentForm } from './load';
import { CLOSED_TEXT, commentInput, commentProblems, commentTarget, EMPTY_FORM, fieldOf, firstProblem } from './view-model';
import type { CommentErrors, CommentForm } from './view-model';

/** Not rendered: the consultation, the station and article, the requestId every retry sends again. */
const sessions = new WeakMap<object, { id?: string; articleNo: number; stationId?: string; detail?: ConsultationDetail; requestId: string; asked: boolean }>();

/** 提意见: a resident's comment on one article or the whole draft, anonymous unless they sign it. */
definePage({
  data: {
    loading: true,
    title: '',
    target: null as { label: string; text: string } | null,
    closed: false,
    closedText: CLOSED_TEXT,
    stations: [] as { id: string; name: string }[],
    stationIndex: -1,
    form: { ...EMPTY_FORM } as CommentForm,
    errors: {} as CommentErrors,
    formError: '',
    limits: COMMENT_LIMITS,
    sending: false,
    sent: null as { label: string } | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, { id: query.id, articleNo: Number(query.articleNo) || 0, stationId: query.stationId, requestId: '', asked: false });
      void loadNoticeTemplates(); // ready before 提交, which must open the prompt at once
      return this.load();
    },
    ...reloadMethods,
    async load() {
      const s = sessions.get(this)!;
      const opened = await this.run(
        () => openCommentForm(s.id, s.articleNo),
        ({ detail }) => {
          const stationId = stationFor(detail, s.stationId);
          return {
            title: detail.title,
            target: commentTarget(detail, s.articleNo),
            closed: !detail.can.comment,
            stations: detail.stations,
            stationIndex: detail.stations.findIndex((st) => st.id === stationId),
          };
        },
      );
      if (!opened) return;
      s.detail = opened.detail;
      s.requestId ||= opened.requestId;
    },
    onField(event: { detail: string; currentTarget: { dataset: { field: keyof CommentForm } } }) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail ?? '', [`errors.${field}`]: '', formError: '' });
    },
    onStation(event: WechatMiniprogram.PickerChange) {
      this.setData({ stationIndex: Number(event.detail.value), 'errors.stationId': '', formError: '' });
    },
    async onSubmit() {
      const s = sessions.get(this);
      if (!s?.detail || this.data.sending || this.data.closed) return;
      const stationId = this.data.stations[this.data.stationIndex]?.id ?? '';
      const errors = commentProblems(this.data.form, stationId);
      if (firstProblem(errors)) return this.setData({ errors, formError: firstProblem(errors) });
      // Before any await: WeChat shows the prompt only in answer to a tap; its answer never stops the comment.
      const asked = s.asked ? Promise.resolve({}) : askForNotices(['caseStatusChanged']);
      s.asked = true;
      this.setData({ sending: true, formError: '' });
      await asked;
      const answer = await callApi(
        'consultation',
        'comment',
        commentInput(this.data.form, { requestId: s.requestId, consultationId: s.detail.id, stationId, articleNo: s.articleNo }),
      );
      if (answer.ok) return this.setData({ sending: false, sent: this.sentView(answer.data) });
      if (answer.error.code === 'ILLEGAL_TRANSITION') return this.setData({ sending: false, closed: true, formError: '' });
      const field = fieldOf(answer.error.field);
      this.setData({ sending: false, formError: answer.error.message, ...(field ? { [`errors.${field}`]: answer.error.message } : {}) });
    },
    sentView(comment: CommentView) {
      return { label: comment.articleLabel };
    },
    onOpenMine() {
      wx.redirectTo({ url: '/packages/consultation/mine/index' });
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  },
});
