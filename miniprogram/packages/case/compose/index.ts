import type { SubmitCaseOutput } from '../../../../typings/case';
import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { notify } from '../../../components/case-notify/notify';
import type { StoredVoice, VoiceSummary } from '../../../components/voice-recorder/recording';
import { callApi } from '../../../services/api-client';
import { clearDraft, saveDraft } from '../../../services/draft';
import { askForNotices, loadNoticeTemplates } from '../../../services/subscribe';
import { definePage } from '../../../utils/define-page';
import { openCompose } from './open';
import { CATEGORY_OPTIONS, consentOf, EMPTY_FORM, fieldOf, firstError, isBlank, LIMITS, openedView, toDraft, toLocation, toSubmitInput, validateCase } from './view-model';
import type { CaseDraft, ComposeForm, FieldErrors, TargetOption } from './view-model';
import { similarQuery } from './similar';
import { voiceGate } from './voice-gate';
import type { VoiceGate } from './voice-gate';

/** Not rendered, so not in `data`: whose draft this is, what is uploaded, who waits for the voice. */
interface Session {
  stationId: string;
  deputyId?: string;
  requestId: string;
  photos: PhotoSummary;
  voice: VoiceGate;
  askedForNotices: boolean;
  submitted: boolean;
}
const sessions = new WeakMap<object, Session>();
/** A Vant field, radio group or switch: the new value, and which form field it edits. */
type FieldChange<T> = { detail: T; currentTarget: { dataset: { field: keyof ComposeForm } } };

