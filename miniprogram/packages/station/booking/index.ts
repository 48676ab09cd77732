import type { BookableReception, BookingView } from '../../../../typings/booking';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { newRequestId } from '../../../services/request-id';
import { askForNotices, loadNoticeTemplates } from '../../../services/subscribe';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { contactOf, FORM_RULES, formProblem, pickerView, successText, toBookingItems, toPlace } from './view-model';
import type { BookingItem, PickerView, Place } from './view-model';

/** Vant's change events carry the new value as `detail`; taps carry the node's data-* attributes. */
type ValueEvent = { detail: string };
type TapEvent<D> = { currentTarget: { dataset: D } };
interface Loaded {
  place: Place;
  receptions: BookableReception[];
  mine: BookingView[];
}

/** Where 我的预约 are listed too: a tab, so a switchTab. */
const ME_TAB = '/pages/me/index';

/**
 * The station (where to go: the page says it before anything else), its bookable receptions
 * and my bookings. Without the station or the receptions there is nothing to book; my list
 * failing does not block booking.
 */
async function loadAll(stationId: string): Promise<Outcome<Loaded>> {
  if (!stationId) return { ok: false, error: { message: '缺少联络站信息，请从联络站页面进入' } };
  const [station, list, mine] = await Promise.all([
    callApi('station', 'get', { id: stationId }),
    callApi('reception', 'list', { stationId }),
    callApi('reception', 'mine', {}),
  ]);
  if (!station.ok) return station;
  if (!list.ok) return list;
  return { ok: true, data: { place: toPlace(station.data), receptions: list.data.receptions, mine: mine.ok ? mine.data.bookings : [] } };
}

/** Not rendered: each page's idempotency key, kept across retries until a booking succeeds. */
const requestIds = new WeakMap<object, string>();

/**
 * 预约接待: where and when first (station, address, the day's time and its deputies, as text:
 * the resident meets whoever receives that day, so there is no deputy to choose), then a day,
 * a slot and a topic; then "我的预约".
 */
definePage({
  data: {
    loading: true,
    stationId: '',
    place: null as Place | null,
    receptions: [] as BookableReception[],
    mine: [] as BookingView[],
    ...pickerView([], [], '', -1),
    slotIndex: -1,
    rules: FORM_RULES,
    topic: '',
    contactName: '',
    contactPhone: '',
    formError: '',
    /** The refusal was BOOKING_LIMIT: the message leads to 我的, where the bookings are. */
    limitReached: false,
    submitting: false,
    success: '',
    bookings: [] as BookingItem[],
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      void loadNoticeTemplates(); // ready before the confirm tap, which must open the prompt at once
      requestIds.set(this, await newRequestId());
      this.setData({ stationId: query.stationId ?? '' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      await this.run(
        () => loadAll(this.data.stationId),
        (data) => this.shaped(data, this.data.activeId, -1),
      );
    },
    /** Reloads without the page spinner (after booking or cancelling), keeping the chosen day. */
    async refresh() {
      const outcome = await loadAll(this.data.stationId);
      if (outcome.ok) this.setData(this.shaped(outcome.data, this.data.activeId, -1));
    },
    shaped(data: Loaded, activeId: string, slotIndex: number): Record<string, unknown> {
      return { ...data, ...pickerView(data.receptions, data.mine, activeId, slotIndex), slotIndex, bookings: toBookingItems(data.mine, now()) };
    },
    select(activeId: string, slotIndex: number, extra: Record<string, unknown> = {}) {
      const view: PickerView = pickerView(this.data.receptions, this.data.mine, activeId, slotIndex);
      this.setData({ ...view, slotIndex, formError: '', limitReached: false, ...extra });
    },
    onPickDay(event: TapEvent<{ id: string }>) {
      this.select(event.currentTarget.dataset.id, -1);
    },
    /** A full slot, or any slot of a day where I already hold a place, cannot be chosen. */
    onPickSlot(event: TapEvent<{ index: number; full: boolean }>) {
      if (!event.currentTarget.dataset.full && !this.data.held) this.select(this.data.activeId, Number(event.currentTarget.dataset.index));
    },
    onOpenMap() {
      const place = this.data.place;
      if (place) wx.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 17 });
    },
    onOpenMine() {
      wx.switchTab({ url: ME_TAB });
    },
    onTopic(event: ValueEvent) {
      this.setData({ topic: event.detail });
    },
    onContactName(event: ValueEvent) {
      this.setData({ contactName: event.detail });
    },
    onContactPhone(event: ValueEvent) {
      this.setData({ contactPhone: event.detail });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const problem = formProblem(this.data);
      if (problem) return this.setData({ formError: problem });
      // Straight from the tap, before any await: WeChat only shows the prompt in answer to a tap.
      const asked = askForNotices(['receptionReminder']);
      this.setData({ submitting: true, formError: '', limitReached: false });
      // Only the reminder was asked for: any accept is its accept.
      const accepted = Object.values(await asked).includes('accept');
      const { activeId, slotIndex, topic } = this.data;
      // No deputyId: it is optional (a booking is with the reception, whoever receives).
      const answer = await callApi('reception', 'book', {
        requestId: requestIds.get(this)!,
        receptionId: activeId,
        slotIndex,
        topic: topic.trim(),
        ...(contactOf(this.data) ? { contact: contactOf(this.data) } : {}),
      });
      if (!answer.ok) {
        this.setData({ submitting: false, formError: answer.error.message, limitReached: answer.error.code === 'BOOKING_LIMIT' });
        // Someone took the last place, or the schedule moved on: show the places as they are now
        // (the same requestId is kept for a retry).
        if (answer.error.code === 'SLOT_FULL' || answer.error.code === 'CONFLICT') await this.refresh();
        return;
      }
      requestIds.set(this, await newRequestId());
      this.setData({ submitting: false, success: successText(answer.data, accepted, now()), topic: '' });
      await this.refresh();
    },
    onBookAnother() {
      this.setData({ success: '' });
    },
    async onCancelBooking(event: TapEvent<{ id: string; when: string }>) {
      const { id, when } = event.currentTarget.dataset;
      const { confirm } = await wx.showModal({ title: '取消预约', content: `确定取消 ${when} 的预约吗？`, confirmText: '取消预约', cancelText: '再想想' });
      if (!confirm) return;
      const answer = await callApi('reception', 'cancel', { bookingId: id });
      wx.showToast({ title: answer.ok ? '已取消预约' : answer.error.message, icon: answer.ok ? 'success' : 'none' });
      if (answer.ok) await this.refresh();
    },
  },
});
