import type { CaseDetail, RatingValue } from '../../../../typings/case';
import type { ApiResult } from '../../../../typings/errors';
import { notify } from '../../../components/case-notify/notify';
import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { callApi } from '../../../services/api-client';
import { askForNotices } from '../../../services/subscribe';
import { publicCaseUrl } from '../../../pages/stations/routes';
import { caseLoading, NO_PHOTOS } from '../../../utils/case-page';
import { definePage } from '../../../utils/define-page';
import { commandProblem, EMPTY_COMMAND_FORM, RATING_OPTIONS, SHEET_TITLES, TEXT_MAX, toCaseView } from './view-model';
import type { CaseView, CommandForm, Popup } from './view-model';

const { sessions, methods: loading } = caseLoading(toCaseView);
/** --color-danger of app.wxss: WeChat's modal takes a colour value, not a CSS variable. */
const DANGER_COLOR = '#c41a16';

/** A case: where it stands, everything that happened, and what I can do next. */
definePage({
  data: {
    loading: true,
    view: null as CaseView | null,
    popup: '' as Popup,
    form: { ...EMPTY_COMMAND_FORM } as CommandForm,
    formError: '',
    ratingOptions: RATING_OPTIONS,
    sheetTitles: SHEET_TITLES,
    textMax: TEXT_MAX,
    busy: false,
  },
  methods: {
    ...loading,
    /** 分享给家人 opens the public page, never this one: this page is the resident's alone. */
    onShareAppMessage() {
      const view = this.data.view;
      if (view?.shareable) return { title: `我反映的问题：${view.title}`, path: publicCaseUrl(sessions.get(this)!.caseId) };
      return { title: '人大代表联络站：找代表、提建议', path: '/pages/stations/index' };
    },
    onCopyReceipt() {
      if (this.data.view) wx.setClipboardData({ data: this.data.view.receiptNo });
    },
    onPreviewPhoto(event: WechatMiniprogram.TouchEvent<{}, {}, { url: string }>) {
      wx.previewImage({ urls: this.data.view?.photos ?? [], current: event.currentTarget.dataset.url });
    },
    onOpen(event: WechatMiniprogram.CustomEvent<{}, {}, { popup: Popup }>) {
      this.open(event.currentTarget.dataset.popup);
    },
    open(popup: Popup) {
      sessions.get(this)!.photos = NO_PHOTOS;
      this.setData({ popup, form: { ...EMPTY_COMMAND_FORM }, formError: '' });
    },
    onClosePopup() {
      this.setData({ popup: '' });
    },
    onFormField(event: { detail: string; currentTarget: { dataset: { field: keyof CommandForm } } }) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail, formError: '' });
    },
    onSupplementPhotos(event: { detail: PhotoSummary }) {
      sessions.get(this)!.photos = event.detail;
    },
    async onWithdraw() {
      const { confirm } = await wx
        .showModal({ title: '撤回留言', content: '撤回后联络员将不再处理这件留言，确定撤回吗？', confirmText: '撤回', confirmColor: DANGER_COLOR })
        .catch(() => ({ confirm: false }));
      const detail = sessions.get(this)?.detail;
      if (confirm && detail) await this.settle(callApi('case', 'withdraw', { caseId: detail.id, version: detail.version }), '留言已撤回');
    },
    async onSend() {
      const { popup, form, busy } = this.data;
      const s = sessions.get(this)!;
      if (busy || !s.detail) return;
      const problem = commandProblem(popup, form, photoProblem(s.photos));
      if (problem) return this.setData({ formError: problem });
      // One 允许 allows one notice: each tap that moves the case asks again, straight from the
      // tap (before any await), and the answer is recorded before the command, so the notice
      // of this very change (e.g. 已办结 after a rating) can go out.
      await askForNotices(['caseStatusChanged', 'caseReplied']);
      const ref = { caseId: s.detail.id, version: s.detail.version };
      const comment = form.comment.trim();
      const ids = s.photos.photos.map((p) => p.fileId);
      if (popup === 'supplement') {
        await this.settle(callApi('case', 'supplement', { ...ref, note: form.note.trim(), ...(ids.length ? { photoFileIds: ids } : {}) }), '补充说明已提交');
      } else if (popup === 'rate') {
        const rated = await this.settle(callApi('case', 'rate', { ...ref, rating: form.rating as RatingValue, ...(comment ? { comment } : {}) }), '感谢您的评价');
        // 不满意: offer 重办 straight away, while the person still has the reason in mind.
        if (rated && this.data.view?.actions.reopen) this.open('reopen');
      } else if (popup === 'reopen') {
        await this.settle(callApi('case', 'reopen', { ...ref, reason: form.reason.trim() }), '已申请重办');
      }
    },
    /** Every command answers the new CaseDetail: shown as it is, no second request. */
    async settle(call: Promise<ApiResult<CaseDetail>>, done: string): Promise<boolean> {
      this.setData({ busy: true });
      const answer = await call;
      this.setData({ busy: false });
      if (answer.ok) {
        this.setData({ ...this.shown(answer.data), popup: '' });
        notify(this, done, 'success');
        return true;
      }
      if (answer.error.code === 'CONFLICT') {
        // Someone acted first (the officer answered, another phone rated): show what is true now.
        this.setData({ popup: '' });
        await this.load(true);
        notify(this, '内容已更新，请查看最新进度', 'warning');
        return false;
      }
      if (this.data.popup) this.setData({ formError: answer.error.message });
      notify(this, answer.error.message);
      return false;
    },
  },
});
