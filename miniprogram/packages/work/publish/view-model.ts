/**
 * The 发布接待日 form: 约访 slots made from the time range, the checks worth making before the
 * server's, and the input it sends. Pure: unit-tested in test/miniprogram/work-desk-view-models.test.ts.
 */
import type { DeputyCard, ReceptionKind } from '../../../../typings/api';
import type { PublishReceptionInput, SlotInput } from '../../../../typings/workspace';
import { BOOKING_RULES, EVENT_KIND_LABELS, EVENT_LIMITS, RECEPTION_RULES } from '../../../generated/rules';

export const SLOT_MINUTES = 30;
export const DEFAULT_CAPACITY = 2;
export const MAX_CAPACITY = RECEPTION_RULES.slotCapacity.max;
const MIN_CAPACITY = RECEPTION_RULES.slotCapacity.min;
/** Published further ahead than residents can book, a day would only be a plan. */
export const LAST_DAY_AHEAD = BOOKING_RULES.horizonDays;
/** Under the date picker: a reception day is announced at least this long before. */
export const DATE_HINT = `须提前 ${RECEPTION_RULES.minNoticeDays} 天发布`;
export const DEFAULT_TIMES = { start: '09:00', end: '11:00' } as const;

export type PublishField = 'station' | 'date' | 'time' | 'deputies' | 'slots' | 'event';
/** `submit`: a refusal not tied to a field (the day is taken, not your station …). */
export type FieldErrors = Partial<Record<PublishField | 'submit', string>>;

/** The form holds exactly what `reception.publish` takes. */
export type PublishForm = PublishReceptionInput;

export interface DeputyOption {
  id: string;
  name: string;
}

const toMinutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};
const toTime = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Back-to-back slots from start to end; a last piece shorter than a slot is left out. */
export function generateSlots(start: string, end: string, minutes = SLOT_MINUTES, capacity = DEFAULT_CAPACITY): SlotInput[] {
  const slots: SlotInput[] = [];
  for (let at = toMinutes(start); at + minutes <= toMinutes(end); at += minutes) slots.push({ start: toTime(at), end: toTime(at + minutes), capacity });
  return slots;
}

export function deputyOptions(deputies: readonly DeputyCard[]): DeputyOption[] {
  return deputies.map((d) => ({ id: d.id, name: d.name }));
}

/** What the server would refuse anyway, said before the round trip and next to its field. */
export function formErrors(form: PublishForm, earliestDate: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.stationId) errors.station = '请选择联络站';
  if (!form.date) errors.date = '请选择接待日期';
  else if (form.date < earliestDate) errors.date = `接待日${DATE_HINT}，最早可选 ${earliestDate}`;
  if (!(form.start < form.end)) errors.time = '结束时间须晚于开始时间';
  const meeting = form.kind === 'report_meeting';
  if (!form.deputyIds.length)
    errors.deputies = meeting ? '请至少选择一位述职代表' : form.kind === 'reception' || !form.kind ? '请至少选择一位接待代表' : '请至少选择一位参加代表';
  // A 述职会, 代表论坛 or 约见 has no 约访 slots: whatever the slot list says is not sent.
  if (meeting) return errors;
  if (isEvent(form.kind)) {
    const problem = eventProblem(form.event);
    if (problem) errors.event = problem;
    return errors;
  }
  const outside = form.slots.some((s) => s.start < form.start || s.end > form.end);
  if (outside) errors.slots = '有时段不在接待时间内，请重新生成';
  else if (form.slots.some((s) => !(s.capacity >= MIN_CAPACITY && s.capacity <= MAX_CAPACITY))) errors.slots = `每个时段可约 ${MIN_CAPACITY}–${MAX_CAPACITY} 人`;
  return errors;
}

