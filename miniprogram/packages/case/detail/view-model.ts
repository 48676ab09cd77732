/**
 * Shapes a case for its page: header, facts, the timeline (newest first) and the buttons.
 * Pure: unit-tested in test/miniprogram/case-view-models.test.ts.
 */
import type { CaseDetail, CaseEventKind, CaseStatus, CaseTimelineEntry } from '../../../../typings/case';
import {
  ACTOR_ROLE_LABELS,
  CATEGORY_LABELS,
  EVENT_LABELS,
  MAX_REOPENS,
  RATING_LABELS,
  TRANSFER_ROUTE_LABELS,
} from '../../../components/case-status-tag/labels';
import { dateText, dateTimeText, timeAgo } from '../../../utils/time';

export interface TimelineEntryView {
  seq: number;
  label: string;
  actor: string;
  time: string;
  /** Structured facts in words: "转交：区住建局，办理期限 12月5日". */
  facts: string[];
  note: string;
  photos: string[];
}

export interface CaseActions {
  supplement: boolean;
  withdraw: boolean;
  rate: boolean;
  reopen: boolean;
  /** "还可申请重办 2 次" */
  reopenLeftText: string;
}

export interface CaseView {
  title: string;
  status: CaseStatus;
  receiptNo: string;
  stationName: string;
  deputyLine: string;
  content: string;
  photos: string[];
  facts: { label: string; value: string }[];
  ratingText: string;
  timeline: TimelineEntryView[];
  actions: CaseActions;
}

type Data = NonNullable<CaseTimelineEntry['data']>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const lookup = <T extends string>(table: Readonly<Record<T, string>>, key: unknown): string =>
  typeof key === 'string' && key in table ? table[key as T] : '';

/** Who did it, as the resident reads it: "我", "联络员 王芳", "人大代表 李明", "系统". */
export function actorText(entry: Pick<CaseTimelineEntry, 'actorRole' | 'actorName'>): string {
  const role = ACTOR_ROLE_LABELS[entry.actorRole] ?? '';
  if (entry.actorRole === 'system') return role;
  if (entry.actorRole === 'resident') return entry.actorName || role;
  if (!entry.actorName) return role;
  // The contract sends the bare name; a server that already wrote "联络员 王芳" is not prefixed twice.
  return entry.actorName.startsWith(role) ? entry.actorName : `${role} ${entry.actorName}`;
}

type FactsOf = (data: Data, detail: CaseDetail, now: Date) => string[];

/** The `data` each kind of event carries (backend/domain/case/case.events.ts), in words. */
const FACTS: Partial<Record<CaseEventKind, FactsOf>> = {
  submitted: (d) => [d.category ? `类别：${lookup(CATEGORY_LABELS, d.category)}` : '', d.anonymous === true ? '匿名留言' : ''],
  accepted: (d, _c, now) => [d.dueAt ? `答复期限 ${dateText(str(d.dueAt), now)}` : ''],
  rejected: (d) => [d.referral ? `建议向${str(d.referral)}反映` : ''],
  assigned: (d, c) => {
    const name = str(d.deputyName) || (c.assignedDeputy && d.deputyId === c.assignedDeputy.id ? c.assignedDeputy.name : '');
    return [name ? `承办代表：人大代表 ${name}` : ''];
  },
  transferred: (d, _c, now) => [
    `转交：${str(d.receivingBody)}${d.deadline ? `，办理期限 ${dateText(str(d.deadline), now)}` : ''}`,
    lookup(TRANSFER_ROUTE_LABELS, d.route),
  ],
  answer_recorded: (d) => [d.from ? `答复单位：${str(d.from)}` : ''],
  rated: (d) => [d.rating ? `评价：${lookup(RATING_LABELS, d.rating)}` : ''],
  reopened: (d) => [
    typeof d.reopenCount === 'number' ? `第 ${d.reopenCount} 次重办` : '',
    d.previousRating ? `此前评价：${lookup(RATING_LABELS, d.previousRating)}` : '',
  ],
  supervised: (d, _c, now) => [d.escalated === true ? '逾期督办' : '', d.dueAt ? `办理期限延至 ${dateText(str(d.dueAt), now)}` : ''],
  closed: (d) => [d.how === 'auto' ? '答复后未评价，按期自动办结' : d.withoutRating === true && d.how !== 'merge' ? '未经评价办结' : ''],
  merged: (d) => [d.intoReceiptNo ? `与留言 ${str(d.intoReceiptNo)} 合并办理` : ''],
  transfer_requested: (d) => [d.route ? `建议${lookup(TRANSFER_ROUTE_LABELS, d.route)}` : ''],
};

