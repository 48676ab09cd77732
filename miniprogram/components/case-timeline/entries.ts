/**
 * A case's timeline in the shape this component renders, for every case page (the
 * resident's and the handler's). It lives in the main package because a page of one
 * subpackage may not require another subpackage's code. Pure: unit-tested in
 * test/miniprogram/case-view-models.test.ts and work-view-models.test.ts.
 */
import type { CaseDetail, CaseEventKind, CaseTimelineEntry } from '../../../typings/case';
import { ACTOR_ROLE_LABELS, CATEGORY_LABELS, EVENT_LABELS, RATING_LABELS, TRANSFER_ROUTE_LABELS } from '../../generated/labels';
import { dateText, timeAgo } from '../../utils/time';

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

/** What an entry may draw on besides itself: the deputy now assigned names an old assignment. */
export type TimelineCase = Pick<CaseDetail, 'timeline' | 'assignedDeputy'>;

type Data = NonNullable<CaseTimelineEntry['data']>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const lookup = <T extends string>(table: Readonly<Record<T, string>>, key: unknown): string => (typeof key === 'string' && key in table ? table[key as T] : '');

/**
 * Who did it: "联络员 王芳", "人大代表 李明", "系统", and the resident by the name the server
 * sends (its own "我" to the resident, the resident's name to a handler, 群众 when hidden).
 */
export function actorText(entry: Pick<CaseTimelineEntry, 'actorRole' | 'actorName'>): string {
  const role = ACTOR_ROLE_LABELS[entry.actorRole] ?? '';
  if (entry.actorRole === 'system' || !entry.actorName) return role;
  if (entry.actorRole === 'resident') return entry.actorName;
  // The contract sends the bare name; a server that already wrote "联络员 王芳" is not prefixed twice.
  return entry.actorName.startsWith(role) ? entry.actorName : `${role} ${entry.actorName}`;
}

type FactsOf = (data: Data, detail: TimelineCase, now: Date) => string[];

/**
 * The category the officer chose on accepting, in words, with the one it replaced: the
 * event carries codes ("help", "unsure"), never a label. '' when none was chosen or the code
 * is unknown to this version of the app.
 */
function categoryChosen(d: Data): string {
  const chosen = lookup(CATEGORY_LABELS, d.category);
  if (!chosen) return '';
  const before = lookup(CATEGORY_LABELS, d.previousCategory);
  return before ? `类别：${chosen}（原为 ${before}）` : `类别：${chosen}`;
}

/** The `data` each kind of event carries (backend/domain/case/case.events.ts), in words. */
const FACTS: Partial<Record<CaseEventKind, FactsOf>> = {
  submitted: (d) => [d.category ? `类别：${lookup(CATEGORY_LABELS, d.category)}` : '', d.anonymous === true ? '匿名留言' : ''],
  accepted: (d, _c, now) => [d.dueAt ? `答复期限 ${dateText(str(d.dueAt), now)}` : '', categoryChosen(d)],
  rejected: (d) => [d.referral ? `建议向${str(d.referral)}反映` : ''],
  assigned: (d, c) => {
    const name = str(d.deputyName) || (c.assignedDeputy && d.deputyId === c.assignedDeputy.id ? c.assignedDeputy.name : '');
    return [name ? `承办代表：人大代表 ${name}` : ''];
  },
  transferred: (d, _c, now) => [`转交：${str(d.receivingBody)}${d.deadline ? `，办理期限 ${dateText(str(d.deadline), now)}` : ''}`, lookup(TRANSFER_ROUTE_LABELS, d.route)],
  answer_recorded: (d) => [d.from ? `答复单位：${str(d.from)}` : ''],
  rated: (d) => [d.rating ? `评价：${lookup(RATING_LABELS, d.rating)}` : ''],
  reopened: (d) => [typeof d.reopenCount === 'number' ? `第 ${d.reopenCount} 次重办` : '', d.previousRating ? `此前评价：${lookup(RATING_LABELS, d.previousRating)}` : ''],
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

export function toEntryView(entry: CaseTimelineEntry, detail: TimelineCase, now: Date): TimelineEntryView {
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

/** Newest first. */
export function toTimeline(detail: TimelineCase, now: Date): TimelineEntryView[] {
  return [...detail.timeline].sort((a, b) => b.seq - a.seq).map((entry) => toEntryView(entry, detail, now));
}
