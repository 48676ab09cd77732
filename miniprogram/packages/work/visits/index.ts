import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import type { VoiceSummary } from '../../../components/voice-recorder/recording';
import { NO_VOICE } from '../../../components/voice-recorder/recording';
import { callApi } from '../../../services/api-client';
import { newRequestId } from '../../../services/request-id';
import { definePage } from '../../../utils/define-page';
import type { VisitBooking } from '../../../../typings/visit';
import { formInputMethods, submitChecked } from '../../../utils/checked-form';
import { bookedForm, toBookingItem } from './bookings';
import type { BookingItem } from './bookings';
import { claimMethods } from './claim-methods';
import { openVisits } from './opened';
import { EMPTY_VISIT_FORM, toRecordVisitInput, toVisitItem, VISIT_LIMITS, visitErrors, visitFieldOf } from './view-model';
import type { ClaimCard, VisitErrors, VisitForm, VisitItem } from './view-model';

type Tap = { currentTarget: { dataset: { id?: string } } };

/**
 * Not rendered: the reception, this record's idempotency key (new after each success), the media
 * uploaded, the open bookings as answered and the one the form was filled from. The 转为留言 keys
 * live with claimMethods.
 */
interface Session {
  receptionId: string;
  requestId: string;
  photos: PhotoSummary;
  voice: VoiceSummary;
  bookings: VisitBooking[];
  booking?: VisitBooking;
}
const sessions = new WeakMap<object, Session>();
const NO_PHOTOS: PhotoSummary = { photos: [], uploading: 0, failed: 0 };

/** 接待登记: each resident met on a reception day of today, answered on the spot or turned into a case they claim by code. */
definePage({
  data: {
    loading: true as boolean,
    heading: '',
    deputies: [] as { id: string; name: string }[],
    deputyIndex: -1,
    visits: [] as VisitItem[],
    /** 从预约登记: the residents booked and not yet met. */
    bookings: [] as BookingItem[],
    /** The form is mounted afresh for each record, so the photo and voice pickers start empty. */
    formOpen: false,
    /** The booking the open form was filled from; null for a walk-in. */
    booking: null as BookingItem | null,
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
    ...formInputMethods(sessions),
    ...claimMethods(),
    onLoad(query: Record<string, string | undefined> = {}) {
      sessions.set(this, { receptionId: decodeURIComponent(query.receptionId ?? ''), requestId: '', photos: NO_PHOTOS, voice: NO_VOICE, bookings: [] });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const s = sessions.get(this)!;
      const opened = await this.run(
        () => openVisits(s.receptionId),
        (o) => ({
          heading: o.heading,
          deputies: o.deputies,
          visits: o.visits.map(toVisitItem),
          bookings: o.bookings.map(toBookingItem),
          deputyIndex: o.deputies.length === 1 ? 0 : -1,
        }),
      );
      if (opened) s.bookings = opened.bookings;
      if (opened?.deputies.length === 1) this.setData({ 'form.deputyId': opened.deputies[0].id });
    },
    /** After the resident scanned (待认领 becomes 已认领) or a booked one was recorded: without the spinner. */
    async refreshList() {
      const s = sessions.get(this)!;
      const answer = await callApi('reception', 'visits', { receptionId: s.receptionId });
      if (!answer.ok) return this.setData({ listProblem: answer.error.message });
      s.bookings = answer.data.bookings ?? [];
      this.setData({ visits: answer.data.visits.map(toVisitItem), bookings: s.bookings.map(toBookingItem), listProblem: '' });
    },
    /** 登记来访: a walk-in. */
    onOpenForm() {
      const deputyId = this.data.deputies.length === 1 ? this.data.deputies[0].id : '';
      return this.openForm({ ...EMPTY_VISIT_FORM, deputyId }, deputyId ? 0 : -1);
    },
    /** 从预约登记: the booking fills in what the resident said when booking. */
    onPickBooking(event: Tap) {
      const booking = sessions.get(this)!.bookings.find((b) => b.id === event.currentTarget.dataset.id);
      if (!booking) return;
      const { form, deputyIndex } = bookedForm(booking, this.data.deputies);
      return this.openForm(form, deputyIndex, booking);
    },
    async openForm(form: VisitForm, deputyIndex: number, booking?: VisitBooking) {
      const s = sessions.get(this)!;
      s.requestId = await newRequestId();
      s.photos = NO_PHOTOS;
      s.voice = NO_VOICE;
      s.booking = booking;
      this.setData({ formOpen: true, form, deputyIndex, booking: booking ? toBookingItem(booking) : null, errors: {} });
    },
    onCloseForm() {
      this.setData({ formOpen: false, errors: {} });
    },
    onDeputy(event: { detail: { value: string | number } }) {
      const index = Number(event.detail.value);
      this.setData({ deputyIndex: index, 'form.deputyId': this.data.deputies[index]?.id ?? '', 'errors.deputy': '' });
    },
    /** Not the shared one: a photo also answers 请记录群众反映的问题. */
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
      if (!s.requestId) return;
      // The same requestId on every retry of this record: one that landed but whose answer was lost is not made twice.
      const recorded = await submitChecked(
        this,
        visitErrors(this.data.form, s.photos, s.voice, s.booking),
        () => callApi('reception', 'recordVisit', toRecordVisitInput(this.data.form, s, s.photos.photos, s.voice, s.booking)),
        visitFieldOf,
      );
      if (!recorded) return;
      s.requestId = '';
      this.setData({ formOpen: false, visits: [toVisitItem(recorded), ...this.data.visits.filter((v) => v.id !== recorded.id)] });
      wx.showToast({ title: recorded.status === 'answered' ? '已登记，当场答复' : '已登记', icon: 'success' });
      // The booking is now 已接待: the list as the server has it, without that one to pick.
      if (s.booking) {
        s.booking = undefined;
        await this.refreshList();
      }
    },
  },
});
