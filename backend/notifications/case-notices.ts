/**
 * What the resident is told, by subscription message, about an event on their case: every
 * change of status (诉求状态变更) and every reply (留言回复). Pure: the values are logical
 * fields, shaped to WeChat's rules later by `templateData`.
 *
 * Also told: the receiving body's answer (as a reply) and a transfer to another body.
 * Not told: the submission itself (the receipt number is on the screen, and the first grant is
 * worth keeping for "已受理"), and timeline-only events (assignment, supplements, supervision,
 * follow-ups, a deputy's requests) — those still count in the in-app unread badge.
 */
import { shanghaiDate } from '../domain/calendar';
import type { CaseEvent, CaseState } from '../domain/case';
import { STATUS_LABELS } from '../domain/case';
import type { NoticeValues } from './templates';
import { maskNumbers } from '../domain/privacy';

export type CaseNotice =
  { readonly kind: 'caseStatusChanged'; readonly values: NoticeValues<'caseStatusChanged'> } | { readonly kind: 'caseReplied'; readonly values: NoticeValues<'caseReplied'> };

/**
 * Who is told: the case's own resident, or a resident who joined it (我也遇到) — the same
 * notices, with the 说明 line not speaking of what only the owner did.
 */
export type NoticeAudience = 'owner' | 'joiner';

/** `after` is the case as the event left it; `actorName` as the resident reads it ("人大代表 李明"). */
export function noticesFor(event: CaseEvent, after: CaseState, actorName: string, audience: NoticeAudience = 'owner'): CaseNotice[] {
  if (event.kind === 'submitted') return [];
  // A reply is one message, with its content; "已答复" as a bare status would spend a second grant on less.
  if (event.kind === 'replied') {
    return [
      {
        kind: 'caseReplied',
        values: { title: maskNumbers(after.title), replier: maskNumbers(actorName), summary: maskNumbers(event.note ?? '请查看答复内容'), repliedAt: event.at },
      },
    ];
  }
  // The receiving body's answer (recorded by the officer) is the substance the resident waits for.
  if (event.kind === 'answer_recorded') {
    return [
      {
        kind: 'caseReplied',
        values: {
          title: maskNumbers(after.title),
          replier: maskNumbers(String(event.data?.from ?? actorName)),
          summary: maskNumbers(event.note ?? '请查看答复内容'),
          repliedAt: event.at,
        },
      },
    ];
  }
  // A second transfer keeps the status yet sends the matter to another body: that is news.
  if (event.fromStatus === event.toStatus && event.kind !== 'transferred') return [];
  return [
    {
      kind: 'caseStatusChanged',
      values: {
        receiptNo: after.receiptNo,
        title: maskNumbers(after.title),
        status: STATUS_LABELS[event.toStatus],
        updatedAt: event.at,
        note: maskNumbers(audience === 'joiner' ? joinerNote(event, after) : statusNote(event, after)),
      },
    },
  ];
}

/** The 说明 line: what the change means for the resident, in a few words. */
export function statusNote(event: CaseEvent, after: CaseState): string {
  switch (event.kind) {
    case 'accepted':
      return after.dueAt ? `预计${monthDay(after.dueAt)}前答复` : '留言已受理';
    case 'rejected':
      return event.data?.referral ? `建议${event.data.referral.replace(/^(请|建议)/, '')}` : (event.note ?? '请查看不予受理的理由');
    case 'transferred':
      return event.data ? `已转${event.data.receivingBody}办理` : '已转承办单位办理';
    case 'started':
      return '正在办理，请留意答复';
    case 'reopened':
      return '已收到您的重办申请';
    case 'withdrawn':
      return '您已撤回这件留言';
    case 'rated':
      return '感谢您的评价';
    case 'merged':
      return event.data ? `与${event.data.intoReceiptNo}合并办理` : '与同一问题合并办理';
    case 'closed':
      if (event.data?.how === 'auto') return '答复后未评价，已自动办结';
      return after.rating ? '感谢您的评价' : '如仍有问题，可申请重办';
    default:
      return event.note ?? STATUS_LABELS[event.toStatus];
  }
}

/** A joiner did not rate, reopen or withdraw: those events read as what happened to the case. */
function joinerNote(event: CaseEvent, after: CaseState): string {
  switch (event.kind) {
    case 'reopened':
      return '提出人申请重办，继续办理';
    case 'rated':
      return '这件留言已办结';
    case 'closed':
      return event.data?.how === 'auto' ? '答复后已自动办结' : '这件留言已办结';
    default:
      return statusNote(event, after);
  }
}

function monthDay(instant: Date): string {
  const [, month, day] = shanghaiDate(instant).split('-').map(Number);
  return `${month}月${day}日`;
}
