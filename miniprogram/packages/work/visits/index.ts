import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import type { VoiceSummary } from '../../../components/voice-recorder/recording';
import { NO_VOICE } from '../../../components/voice-recorder/recording';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { newRequestId } from '../../../services/request-id';
import { definePage } from '../../../utils/define-page';
import type { ListVisitsOutput } from '../../../../typings/visit';
import { EMPTY_VISIT_FORM, firstVisitError, toClaimCard, toRecordVisitInput, toVisitItem, VISIT_LIMITS, visitErrors, visitFieldOf } from './view-model';
import type { ClaimCard, VisitErrors, VisitForm, VisitItem } from './view-model';

type FieldChange = { detail: string; currentTarget: { dataset: { field: 'issue' | 'name' | 'phone' | 'answer' } } };
type Tap = { currentTarget: { dataset: { id?: string } } };
interface Opened {
  /** '福田区华富街道人大代表联络站 · 09:00-11:00'; '' for a deputy (their own reception, no schedule to read). */
  heading: string;
  /** Officers choose which of the reception's deputies met the resident; a deputy records as themselves. */
  deputies: { id: string; name: string }[];
  visits: ListVisitsOutput['visits'];
}

/** Not rendered: the reception, this record's idempotency key (new after each success), the media uploaded. */
const sessions = new WeakMap<object, { receptionId: string; requestId: string; photos: PhotoSummary; voice: VoiceSummary; convertIds: Map<string, string> }>();
const NO_PHOTOS: PhotoSummary = { photos: [], uploading: 0, failed: 0 };

async function open(receptionId: string): Promise<Outcome<Opened>> {
  if (!receptionId) return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个接待日', hint: '请从接待安排进入' } };
  const [profile, visits] = await Promise.all([callApi('user', 'profile', {}), callApi('reception', 'visits', { receptionId })]);
  if (!profile.ok) return profile;
  if (!visits.ok) return visits;
  if (profile.data.role !== 'officer') return { ok: true, data: { heading: '', deputies: [], visits: visits.data.visits } };
  const schedule = await callApi('reception', 'schedule', {});
  const reception = schedule.ok ? schedule.data.receptions.find((r) => r.id === receptionId) : undefined;
  return {
    ok: true,
    data: {
      heading: reception ? `${reception.stationName} · ${reception.start}-${reception.end}` : '',
      deputies: reception ? reception.deputies.map((d) => ({ id: d.id, name: d.name })) : [],
      visits: visits.data.visits,
    },
  };
}