export function firstError(errors: FieldErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** The server names the input's field ('slots.2.capacity', 'deputyIds', 'end'); the form has fewer places to say it. */
export function fieldOf(serverField: string | undefined): PublishField | undefined {
  const head = serverField?.split('.')[0];
  const map: Record<string, PublishField> = { stationId: 'station', date: 'date', start: 'time', end: 'time', deputyIds: 'deputies', slots: 'slots', event: 'event' };
  return head ? map[head] : undefined;
}

/** 接待日 (with 约访 slots), 述职会, 代表论坛 or 约见一府两院 (nothing to book). */
export const KIND_OPTIONS: readonly { value: ReceptionKind; label: string }[] = [
  { value: 'reception', label: '接待日' },
  { value: 'report_meeting', label: '述职会' },
  { value: 'forum', label: EVENT_KIND_LABELS.forum },
  { value: 'meeting', label: '约见' },
];

const isEvent = (kind: ReceptionKind | undefined): kind is 'forum' | 'meeting' => kind === 'forum' || kind === 'meeting';

/** The words of the form for each kind: section titles, the button and what followers are told. */
export function kindTexts(kind: ReceptionKind | undefined): { title: string; deputies: string; submit: string; notice: string; note: string } {
  if (kind === 'report_meeting')
    return { title: '述职会', deputies: '述职代表', submit: '发布述职会', notice: '述职会', note: '述职会：代表向选民报告履职情况，群众到场参加，不开放约访。' };
  if (isEvent(kind)) {
    const label = EVENT_KIND_LABELS[kind];
    const note =
      kind === 'forum'
        ? '代表论坛：代表与群众、相关部门围绕一个主题座谈，群众可报名并提前提问。'
        : '约见一府两院：代表约见政府部门、法院或检察院负责人，群众可报名并提前提问。';
    return { title: label, deputies: '参加代表', submit: `发布${label}`, notice: label, note };
  }
  return { title: '接待日', deputies: '接待代表', submit: '发布接待日', notice: '接待日', note: '' };
}

/** A 代表论坛 / 约见 as the officer types it: the departments one per line. */
export interface EventDraft {
  topic: string;
  departments: string;
  place: string;
}

export const EMPTY_EVENT_DRAFT: EventDraft = { topic: '', departments: '', place: '' };
export { EVENT_LIMITS };

/** One department a line (or separated by 、，,), blanks dropped. */
export function departmentsOf(text: string): string[] {
  return text
    .split(/[\n、，,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function eventProblem(event: PublishReceptionInput['event']): string {
  if (!event || !event.topic.trim()) return '请填写活动主题';
  if (Array.from(event.topic.trim()).length > EVENT_LIMITS.topicMax) return `主题最多 ${EVENT_LIMITS.topicMax} 个字`;
  if (!event.place.trim()) return '请填写活动地点';
  if (event.departments.length > EVENT_LIMITS.departmentsMax) return `邀请单位最多 ${EVENT_LIMITS.departmentsMax} 个`;
  if (event.departments.some((name) => Array.from(name).length > EVENT_LIMITS.departmentMax)) return `每个邀请单位名称最多 ${EVENT_LIMITS.departmentMax} 个字`;
  return '';
}

/** The form with the event's draft folded in, for checking and sending. */
export function withEvent(form: PublishForm, draft: EventDraft): PublishForm {
  if (!isEvent(form.kind)) return { ...form, event: undefined };
  return { ...form, event: { topic: draft.topic.trim(), departments: departmentsOf(draft.departments), place: draft.place.trim() } };
}

export function toPublishInput(form: PublishForm): PublishReceptionInput {
  const kind = form.kind ?? 'reception';
  const noSlots = kind !== 'reception';
  return {
    stationId: form.stationId,
    kind,
    date: form.date,
    start: form.start,
    end: form.end,
    deputyIds: [...form.deputyIds],
    slots: noSlots ? [] : form.slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity })),
    ...(isEvent(kind) && form.event ? { event: { topic: form.event.topic, departments: [...form.event.departments], place: form.event.place } } : {}),
  };
}