/** 留言: what happened first (written, spoken or both), then what is optional. */
definePage({
  data: {
    loading: true,
    stationName: '',
    targets: [] as TargetOption[],
    targetIndex: 0,
    categories: CATEGORY_OPTIONS,
    limits: LIMITS,
    form: { ...EMPTY_FORM } as ComposeForm,
    consent: consentOf(EMPTY_FORM),
    errors: {} as FieldErrors,
    initialPhotos: [] as CaseDraft['photos'],
    initialVoice: null as StoredVoice | null,
    submitting: false,
    receipt: null as SubmitCaseOutput | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      // The subscription prompt must open straight from the submit tap: have the ids by then.
      void loadNoticeTemplates();
      const photos = { photos: [], uploading: 0, failed: 0 };
      sessions.set(this, { stationId: query.stationId ?? '', deputyId: query.deputyId, requestId: '', photos, voice: voiceGate(), askedForNotices: false, submitted: false });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const s = sessions.get(this);
      if (!s) return;
      const opened = await this.run(
        () => openCompose(s.stationId),
        ({ station, draft }) => {
          const shown = openedView(station, draft, s.deputyId);
          return { ...shown, consent: consentOf(shown.form) };
        },
      );
      if (!opened) return;
      // A draft brought back may already say enough: its look-alikes at once, no pause.
      this.considerSimilar(true);
      const voice = opened.draft?.voice;
      Object.assign(s, {
        requestId: opened.requestId,
        photos: { photos: opened.draft?.photos ?? [], uploading: 0, failed: 0 },
        voice: voiceGate(voice ? { phase: 'ready', voice } : undefined),
      });
    },
    /** Leaving the page or the app: keep what was written (nothing written, nothing kept). */
    onHide() {
      this.keepDraft();
    },
    onUnload() {
      this.keepDraft();
    },
    keepDraft() {
      const s = sessions.get(this);
      if (!s || !s.requestId || s.submitted) return;
      const draft = this.draft(s);
      if (isBlank(draft)) clearDraft('case', s.stationId);
      else saveDraft('case', s.stationId, draft);
    },
    draft(s: Session): CaseDraft {
      return toDraft(this.data.form, {
        requestId: s.requestId,
        deputyId: this.data.targets[this.data.targetIndex]?.id,
        photos: s.photos.photos,
        voice: s.voice.summary.voice,
      });
    },
    onTarget(event: WechatMiniprogram.PickerChange) {
      this.setData({ targetIndex: Number(event.detail.value), 'errors.target': '' });
    },
    onField(event: FieldChange<string | boolean>) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
      this.formChanged();
    },
    /** What the form now says decides the consent switch and which look-alikes to show. */
    formChanged() {
      this.setData({ consent: consentOf(this.data.form) });
      this.considerSimilar(false);
    },
    considerSimilar(immediate: boolean) {
      const s = sessions.get(this);
      const panel = this.selectComponent('#similar') as unknown as { consider(query: ReturnType<typeof similarQuery>, immediate: boolean): void } | null;
      if (s && !s.submitted) panel?.consider(similarQuery(s.stationId, this.data.form), immediate);
    },
    onPhotos(event: { detail: PhotoSummary }) {
      const s = sessions.get(this);
      if (s) s.photos = event.detail;
      this.setData({ 'errors.photos': '' });
    },
    onVoice(event: { detail: VoiceSummary }) {
      const s = sessions.get(this);
      if (!s) return;
      s.voice.update(event.detail);
      // A voice is something said: the text is no longer required.
      this.setData({ 'errors.voice': '', ...(event.detail.phase !== 'idle' ? { 'errors.content': '' } : {}) });
    },
    /** The voice once nothing is on its way: a recording still running (a forgotten 停止) is stopped first. */
    settledVoice(s: Session): Promise<VoiceSummary> {
      if (s.voice.summary.phase === 'recording') (this.selectComponent('#voice') as unknown as { onStop(): void } | null)?.onStop();
      return s.voice.settled();
    },
    onChooseLocation() {
      wx.chooseLocation({
        success: (chosen) => {
          this.setData({ 'form.location': toLocation(chosen) });
          this.formChanged();
        },
        fail: ({ errMsg }) => {
          if (!/cancel/.test(errMsg)) notify(this, '无法选择位置，请在设置中允许使用位置信息', 'warning');
        },
      });
    },
    onClearLocation() {
      this.setData({ 'form.location': null });
      this.formChanged();
    },
    async onSubmit() {
      const s = sessions.get(this);
      if (!s || !s.requestId || this.data.submitting) return;
      if (!this.accepts(validateCase(this.data.form, s.photos, s.voice.summary))) return;
      // Before any await: WeChat shows the subscription prompt only in answer to a tap. Its
      // answer never stops the case from being sent.
      const asked = s.askedForNotices ? Promise.resolve() : askForNotices(['caseStatusChanged', 'caseReplied']);
      s.askedForNotices = true;
      this.setData({ submitting: true });
      const voice = await this.settledVoice(s);
      await asked;
      // The voice may have failed to upload, or been too short, while we waited.
      if (!this.accepts(validateCase(this.data.form, s.photos, voice))) return this.setData({ submitting: false });
      const draft = this.draft(s);
      saveDraft('case', s.stationId, draft);
      const answer = await callApi('case', 'submit', toSubmitInput(this.data.form, { ...draft, stationId: s.stationId }));
      if (answer.ok) {
        s.submitted = true;
        clearDraft('case', s.stationId);
        this.setData({ submitting: false, receipt: answer.data });
        return;
      }
      const field = fieldOf(answer.error.field);
      this.setData({ submitting: false, ...(field ? { [`errors.${field}`]: answer.error.message } : {}) });
      notify(this, answer.error.message);
    },
    /** True when nothing is wrong; otherwise shows what is, under each field and in the notice bar. */
    accepts(errors: FieldErrors): boolean {
      if (!Object.values(errors).some(Boolean)) return true;
      this.setData({ errors });
      notify(this, firstError(errors));
      return false;
    },
    onCopyReceipt() {
      if (this.data.receipt) wx.setClipboardData({ data: this.data.receipt.receiptNo });
    },
    onViewCase() {
      // Redirect: going back from the case should not land on a spent form.
      if (this.data.receipt) wx.redirectTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(this.data.receipt.caseId)}` });
    },
    onBack() {
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/cases/index' }) });
    },
  },
});
