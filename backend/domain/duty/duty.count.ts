/**
 * The duty record (履职档案): what a deputy's year of activity counts for, item by item,
 * against the yearly quotas of seed `003` (contact ≥ 30 voters, ≥ 3 visits, ≥ 10 days of
 * activity, ≥ 1 practical thing, ≥ 1 suggestion) and the reception rhythm of DOMAIN.md (at
 * least once every two months: 6 a year). The rules:
 *
 * - receptions: check-ins at reception days (kind 'reception'): a 代表论坛 or 约见 counts under forums
 *   once its 活动回顾 is posted, a 述职会 under neither — a check-in there is a day of activity only;
 * - votersContacted: distinct residents — owners of the cases the deputy replied to or followed
 *   up (回访), and residents who booked a slot with the deputy at a reception the deputy checked in to;
 * - visits: 回访 count as visits, one per day — several follow-ups on one outing are one visit;
 * - activeDays: distinct Shanghai dates with a check-in, reply, follow-up, transfer request or a suggestion submitted;
 * - practicalThings: cases the deputy replied to that are now closed on a satisfied rating;
 * - suggestions: 代表建议 the deputy authored or co-signed (confirmed) submitted in the year, neither
 *   withdrawn nor converted into a case referral — from the suggestions themselves, not a case's mark;
 * - replies, followUps: how many, without a quota;
 * - reports: 述职报告 published (DOMAIN.md sets no quota for them; the ratings are summed apart);
 * - offline activities (履职登记), confirmed by the deputy only, by OFFLINE_COUNTS below;
 * - forums: 代表论坛 / 约见 published on the schedule with the deputy on it, once the officer posted
 *   its 活动回顾 (one that did not happen does not count); its date is a day of activity too. A
 *   confirmed 履职登记 of a 代表论坛 or 约见一府两院 on the same day is the same occasion, counted once
 *   here and in groupActivities (a 代表论坛 is a group activity however it was recorded).
 */
import type { DutyItem } from '../../../typings/workspace';
import { shanghaiDate } from '../calendar';
import type { ReportRatings } from '../../../typings/report';
import { addRatingCounts, NO_RATINGS, reportRatings } from '../report/report.ratings';
import type { ActivityKind } from '../../../typings/activity';
import type { DutyActivity, DutyEventKind } from './duty.activity';

type DutyKey = DutyItem['key'];

interface ItemSpec {
  readonly label: string;
  readonly unit: string;
  readonly quota?: number;
}

/** In the order the record shows them: quotas first. */
export const DUTY_ITEMS: Readonly<Record<DutyKey, ItemSpec>> = {
  votersContacted: { label: '联系选民', unit: '人', quota: 30 },
  visits: { label: '走访选民（含回访，同一天计一次）', unit: '次', quota: 3 },
  activeDays: { label: '履职活动', unit: '天', quota: 10 },
  practicalThings: { label: '为群众办实事', unit: '件', quota: 1 },
  suggestions: { label: '提出代表建议', unit: '件', quota: 1 },
  receptions: { label: '进站接待', unit: '次', quota: 6 },
  groupActivities: { label: '代表联组活动（调研视察、执法检查、代表论坛）', unit: '次', quota: 3 },
  replies: { label: '答复留言', unit: '次' },
  followUps: { label: '回访群众', unit: '次' },
  reports: { label: '向选民述职', unit: '次' },
  offlineActivities: { label: '线下履职活动（已确认）', unit: '次' },
  forums: { label: '参加代表论坛、约见一府两院', unit: '次' },
  visitors: { label: '接访群众（接待日登记）', unit: '人次' },
};

/**
 * What a confirmed offline activity counts for, written by hand from seed `003`: 代表联组活动
 * 每年不少于3次 (group activities: 调研视察, 执法检查, 代表论坛), and 全年参加闭会期间活动10天以上
 * (days of activity between sessions: every kind but the congress session itself and the
 * speeches made at it). Every confirmed one is also listed under offlineActivities.
 */