/** 接待登记: each resident met on a reception day of today, answered on the spot or turned into a case they claim by code. */
definePage({
  data: {
    loading: true as boolean,
    heading: '',
    deputies: [] as { id: string; name: string }[],
    deputyIndex: -1,
    visits: [] as VisitItem[],
    /** The form is mounted afresh for each record, so the photo and voice pickers start empty. */
    formOpen: false,
    form: { ...EMPTY_VISIT_FORM } as VisitForm,
    limits: VISIT_LIMITS,
    errors: {} as VisitErrors,
    submitting: false,
    /** The visit being turned into a case or whose code is being fetched. */
    busyId: '',
    listProblem: '',
    claim: null as ClaimCard | null,
    claimProblem: '',
    refreshing: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined> = {}) {
      sessions.set(this, { receptionId: decodeURIComponent(query.receptionId ?? ''), requestId: '', photos: NO_PHOTOS, voice: NO_VOICE, convertIds: new Map() });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const s = sessions.get(this)!;
      const opened = await this.run(
        () => open(s.receptionId),
        (o) => ({ heading: o.heading, deputies: o.deputies, visits: o.visits.map(toVisitItem), deputyIndex: o.deputies.length === 1 ? 0 : -1 }),
      );
      if (opened?.deputies.length === 1) this.setData({ 'form.deputyId': opened.deputies[0].id });
    },
    /** After the resident scanned: 待认领 becomes 已认领 without the spinner. */
    async refreshList() {
      const answer = await callApi('reception', 'visits', { receptionId: sessions.get(this)!.receptionId });
      this.setData(answer.ok ? { visits: answer.data.visits.map(toVisitItem), listProblem: '' } : { listProblem: answer.error.message });
    },
    async onOpenForm() {
      const s = sessions.get(this)!;
      s.requestId = await newRequestId();
      s.photos = NO_PHOTOS;
      s.voice = NO_VOICE;
      const deputyId = this.data.deputies.length === 1 ? this.data.deputies[0].id : '';
      this.setData({ formOpen: true, form: { ...EMPTY_VISIT_FORM, deputyId }, deputyIndex: deputyId ? 0 : -1, errors: {} });
    },
    onCloseForm() {
      this.setData({ formOpen: false, errors: {} });
    },
    onDeputy(event: { detail: { value: string | number } }) {
      const index = Number(event.detail.value);
      this.setData({ deputyIndex: index, 'form.deputyId': this.data.deputies[index]?.id ?? '', 'errors.deputy': '' });
    },
    onField(event: FieldChange) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
    },
    onPhotos(event: { detail: PhotoSummary }) {
      sessions.get(this)!.photos = event.detail;
      this.setData({ 'errors.photos': '', 'errors.issue': '' });
    },
    onVoice(event: { detail: VoiceSummary }) {
      sessions.get(this)!.voice = event.detail;
      this.setData({ 'errors.voice': '', 'errors.issue': '' });
    },
    async onSubmit() {
      const s = sessions.get(this)!;
      if (!s.requestId || this.data.submitting) return;
      const errors = visitErrors(this.data.form, s.photos, s.voice);
      if (firstVisitError(errors)) return this.setData({ errors });
      this.setData({ submitting: true, errors: {} });
      // The same requestId on every retry of this record: one that landed but whose answer was lost is not made twice.
      const answer = await callApi('reception', 'recordVisit', toRecordVisitInput(this.data.form, s, s.photos.photos, s.voice));
      if (!answer.ok) {
        const field = visitFieldOf(answer.error.field);
        this.setData({ submitting: false, errors: { [field ?? 'submit']: answer.error.message } });
        return;
      }
      s.requestId = '';
      this.setData({ submitting: false, formOpen: false, visits: [toVisitItem(answer.data), ...this.data.visits.filter((v) => v.id !== answer.data.id)] });
      wx.showToast({ title: answer.data.status === 'answered' ? '已登记，当场答复' : '已登记', icon: 'success' });
    },
    /** 转为留言: submitted on the resident's behalf; the claim code shows at once for them to scan. */
    async onConvert(event: Tap) {
      const visitId = event.currentTarget.dataset.id;
      if (!visitId || this.data.busyId) return;
      this.setData({ busyId: visitId, listProblem: '' });
      // One key per visit for the page's life: a retry after a lost answer gets the same case back.
      const ids = sessions.get(this)!.convertIds;
      const requestId = ids.get(visitId) ?? (await newRequestId());
      ids.set(visitId, requestId);
      const answer = await callApi('reception', 'visitToCase', { visitId, requestId });
      if (!answer.ok) return this.setData({ busyId: '', listProblem: answer.error.message });
      this.setData({
        busyId: '',
        visits: this.data.visits.map((v) => (v.id === visitId ? toVisitItem(answer.data.visit) : v)),
        claim: toClaimCard(visitId, answer.data.claim),
        claimProblem: '',
      });
    },
    async onShowCode(event: Tap) {
      const visitId = event.currentTarget.dataset.id;
      if (!visitId || this.data.busyId) return;
      this.setData({ busyId: visitId, listProblem: '' });
      const answer = await callApi('reception', 'claimCode', { visitId });
      if (!answer.ok) return this.setData({ busyId: '', listProblem: answer.error.message });
      this.setData({ busyId: '', claim: toClaimCard(visitId, answer.data), claimProblem: '' });
    },
    /** 刷新认领码: a new code when the old one ran out or was seen by someone else. */
    async onRefreshCode() {
      const claim = this.data.claim;
      if (!claim || this.data.refreshing) return;
      this.setData({ refreshing: true, claimProblem: '' });
      const answer = await callApi('reception', 'claimCode', { visitId: claim.visitId });
      this.setData(answer.ok ? { refreshing: false, claim: toClaimCard(claim.visitId, answer.data) } : { refreshing: false, claimProblem: answer.error.message });
    },
    onCloseClaim() {
      this.setData({ claim: null, claimProblem: '' });
      return this.refreshList();
    },
  },
});
