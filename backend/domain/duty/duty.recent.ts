/**
 * The latest entries of the duty record, each a short Chinese line saying what the counts
 * are made of. A resident is never named: a booking says when, a case says its title.
 */
import type { ReceptionKind } from '../../../typings/api';
import type { DutyRecord } from '../../../typings/workspace';
import type { DutyActivity, DutyEventKind } from './duty.activity';
import { maskNumbers } from '../privacy';
import { ACTIVITY_KIND_LABELS } from '../activity/activity.rules';
import { OFFLINE_COUNTS } from './duty.count';

export const RECENT_DUTY_ENTRIES = 20;

type Entry = DutyRecord['recent'][number];

const TITLE_CHARS = 20;

const EVENT_ENTRY: Readonly<Record<DutyEventKind, { kind: Entry['kind']; text: (title: string) => string }>> = {
  replied: { kind: 'replies', text: (title) => `答复留言「${title}」` },
  followed_up: { kind: 'followUps', text: (title) => `回访群众：「${title}」` },
  // A transfer request is a day of activity, not an item of its own.
  transfer_requested: { kind: 'activeDays', text: (title) => `建议转办「${title}」` },
};

/** What a check-in is listed under, by its day's kind (duty.count.ts counts only a reception day's as 进站接待). */
const CHECK_IN_ENTRY: Readonly<Record<ReceptionKind, { kind: Entry['kind']; text: string }>> = {
  reception: { kind: 'receptions', text: '接待日' },
  forum: { kind: 'activeDays', text: '代表论坛' },
  meeting: { kind: 'activeDays', text: '约见一府两院' },
  report_meeting: { kind: 'activeDays', text: '述职会' },
};

function short(title: string): string {
  const chars = [...title];
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join('')}…` : title;
}

export function recentDutyEntries(activity: DutyActivity, limit = RECENT_DUTY_ENTRIES): Entry[] {
  const entries: (Omit<Entry, 'at'> & { at: Date })[] = [];
  // Masked before shortening, so a cut can never leave half a number readable.
  const titleOf = (caseId: string) => short(maskNumbers(activity.cases.get(caseId)?.title ?? '一件留言'));
  for (const event of activity.events) {
    const { kind, text } = EVENT_ENTRY[event.kind];
    entries.push({ at: event.at, kind, text: text(titleOf(event.caseId)), caseId: event.caseId });
  }
  for (const checkIn of activity.checkIns) {
    // Counted either way; the record says which proof stood behind it. Only a reception day's is 进站接待.
    const { kind, text } = CHECK_IN_ENTRY[checkIn.kind];
    entries.push({ at: checkIn.at, kind, text: `在${checkIn.stationName}${text}签到`, proof: checkIn.proof });
  }
  const checkedIn = new Set(activity.checkIns.map((checkIn) => checkIn.receptionId));
  for (const booking of activity.bookings) {
    if (checkedIn.has(booking.receptionId)) entries.push({ at: booking.startsAt, kind: 'votersContacted', text: `接待约访群众（${booking.slot}）` });
  }
  const practical = new Set(activity.events.filter((event) => event.kind === 'replied').map((event) => event.caseId));
  for (const id of practical) {
    const satisfiedAt = activity.cases.get(id)?.satisfiedAt;
    if (satisfiedAt) entries.push({ at: satisfiedAt, kind: 'practicalThings', text: `「${titleOf(id)}」办结，群众满意`, caseId: id });
  }
  for (const one of activity.suggestions ?? []) {
    entries.push({ at: one.submittedAt, kind: 'suggestions', text: `${one.role === 'author' ? '提出' : '联名提出'}代表建议「${short(maskNumbers(one.title))}」` });
  }
  for (const report of activity.reports) {
    entries.push({ at: report.publishedAt, kind: 'reports', text: `发布述职报告「${short(maskNumbers(report.title))}」`, reportId: report.id });
  }
  for (const one of activity.offline ?? []) {
    // Shown on its own day (noon in Beijing), the day it happened rather than the day it was confirmed.
    const kind = OFFLINE_COUNTS[one.kind].group ? 'groupActivities' : 'offlineActivities';
    entries.push({ at: new Date(`${one.date}T04:00:00Z`), kind, text: `${ACTIVITY_KIND_LABELS[one.kind]}（${short(maskNumbers(one.place))}）`, activityId: one.id });
  }
  for (const one of activity.forums ?? []) {
    entries.push({ at: new Date(`${one.date}T04:00:00Z`), kind: 'forums', text: `${one.kind === 'forum' ? '代表论坛' : '约见一府两院'}「${short(maskNumbers(one.topic))}」` });
  }
  return entries
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit)
    .map((entry) => ({ ...entry, at: entry.at.toISOString() }));
}