export const OFFLINE_COUNTS: Readonly<Record<ActivityKind, { group: boolean; activeDay: boolean }>> = {
  congress: { group: false, activeDay: false },
  standingCommittee: { group: false, activeDay: true },
  deliberation: { group: false, activeDay: false },
  inspection: { group: true, activeDay: true },
  lawEnforcement: { group: true, activeDay: true },
  forum: { group: true, activeDay: true },
  officials: { group: false, activeDay: true },
  other: { group: false, activeDay: true },
};

export type DutyCounts = Readonly<Record<DutyKey, number>>;

export function countDuty(activity: DutyActivity): DutyCounts {
  const of = (kind: DutyEventKind) => activity.events.filter((event) => event.kind === kind);
  const replied = of('replied');
  const followedUp = of('followed_up');

  const checkedInReceptions = new Set(activity.checkIns.map((checkIn) => checkIn.receptionId));
  const voters = new Set<string>();
  for (const event of [...replied, ...followedUp]) {
    const owner = activity.cases.get(event.caseId)?.ownerOpenid;
    if (owner) voters.add(owner);
  }
  for (const booking of activity.bookings) {
    if (checkedInReceptions.has(booking.receptionId)) voters.add(booking.openid);
  }

  const offline = activity.offline ?? [];
  const activeDays = new Set([
    ...activity.checkIns.map((checkIn) => checkIn.date),
    ...activity.events.map((event) => shanghaiDate(event.at)),
    ...(activity.suggestions ?? []).map((one) => shanghaiDate(one.submittedAt)),
    ...offline.filter((one) => OFFLINE_COUNTS[one.kind].activeDay).map((one) => one.date),
    ...(activity.forums ?? []).map((one) => one.date),
  ]);
  // One forum or meeting is one occasion, whether it was published on the schedule (and its 活动回顾
  // posted) or recorded by an officer afterwards (履职登记) — or both: counted once per kind and day.
  const occasions = [
    ...new Set([
      ...(activity.forums ?? []).map((one) => `${one.kind === 'forum' ? 'forum' : 'officials'}:${one.date}`),
      ...offline.filter((one) => one.kind === 'forum' || one.kind === 'officials').map((one) => `${one.kind}:${one.date}`),
    ]),
  ];
  const practical = new Set(replied.map((event) => event.caseId).filter((id) => activity.cases.get(id)?.satisfiedAt !== undefined));

  return {
    votersContacted: voters.size,
    visits: new Set(followedUp.map((event) => shanghaiDate(event.at))).size,
    activeDays: activeDays.size,
    practicalThings: practical.size,
    suggestions: (activity.suggestions ?? []).length,
    receptions: new Set(activity.checkIns.filter((checkIn) => checkIn.kind === 'reception').map((checkIn) => checkIn.receptionId)).size,
    groupActivities: offline.filter((one) => OFFLINE_COUNTS[one.kind].group && one.kind !== 'forum').length + occasions.filter((o) => o.startsWith('forum:')).length,
    replies: replied.length,
    followUps: followedUp.length,
    reports: activity.reports.length,
    offlineActivities: offline.length,
    forums: occasions.length,
    // Every resident recorded with the deputy on a reception day, each visit once (人次).
    visitors: activity.visitors ?? 0,
  };
}

export function dutyItems(counts: DutyCounts): DutyItem[] {
  return (Object.keys(DUTY_ITEMS) as DutyKey[]).map((key) => {
    const { label, unit, quota } = DUTY_ITEMS[key];
    return { key, label, count: counts[key], unit, ...(quota !== undefined ? { quota } : {}) };
  });
}

/** The voters' ratings of the reports in the activity, summed: one rate over all of them, with its count. */
export function dutyReportRatings(activity: Pick<DutyActivity, 'reports'>): ReportRatings {
  return reportRatings(activity.reports.map((report) => report.ratings).reduce(addRatingCounts, NO_RATINGS));
}
