import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { shanghaiClock } from '../../../pages/stations/station-format';
import { addDays } from '../schedule/day-label';
import {
  DATE_HINT,
  DEFAULT_TIMES,
  deputyOptions,
  EMPTY_EVENT_DRAFT,
  EVENT_LIMITS,
  kindTexts,
  withEvent,
  KIND_OPTIONS,
  fieldOf,
  firstError,
  formErrors,
  generateSlots,
  LAST_DAY_AHEAD,
  MAX_CAPACITY,
  toPublishInput,
} from './view-model';
import type { DeputyOption, EventDraft, FieldErrors, PublishForm } from './view-model';

type PickerEvent = { detail: { value: string | number } };
type IndexEvent<T = unknown> = { detail: T; currentTarget: { dataset: { index: number } } };
interface Opened {
  stations: { id: string; name: string }[];
  earliestDate: string;
}

/** The officer's stations and the first date a reception day may be published for. */
async function open(): Promise<Outcome<Opened>> {
  const [profile, schedule] = await Promise.all([callApi('user', 'profile', {}), callApi('reception', 'schedule', {})]);
  if (!profile.ok) return profile;
  if (!schedule.ok) return schedule;
  const stations = profile.data.stations ?? [];
  if (!stations.length) return { ok: false, error: { message: '您还没有负责的联络站', hint: '请联系区人大常委会为您分配联络站' } };
  return { ok: true, data: { stations, earliestDate: schedule.data.earliestDate } };
}

/** 发布接待日, 述职会, 代表论坛 or 约见: station, date, time, the deputies who attend, an event's topic, departments and place, a reception day's 约访 slots; followers are told. */
definePage({
  data: {
    loading: true,
    stations: [] as Opened['stations'],
    stationIndex: 0,
    earliestDate: '',
    lastDate: '',
    dateHint: DATE_HINT,
    kinds: KIND_OPTIONS,
    texts: kindTexts('reception'),
    /** 代表论坛 / 约见 only: topic, departments (one a line) and place as typed. */
    draft: { ...EMPTY_EVENT_DRAFT } as EventDraft,
    eventLimits: EVENT_LIMITS,
    form: { stationId: '', kind: 'reception', date: '', ...DEFAULT_TIMES, deputyIds: [], slots: generateSlots(DEFAULT_TIMES.start, DEFAULT_TIMES.end) } as PublishForm,
    deputies: [] as DeputyOption[],
    /** Loading, failed, or none on record: said where the checkboxes go. */
    deputiesNote: '',
    maxCapacity: MAX_CAPACITY,
    errors: {} as FieldErrors,
    submitting: false,
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const opened = await this.run(open, ({ stations, earliestDate }) => ({
        stations,
        earliestDate,
        lastDate: addDays(shanghaiClock(now()).date, LAST_DAY_AHEAD),
        'form.date': earliestDate,
      }));
      if (opened) await this.pickStation(0);
    },
    async pickStation(index: number) {
      const station = this.data.stations[index];
      this.setData({
        stationIndex: index,
        'form.stationId': station.id,
        'form.deputyIds': [],
        deputies: [],
        deputiesNote: '正在加载本站代表…',
        'errors.station': '',
        'errors.deputies': '',
      });
      const detail = await callApi('station', 'get', { id: station.id });
      // Another station picked meanwhile: its own answer fills the list.
      if (this.data.form.stationId !== station.id) return;
      if (!detail.ok) return this.setData({ deputiesNote: detail.error.message });
      this.setData({ deputies: deputyOptions(detail.data.deputies), deputiesNote: detail.data.deputies.length ? '' : '本站还没有代表' });
    },
    onStation(event: PickerEvent) {
      return this.pickStation(Number(event.detail.value));
    },
    onKind(event: { currentTarget: { dataset: { kind: NonNullable<PublishForm['kind']> } } }) {
      const kind = event.currentTarget.dataset.kind;
      this.setData({ 'form.kind': kind, texts: kindTexts(kind), 'errors.slots': '', 'errors.deputies': '', 'errors.event': '', 'errors.submit': '' });
    },
    onDraft(event: { detail: string; currentTarget: { dataset: { field: keyof EventDraft } } }) {
      this.setData({ [`draft.${event.currentTarget.dataset.field}`]: event.detail, 'errors.event': '' });
    },
    onDate(event: PickerEvent) {
      this.setData({ 'form.date': String(event.detail.value), 'errors.date': '' });
    },
    /** A new time range gives new slots: the old ones may no longer fit. */
    onTime(event: PickerEvent & { currentTarget: { dataset: { which: 'start' | 'end' } } }) {
      const form = { ...this.data.form, [event.currentTarget.dataset.which]: String(event.detail.value) };
      this.setData({ form: { ...form, slots: generateSlots(form.start, form.end) }, 'errors.time': '', 'errors.slots': '' });
    },
    onDeputies(event: { detail: string[] }) {
      this.setData({ 'form.deputyIds': event.detail, 'errors.deputies': '' });
    },
    /** A tap anywhere on a deputy's row ticks or unticks them. */
    onToggleDeputy(event: { currentTarget: { dataset: { id: string } } }) {
      const id = event.currentTarget.dataset.id;
      const ids = this.data.form.deputyIds;
      this.setData({ 'form.deputyIds': ids.includes(id) ? ids.filter((d) => d !== id) : [...ids, id], 'errors.deputies': '' });
    },
    /** The checkbox inside a row handles its own tap: the row must not tick it a second time. */
    noop() {},
    onRegenerate() {
      this.setData({ 'form.slots': generateSlots(this.data.form.start, this.data.form.end), 'errors.slots': '' });
    },
    onCapacity(event: IndexEvent<number>) {
      this.setData({ [`form.slots[${event.currentTarget.dataset.index}].capacity`]: Number(event.detail), 'errors.slots': '' });
    },
    onRemoveSlot(event: IndexEvent) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ 'form.slots': this.data.form.slots.filter((_, i) => i !== index), 'errors.slots': '' });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const form = withEvent(this.data.form, this.data.draft);
      const errors = formErrors(form, this.data.earliestDate);
      if (firstError(errors)) return this.setData({ errors });
      this.setData({ submitting: true, errors: {} });
      const answer = await callApi('reception', 'publish', toPublishInput(form));
      if (!answer.ok) {
        const field = fieldOf(answer.error.field);
        // Not tied to a field (CONFLICT: the day is taken, FORBIDDEN …): under the button.
        this.setData({ submitting: false, errors: { [field ?? 'submit']: answer.error.message } });
        return;
      }
      this.setData({ submitting: false });
      wx.showToast({ title: '已发布', icon: 'success' });
      wx.navigateBack({ fail: () => wx.redirectTo({ url: '/packages/work/schedule/index' }) });
    },
  },
});
