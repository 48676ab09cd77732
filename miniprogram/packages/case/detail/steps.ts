/**
 * The step bar of the resident's case page: 提交 → 受理 → 办理 → 答复 → 评价, each step done
 * with its date (from the timeline), the current one marked, and when the next is expected
 * (the case's deadline). Cases that leave the path (不予受理, 撤回, 合并) end in a step of
 * their own. Pure: the table in test/miniprogram/case-steps.test.ts holds it.
 */
import type { CaseDetail, CaseEventKind, CaseStatus, CaseTimelineEntry } from '../../../../typings/case';
import { RATING_LABELS } from '../../../generated/labels';
import { CASE_TIME_LIMITS } from '../../../generated/rules';
import { dateText } from '../../../utils/time';

/** After these days an officer may close a reply unrated, so the page asks for a rating by then. */
const RATE_WITHIN_DAYS = CASE_TIME_LIMITS.closeQuietDays;

export type StepKey = 'submit' | 'accept' | 'handle' | 'reply' | 'rate' | 'end';
/** `skipped`: closed without the resident's rating; `ended`: the case left the path here. */
export type StepState = 'done' | 'current' | 'todo' | 'skipped' | 'ended';

export interface StepView {
  key: StepKey;
  label: string;
  state: StepState;
  /** The day the step was reached: "11月12日"; '' while it is not. */
  date: string;
  /** What the step is waiting for (current), or what happened in it: "已转交区住建局", "不满意". */
  note: string;
  /** The state in words, for screen readers (the marker shows it to the eye): "已完成". */
  stateText: string;
}

export interface CaseProgress {
  steps: StepView[];
  /** "预计 11月24日前受理", "请在 11月28日前评价"; '' when nothing is expected of anyone. */
  next: string;
  /** The deadline in `next` has passed. */
  overdue: boolean;
}

export type ProgressCase = Pick<CaseDetail, 'status' | 'timeline' | 'dueAt' | 'rating' | 'closure' | 'transfer' | 'reopenCount'>;

