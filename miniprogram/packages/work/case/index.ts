import type { CaseDetail } from '../../../../typings/case';
import type { ApiResult } from '../../../../typings/errors';
import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { COMMAND_LABELS } from '../../../generated/labels';
import { caseLoading, NO_PHOTOS } from '../../../utils/case-page';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { beijingDate } from '../inbox/due';
import { askForTaskNoticesOnce, openDeputyLetter, sendCommand, stationDeputies } from './actions';
import { commandCall, EMPTY_FORM, firstProblem, formFieldOf, formProblems, initialCategory, isHandlerCommand, ROUTE_OPTIONS, SHEETS } from './commands';
import type { CommandForm, FieldErrors, HandlerCommand, SheetSpec } from './commands';
import { CATEGORY_CHOICES, toHandlerCaseView } from './view-model';
import type { DeputyOption, HandlerCaseView } from './view-model';

const { sessions, methods: loading } = caseLoading(toHandlerCaseView);
const toast = (title: string) => wx.showToast({ title, icon: 'none' });

/** A case as its handler works it: what was asked, by whom, by when, and the next step. */
definePage({
  data: {
    loading: true,
    view: null as HandlerCaseView | null,
    popup: '' as HandlerCommand | '',
    sheet: null as SheetSpec | null,
    form: { ...EMPTY_FORM } as CommandForm,
    errors: {} as FieldErrors,
    formError: '',
    deputies: [] as DeputyOption[],
    routeOptions: ROUTE_OPTIONS,
    categoryChoices: CATEGORY_CHOICES,
    /** The earliest 办理期限 a transfer may set (Beijing date). */
    tomorrow: '',
    busy: false,
  },
  methods: {
    ...loading,
    onCopyReceipt() {
      if (this.data.view) wx.setClipboardData({ data: this.data.view.receiptNo });
    },
    onCall() {
      if (this.data.view?.phone) wx.makePhoneCall({ phoneNumber: this.data.view.phone, fail: () => undefined });
    },
    onOpenLocation() {
      const location = sessions.get(this)?.detail?.location;
      if (!location) return;
      const [longitude, latitude] = location.point.coordinates;
      wx.openLocation({ latitude, longitude, name: this.data.view?.title, address: location.address ?? '', scale: 17, fail: () => undefined });
    },
    /** The case's photos, or (`urls`) one joiner's. */
    onPreviewPhoto(event: WechatMiniprogram.TouchEvent<{}, {}, { url: string; urls?: string[] }>) {
      const { url, urls } = event.currentTarget.dataset;
      wx.previewImage({ urls: urls ?? this.data.view?.photos ?? [], current: url });
    },
    async onCommand(event: WechatMiniprogram.CustomEvent<{}, {}, { kind: string }>) {
      const kind = event.currentTarget.dataset.kind;
      const s = sessions.get(this);
      if (!s?.detail || !isHandlerCommand(kind)) return;
      // 提为代表建议 opens the suggestion editor, started from this case and linked to it.
      if (kind === 'mark_suggestion') return void wx.navigateTo({ url: `/packages/suggestion/edit/index?fromCaseId=${s.detail.id}` });
      s.photos = NO_PHOTOS;
      const form = { ...EMPTY_FORM, from: kind === 'record_answer' ? (s.detail.transfer?.receivingBody ?? '') : '', category: initialCategory(s.detail.category) };
      this.setData({ popup: kind, sheet: SHEETS[kind], form, errors: {}, formError: '', tomorrow: beijingDate(now(), 1) });
      if (SHEETS[kind].deputy) {
        const deputies = await stationDeputies(s.detail.station.id);
        if (deputies.ok) this.setData({ deputies: deputies.data, ...(deputies.data.length ? {} : { formError: '本站还没有驻站代表' }) });
        else this.setData({ formError: deputies.error.message });
      }
    },
    onClosePopup() {
      this.setData({ popup: '' });
    },
    onFormField(event: { detail: string; currentTarget: { dataset: { field: keyof CommandForm } } }) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '', formError: '' });
    },
    /** A whole row of a choice list (category, deputy, route) picks its value, not only the round icon. */
    onPick(event: { currentTarget: { dataset: { field: 'category' | 'deputyId' | 'route'; value: string } } }) {
      const { field, value } = event.currentTarget.dataset;
      this.setData({ [`form.${field}`]: value, [`errors.${field}`]: '', formError: '' });
    },
    onDeadline(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.deadline': String(event.detail.value), 'errors.deadline': '', formError: '' });
    },
    onPhotos(event: { detail: PhotoSummary }) {
      sessions.get(this)!.photos = event.detail;
      this.setData({ 'errors.photos': '' });
    },
    async onSend() {
      const { popup, form, busy, tomorrow } = this.data;
      const s = sessions.get(this)!;
      if (busy || !popup || !s.detail) return;
      const errors = formProblems(popup, form, { photoProblem: photoProblem(s.photos), tomorrow });
      if (firstProblem(errors)) return this.setData({ errors, formError: firstProblem(errors) });
      // Before any await: WeChat shows the prompt only in answer to a tap.
      const asked = askForTaskNoticesOnce();
      this.setData({ busy: true });
      await asked;
      const call = commandCall(
        popup,
        form,
        { caseId: s.detail.id, version: s.detail.version },
        s.photos.photos.map((p) => p.fileId),
        s.detail.category,
      );
      await this.settle(await sendCommand(call), `已${COMMAND_LABELS[popup]}`);
    },
    async settle(answer: ApiResult<CaseDetail>, done: string) {
      this.setData({ busy: false });
      if (answer.ok) {
        this.setData({ ...this.shown(answer.data), popup: '' });
        toast(done);
      } else if (answer.error.code === 'CONFLICT') {
        // Someone acted first (another officer, the resident): show what is true now.
        this.setData({ popup: '' });
        await this.load(true);
        toast('留言有了新的变化，已刷新');
      } else {
        const field = formFieldOf(answer.error.field);
        this.setData({ formError: answer.error.message, ...(field ? { [`errors.${field}`]: answer.error.message } : {}) });
      }
    },
    async onLetter() {
      const s = sessions.get(this);
      if (!s?.detail || this.data.busy) return;
      this.setData({ busy: true });
      wx.showLoading({ title: '正在生成代表函', mask: true });
      const opened = await openDeputyLetter(s.detail.id);
      wx.hideLoading();
      this.setData({ busy: false });
      if (!opened.ok) toast(opened.error.message);
    },
  },
});
