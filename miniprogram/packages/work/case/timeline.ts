/**
 * The timeline as a handler reads it, in the shape components/case-timeline renders.
 * The resident's page has its own shaper in packages/case/detail, which a page of this
 * subpackage may not require (WeChat loads subpackages apart); this one names the resident
 * instead of "我". Pure: unit-tested in test/miniprogram/work-view-models.test.ts.
 */
import type { CaseEventKind, CaseTimelineEntry } from '../../../../typings/case';
import { ACTOR_ROLE_LABELS, CATEGORY_LABELS, EVENT_LABELS, RATING_LABELS, TRANSFER_ROUTE_LABELS } from '../../../components/case-status-tag/labels';
import { dateText, timeAgo } from '../../../utils/time';

export interface TimelineEntryView {
  seq: number;
  label: string;
  actor: string;
  time: string;
  facts: string[];
  note: string;
  photos: string[];
}

type Data = NonNullable<CaseTimelineEntry['data']>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const lookup = (table: Readonly<Record<string, string>>, key: unknown): string => (typeof key === 'string' ? table[key] ?? '' : '');

/** "联络员 王芳", "人大代表 李明", the resident's name (or 群众 when hidden), "系统". */
export function actorText(entry: Pick<CaseTimelineEntry, 'actorRole' | 'actorName'>): string {
  const role = ACTOR_ROLE_LABELS[entry.actorRole] ?? '';
  if (entry.actorRole === 'system' || !entry.actorName) return role;
  if (entry.actorRole === 'resident') return entry.actorName;
  return entry.actorName.startsWith(role) ? entry.actorName : `${role} ${entry.actorName}`;
}

const FACTS: Partial<Record<CaseEventKind, (d: Data, now: Date) => string[]>> = {
  submitted: (d) => [d.category ? `类别：${lookup(CATEGORY_LABELS, d.category)}` : '', d.anonymous === true ? '匿名留言' : ''],
  accepted: (d, now) => [d.dueAt ? `答复期限 ${dateText(str(d.dueAt), now)}` : ''],
  rejected: (d) => [d.referral ? `建议向${str(d.referral)}反映` : ''],
  assigned: (d) => [d.deputyName ? `承办代表：人大代表 ${str(d.deputyName)}` : ''],
  transferred: (d, now) => [`转交：${str(d.receivingBody)}${d.deadline ? `，办理期限 ${dateText(str(d.deadline), now)}` : ''}`, lookup(TRANSFER_ROUTE_LABELS, d.route)],
  answer_recorded: (d) => [d.from ? `答复单位：${str(d.from)}` : ''],
  rated: (d) => [d.rating ? `评价：${lookup(RATING_LABELS, d.rating)}` : ''],
  reopened: (d) => [typeof d.reopenCount === 'number' ? `第 ${d.reopenCount} 次重办` : ''],
  supervised: (d, now) => [d.escalated === true ? '逾期督办' : '', d.dueAt ? `办理期限延至 ${dateText(str(d.dueAt), now)}` : ''],
  closed: (d) => [d.how === 'auto' ? '答复后未评价，按期自动办结' : d.withoutRating === true && d.how !== 'merge' ? '未经评价办结' : ''],
  merged: (d) => [d.intoReceiptNo ? `与留言 ${str(d.intoReceiptNo)} 合并办理` : ''],
  transfer_requested: (d) => [d.route ? `建议${lookup(TRANSFER_ROUTE_LABELS, d.route)}` : ''],
};

const NOTE_PREFIXES: Partial<Record<CaseEventKind, string>> = {
  rejected: '不予受理原因：',
  reopened: '重办原因：',
  withdrawn: '撤回原因：',
  rated: '评价说明：',
};

/** Newest first. */
export function toTimeline(entries: readonly CaseTimelineEntry[], now: Date): TimelineEntryView[] {
  return [...entries]
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => ({
      seq: entry.seq,
      label: EVENT_LABELS[entry.kind] ?? '',
      actor: actorText(entry),
      time: timeAgo(entry.at, now, { withinDays: 7, withTime: true }),
      facts: (FACTS[entry.kind]?.(entry.data ?? {}, now) ?? []).filter(Boolean),
      note: entry.note ? `${NOTE_PREFIXES[entry.kind] ?? ''}${entry.note}` : '',
      photos: (entry.photos ?? []).map((p) => p.url),
    }));
}
