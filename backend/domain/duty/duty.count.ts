/**
 * The duty record (履职档案): what a deputy's year of activity counts for, item by item,
 * against the yearly quotas of seed `003` (contact ≥ 30 voters, ≥ 3 visits, ≥ 10 days of
 * activity, ≥ 1 practical thing, ≥ 1 suggestion) and the reception rhythm of DOMAIN.md (at
 * least once every two months: 6 a year). The rules:
 *
 * - receptions: check-ins at reception days;
 * - votersContacted: distinct residents — owners of the cases the deputy replied to or followed
 *   up (回访), and residents who booked a slot with the deputy at a reception the deputy checked in to;
 * - visits: 回访 count as visits, one per day — several follow-ups on one outing are one visit;
 * - activeDays: distinct Shanghai dates with a check-in, reply, follow-up, suggestion or transfer request;
 * - practicalThings: cases the deputy replied to that are now closed on a satisfied rating;
 * - suggestions: cases the deputy raised as a formal 代表建议;
 * - replies, followUps: how many, without a quota;
 * - reports: 述职报告 published (DOMAIN.md sets no quota for them; the ratings are summed apart).
 */
import type { DutyItem } from '../../../typings/workspace';
import { shanghaiDate } from '../calendar';
import type { ReportRatings } from '../../../typings/report';
import { addRatingCounts, NO_RATINGS, reportRatings } from '../report/report.ratings';
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
  replies: { label: '答复留言', unit: '次' },
  followUps: { label: '回访群众', unit: '次' },
  reports: { label: '向选民述职', unit: '次' },
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

  const activeDays = new Set([...activity.checkIns.map((checkIn) => checkIn.date), ...activity.events.map((event) => shanghaiDate(event.at))]);
  const practical = new Set(replied.map((event) => event.caseId).filter((id) => activity.cases.get(id)?.satisfiedAt !== undefined));

  return {
    votersContacted: voters.size,
    visits: new Set(followedUp.map((event) => shanghaiDate(event.at))).size,
    activeDays: activeDays.size,
    practicalThings: practical.size,
    suggestions: of('suggestion_marked').length,
    receptions: checkedInReceptions.size,
    replies: replied.length,
    followUps: followedUp.length,
    reports: activity.reports.length,
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
