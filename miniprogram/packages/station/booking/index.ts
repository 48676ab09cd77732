import type { BookableReception, BookingView } from '../../../../typings/booking';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { newRequestId } from '../../../services/request-id';
import { askForNotices, loadNoticeTemplates } from '../../../services/subscribe';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { contactOf, formProblem, pickerView, successText, toBookingItems } from './view-model';
import type { BookingItem, PickerView } from './view-model';

/** Vant's change events carry the new value as `detail`; taps carry the node's data-* attributes. */
type ValueEvent = { detail: string };
type TapEvent<D> = { currentTarget: { dataset: D } };
interface Loaded {
  receptions: BookableReception[];
  mine: BookingView[];
}

/** The station's bookable receptions and my bookings; my list failing does not block booking. */
async function loadAll(stationId: string): Promise<Outcome<Loaded>> {
  if (!stationId) return { ok: false, error: { message: '缺少联络站信息，请从联络站页面进入' } };
  const [list, mine] = await Promise.all([callApi('reception', 'list', { stationId }), callApi('reception', 'mine', {})]);
  return list.ok ? { ok: true, data: { receptions: list.data.receptions, mine: mine.ok ? mine.data.bookings : [] } } : list;
}

/** Not rendered: each page's idempotency key, kept across retries until a booking succeeds. */
const requestIds = new WeakMap<object, string>();

/** 预约接待: choose a reception day, a deputy (optional) and a slot; then "我的预约". */
definePage({
  data: {
    loading: true,
    stationId: '',
    receptions: [] as BookableReception[],
    mine: [] as BookingView[],
    ...pickerView([], [], '', -1),
    slotIndex: -1,
    deputyId: '',
    topic: '',
    contactName: '',
    contactPhone: '',
    formError: '',
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
      await this.run(() => loadAll(this.data.stationId), (data) => this.shaped(data, this.data.activeId, -1));
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
      this.setData({ ...view, slotIndex, formError: '', ...extra });
    },
    onPickDay(event: TapEvent<{ id: string }>) {
      this.select(event.currentTarget.dataset.id, -1, { deputyId: '' });
    },
    onPickDeputy(event: ValueEvent) {
      this.setData({ deputyId: event.detail });
    },
    onPickSlot(event: TapEvent<{ index: number; full: boolean }>) {
      if (!event.currentTarget.dataset.full) this.select(this.data.activeId, Number(event.currentTarget.dataset.index));
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
      this.setData({ submitting: true, formError: '' });
      // Only the reminder was asked for: any accept is its accept.
      const accepted = Object.values(await asked).includes('accept');
      const { activeId, slotIndex, deputyId, topic } = this.data;
      const answer = await callApi('reception', 'book', {
        requestId: requestIds.get(this)!,
        receptionId: activeId,
        slotIndex,
        topic: topic.trim(),
        ...(deputyId ? { deputyId } : {}),
        ...(contactOf(this.data) ? { contact: contactOf(this.data) } : {}),
      });
      if (!answer.ok) {
        this.setData({ submitting: false, formError: answer.error.message });
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