const LABELS: Readonly<Record<Exclude<StepKey, 'end'>, string>> = { submit: '提交', accept: '受理', handle: '办理', reply: '答复', rate: '评价' };
const PATH: readonly Exclude<StepKey, 'end'>[] = ['submit', 'accept', 'handle', 'reply', 'rate'];
const STATE_WORDS: Readonly<Record<StepState, string>> = { done: '已完成', current: '当前步骤', todo: '未开始', skipped: '', ended: '' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The step that is underway in each status on the path (replied: the resident's rating). */
const CURRENT: Readonly<Partial<Record<CaseStatus, Exclude<StepKey, 'end'>>>> = {
  submitted: 'accept',
  accepted: 'handle',
  transferred: 'handle',
  in_progress: 'handle',
  replied: 'rate',
};

/** What the current step waits for, and what the deadline is the deadline of. */
const WAITING: Readonly<Partial<Record<StepKey, { note: string; verb: string }>>> = {
  accept: { note: '等待联络站受理', verb: '受理' },
  handle: { note: '正在办理', verb: '答复' },
  rate: { note: '请您评价答复', verb: '评价' },
};

function step(key: StepKey, label: string, state: StepState, date = '', note = ''): StepView {
  return { key, label, state, date, note, stateText: STATE_WORDS[state] };
}

export function toProgress(detail: ProgressCase, now: Date): CaseProgress {
  const events = [...detail.timeline].sort((a, b) => a.seq - b.seq);
  const find = (kinds: readonly CaseEventKind[], after = 0, newest = true): CaseTimelineEntry | undefined => {
    const hits = events.filter((e) => e.seq > after && kinds.includes(e.kind));
    return newest ? hits[hits.length - 1] : hits[0];
  };
  const day = (at: string | undefined) => (at ? dateText(at, now) : '');
  const submitted = step('submit', LABELS.submit, 'done', day(find(['submitted'])?.at));
  const accepted = find(['accepted']);

  // Off the path: the bar stops where the case left it.
  const ending = offPath(detail, find);
  if (ending) {
    const before = ending.afterAccept && accepted ? [submitted, step('accept', LABELS.accept, 'done', day(accepted.at))] : [submitted];
    return { steps: [...before, step('end', ending.label, 'ended', day(ending.at), ending.note)], next: '', overdue: false };
  }

  // A 重办 starts the handling over: handling, reply and rating count from it.
  const reopen = find(['reopened']);
  const round = reopen?.seq ?? 0;
  const handleFrom = reopen ?? find(['started', 'transferred', 'assigned'], accepted?.seq ?? 0, false) ?? accepted;
  const replied = find(['replied'], round);
  const current = CURRENT[detail.status];
  const at = current ? PATH.indexOf(current) : PATH.length;
  const dates: Record<Exclude<StepKey, 'end'>, string> = {
    submit: submitted.date,
    accept: day(accepted?.at),
    handle: day(handleFrom?.at),
    reply: day(replied?.at),
    rate: day(detail.rating?.at ?? detail.closure?.at),
  };
  const notes: Partial<Record<StepKey, string>> = {
    handle: [
      reopen && detail.reopenCount ? `第 ${detail.reopenCount} 次重办` : '',
      detail.status === 'transferred' && detail.transfer ? `已转交${detail.transfer.receivingBody}` : '',
    ]
      .filter(Boolean)
      .join('，'),
    rate: detail.rating ? RATING_LABELS[detail.rating.value] : detail.closure ? unratedNote(find(['closed'])) : '',
  };

  const rated = !!detail.rating;
  const steps = PATH.map((key, i) => {
    if (key === 'rate' && detail.status === 'closed' && !rated) return step(key, LABELS[key], 'skipped', dates.rate, notes.rate);
    if (key === 'rate' && rated) return step(key, LABELS[key], 'done', dates.rate, notes.rate);
    if (i < at) return step(key, LABELS[key], 'done', dates[key], notes[key]);
    if (i === at) return step(key, LABELS[key], 'current', dates[key], [WAITING[key]?.note, notes[key]].filter(Boolean).join('，'));
    return step(key, LABELS[key], 'todo');
  });
  return { steps, ...nextOf(detail, current, rated ? undefined : replied, now) };
}

/** 不予受理, 撤回 and 合并办理: the step the case ended in, and whether it had been accepted first. */
function offPath(
  detail: ProgressCase,
  find: (kinds: readonly CaseEventKind[]) => CaseTimelineEntry | undefined,
): { label: string; at?: string; note: string; afterAccept: boolean } | undefined {
  if (detail.status === 'withdrawn') return { label: '已撤回', at: find(['withdrawn'])?.at, note: '', afterAccept: false };
  if (detail.status === 'rejected') {
    const rejected = find(['rejected']);
    const referral = typeof rejected?.data?.referral === 'string' ? rejected.data.referral : '';
    return { label: '不予受理', at: rejected?.at, note: referral ? `建议向${referral}反映` : '', afterAccept: false };
  }
  const merged = detail.closure?.mergedInto;
  if (detail.status === 'closed' && merged) {
    return { label: '合并办理', at: detail.closure?.at, note: `与留言 ${merged.receiptNo} 合并办理，请在那件留言查看进度`, afterAccept: true };
  }
  return undefined;
}

function unratedNote(closed: CaseTimelineEntry | undefined): string {
  return closed?.data?.how === 'auto' ? '未评价，已按期自动办结' : '未评价，已办结';
}

/** When the current step is due: the case's deadline, or for a rating the days a reply waits for one. */
function nextOf(detail: ProgressCase, current: StepKey | undefined, unratedReply: CaseTimelineEntry | undefined, now: Date): Omit<CaseProgress, 'steps'> {
  const verb = current ? WAITING[current]?.verb : undefined;
  const due =
    current === 'rate' ? (unratedReply ? new Date(Date.parse(unratedReply.at) + RATE_WITHIN_DAYS * DAY_MS) : undefined) : detail.dueAt ? new Date(detail.dueAt) : undefined;
  if (!verb || !due || Number.isNaN(due.getTime())) return { next: '', overdue: false };
  const date = dateText(due, now);
  const passed = now.getTime() > due.getTime();
  // The resident is not late with a rating: past the days counted on, it is still welcome.
  if (current === 'rate') return { next: passed ? '请尽快评价' : `请在 ${date}前评价`, overdue: false };
  if (passed) return { next: `应于 ${date}前${verb}，已逾期`, overdue: true };
  return { next: `预计 ${date}前${verb}`, overdue: false };
}
