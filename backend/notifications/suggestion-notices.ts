/**
 * The scheduler's messages about 代表建议, shaped once here as outbox documents of the
 * `notifications` collection (the dispatcher sends them on each person's own grant):
 * - to a linked case's resident (诉求状态变更, caseStatusChanged): the suggestion was accepted,
 *   answered or closed, about THEIR case (its receipt number, the page opens it);
 * - to handlers (待办事项提醒, handlerTask): a unit's staff before a deadline, the district office
 *   when a suggestion is overdue (督办), the author when an answer waits for a rating.
 * Each message's `_id` is deterministic (`suggestion:<id>:<key>[:<openid>]`), so a rerun, a second
 * scheduler or a settle lost to a race can never queue it twice.
 */
import { shanghaiDate } from '../domain/calendar';
import type { DeadlineReminder } from '../domain/scheduler/suggestion-clock';
import type { SuggestionDocument, SuggestionResidentNotice } from '../domain/suggestion/suggestion.document';
import { publishableAnswer } from '../domain/suggestion/suggestion.public';
import { SUGGESTION_RESULT_LABELS } from '../domain/suggestion/suggestion.rules';
import { maskNumbers } from '../domain/privacy';
import type { NotificationDocument } from '../data/notifications';
import { outboxDocument } from './outbox';
import { CASE_PAGE } from './templates';

/** The mini-program page a handler's notice about a suggestion opens. */
export const SUGGESTION_PAGE = 'packages/suggestion/detail/index';

/** The 状态 phrase (≤ 5 Chinese characters) a resident reads for each step. */
export const RESIDENT_STEP_STATUS: Readonly<Record<SuggestionResidentNotice['step'], string>> = {
  accepted: '建议已立案',
  answered: '建议已答复',
  closed: '建议已办结',
};

type Noticed = Pick<SuggestionDocument, '_id' | 'number' | 'title' | 'answers'>;

/** What a resident's case is to the notice: its receipt number and its resident. */
export interface NoticedCase {
  readonly id: string;
  readonly receiptNo: string;
  readonly ownerOpenid: string;
}

/** The resident's message for one queued notice, about their own case. */
export function residentNotice(doc: Noticed, notice: SuggestionResidentNotice, kase: NoticedCase, now: Date): NotificationDocument {
  return outboxDocument<'caseStatusChanged'>(
    {
      _id: `suggestion:${doc._id}:${notice.key}`,
      openid: kase.ownerOpenid,
      kind: 'caseStatusChanged',
      values: {
        receiptNo: kase.receiptNo,
        title: maskNumbers(doc.title),
        status: RESIDENT_STEP_STATUS[notice.step],
        updatedAt: notice.queuedAt,
        note: residentNote(doc, notice),
      },
      page: `${CASE_PAGE}?id=${kase.id}`,
      caseId: kase.id,
    },
    now,
  );
}

/** The 说明 line: what the step means for the resident; an answer's content only if its unit allowed publishing. */
export function residentNote(doc: Noticed, notice: Pick<SuggestionResidentNotice, 'step' | 'queuedAt'>): string {
  switch (notice.step) {
    case 'accepted':
      return '您反映的问题已纳入代表建议';
    case 'answered': {
      // The answer this notice was queued with (its step's instant), else the latest.
      const answer = doc.answers.find((a) => a.at.getTime() === notice.queuedAt.getTime()) ?? doc.answers.at(-1);
      const published = answer && publishableAnswer({ answers: [answer] });
      return published ? `${published.unitName}答复：${SUGGESTION_RESULT_LABELS[published.result]}` : '承办单位已答复代表';
    }
    case 'closed':
      return '代表建议办理完毕，感谢您的反映';
  }
}

/**
 * The suggestion in a handlerTask's 受理编号 (letters, digits and symbols only): '2026-12' for
 * 福田〔2026〕第12号, else its id.
 */
export function suggestionCode(doc: Pick<SuggestionDocument, '_id' | 'number'>): string {
  const match = /〔(\d{4})〕第(\d+)号/.exec(doc.number ?? '');
  return match ? `${match[1]}-${match[2]}` : doc._id;
}

function handlerTask(doc: Noticed, key: string, openid: string, values: { task: string; dueAt: Date; note: string }, now: Date): NotificationDocument {
  return outboxDocument<'handlerTask'>(
    {
      _id: `suggestion:${doc._id}:${key}:${openid}`,
      openid,
      kind: 'handlerTask',
      values: { task: values.task, title: maskNumbers(doc.title), receiptNo: suggestionCode(doc), dueAt: values.dueAt, note: values.note },
      page: `${SUGGESTION_PAGE}?id=${doc._id}`,
      dueKey: key,
    },
    now,
  );
}

const monthDay = (instant: Date): string => {
  const [, month, day] = shanghaiDate(instant).split('-').map(Number);
  return `${month}月${day}日`;
};

/** A unit's staff member, `reminder.daysBefore` days or less before its deadline. */
export function deadlineReminder(doc: Noticed, reminder: DeadlineReminder, openid: string, now: Date): NotificationDocument {
  const task = reminder.role === 'lead' ? '代表建议答复即将到期' : '协办意见即将到期';
  const note = reminder.role === 'lead' ? `请于${monthDay(reminder.deadline)}前答复代表` : `请于${monthDay(reminder.deadline)}前向主办单位提出协办意见`;
  return handlerTask(doc, reminder.keys[0], openid, { task, dueAt: reminder.deadline, note }, now);
}

/** The district office (督办): the lead unit let the deadline pass without an answer. */
export function overdueNotice(doc: Noticed & Pick<SuggestionDocument, 'assignments' | 'deadline'>, deadline: Date, openid: string, now: Date): NotificationDocument {
  const lead = doc.assignments.find((assignment) => assignment.role === 'lead');
  return handlerTask(
    doc,
    `overdue:${deadline.toISOString()}`,
    openid,
    { task: '代表建议逾期未答复', dueAt: deadline, note: `${lead?.unitName ?? '承办单位'}逾期未答复，请督办` },
    now,
  );
}

/** The author: the round's answer has waited `ratingReminderDays` for their rating. */
export function ratingReminder(doc: Noticed & Pick<SuggestionDocument, 'round'>, key: string, openid: string, now: Date): NotificationDocument {
  const answer = doc.answers.at(-1);
  const note = answer ? `${answer.unitName}已于${monthDay(answer.at)}答复` : '承办单位已答复';
  return handlerTask(doc, key, openid, { task: '请评价代表建议的答复', dueAt: now, note }, now);
}