/** Notes that need a word of context to read right. */
const NOTE_PREFIXES: Partial<Record<CaseEventKind, string>> = {
  rejected: '不予受理原因：',
  reopened: '重办原因：',
  withdrawn: '撤回原因：',
  rated: '评价说明：',
};

export function toEntryView(entry: CaseTimelineEntry, detail: CaseDetail, now: Date): TimelineEntryView {
  const facts = FACTS[entry.kind]?.(entry.data ?? {}, detail, now) ?? [];
  return {
    seq: entry.seq,
    label: EVENT_LABELS[entry.kind] ?? '',
    actor: actorText(entry),
    time: timeAgo(entry.at, now, { withinDays: 7, withTime: true }),
    facts: facts.filter(Boolean),
    note: entry.note ? `${NOTE_PREFIXES[entry.kind] ?? ''}${entry.note}` : '',
    photos: (entry.photos ?? []).map((p) => p.url),
  };
}

export function reopensLeft(detail: Pick<CaseDetail, 'reopenCount'>): number {
  return Math.max(0, MAX_REOPENS - detail.reopenCount);
}

/**
 * The server lists what the lifecycle allows; the page narrows it to what makes sense to
 * offer: 撤回 only before acceptance, 评价 once per answer, 申请重办 after 不满意 (or after
 * a closing without a rating) and while any are left.
 */
export function toActions(detail: CaseDetail): CaseActions {
  const can = (command: CaseDetail['availableCommands'][number]) => detail.availableCommands.includes(command);
  const left = reopensLeft(detail);
  const unhappy = detail.rating ? detail.rating.value === 'unsatisfied' : detail.status === 'closed';
  const reopen = can('request_reopen') && left > 0 && unhappy;
  return {
    supplement: can('supplement'),
    withdraw: can('withdraw') && detail.status === 'submitted',
    rate: can('rate') && !detail.rating,
    reopen,
    reopenLeftText: reopen ? `还可申请重办 ${left} 次` : '',
  };
}

function deputyLine(detail: CaseDetail): string {
  if (detail.assignedDeputy) return `承办代表：人大代表 ${detail.assignedDeputy.name}`;
  if (detail.targetDeputy) return `留言给：人大代表 ${detail.targetDeputy.name}`;
  return '由联络员分派承办代表';
}

function caseFacts(detail: CaseDetail, now: Date): { label: string; value: string }[] {
  const contact = [detail.contact?.name, detail.contact?.phone].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    ['留言类别', CATEGORY_LABELS[detail.category] ?? ''],
    ['提交时间', dateTimeText(detail.submittedAt, now)],
    ['问题位置', detail.location ? detail.location.address || '已在地图上标注' : ''],
    ['联系方式', contact],
    ['匿名', detail.anonymous ? '是（代表看不到您的身份）' : ''],
    ['转办', detail.transfer ? `${detail.transfer.receivingBody}，办理期限 ${dateText(detail.transfer.deadline, now)}` : ''],
    ['答复期限', detail.dueAt ? dateText(detail.dueAt, now) : ''],
  ];
  return rows.filter(([, value]) => value).map(([label, value]) => ({ label, value }));
}

export function toCaseView(detail: CaseDetail, now: Date): CaseView {
  const rating = detail.rating;
  return {
    title: detail.title,
    status: detail.status,
    receiptNo: detail.receiptNo,
    stationName: detail.station.name,
    deputyLine: deputyLine(detail),
    content: detail.content,
    photos: detail.photos.map((p) => p.url),
    facts: caseFacts(detail, now),
    ratingText: rating ? `我的评价：${RATING_LABELS[rating.value]}${rating.comment ? `（${rating.comment}）` : ''}` : '',
    timeline: [...detail.timeline].sort((a, b) => b.seq - a.seq).map((e) => toEntryView(e, detail, now)),
    actions: toActions(detail),
  };
}

export type CommandForm = { note: string; rating: string; comment: string; reason: string };
export type Popup = '' | 'supplement' | 'rate' | 'reopen';

export const EMPTY_COMMAND_FORM: CommandForm = { note: '', rating: '', comment: '', reason: '' };
export const RATING_OPTIONS = (Object.keys(RATING_LABELS) as (keyof typeof RATING_LABELS)[]).map((value) => ({ value, label: RATING_LABELS[value] }));

/** What is missing before a command can be sent (the server's own sentences), or ''. */
export function commandProblem(popup: Popup, form: CommandForm, photoProblem: string): string {
  if (popup === 'supplement') return form.note.trim() ? photoProblem : '请填写补充说明';
  if (popup === 'rate') return form.rating ? '' : '请选择您对答复的评价';
  if (popup === 'reopen') return form.reason.trim() ? '' : '请说明需要重办的原因';
  return '';
}
