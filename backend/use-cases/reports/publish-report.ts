/**
 * A deputy, or an officer on the deputy's behalf, publishes a 述职报告. In order: whom it is
 * about and whether the caller may publish for them; the period; a retry of the same request
 * (the id is drawn from the publisher and the request id) answers the report it made; the
 * deputy's allowance of reports a day; the photos (uploaded to paths issued to the publisher,
 * unused); WeChat's content check on the title and text. Only then are the stations read, the
 * duty record over the period counted (the same rules as user.duty) and the report written:
 * the photos claimed for it, then ONE insert under its id — of two twins one writes and both
 * answer it. A text WeChat could not check is published and flagged (`contentCheck: 'pending'`)
 * as a resident's case would be: the publisher is an accountable official, and the text is
 * masked for numbers like every public text.
 */
import type { PublishReportInput, ReportDetail } from '../../../typings/report';
import { shanghaiDate } from '../../domain/calendar';
import { countDuty, dutyItems, dutyPeriod } from '../../domain/duty';
import {
  checkPeriod,
  defaultReportTitle,
  mayPublishFor,
  NO_RATINGS,
  publishAllowanceStart,
  publishTarget,
  ratingClosesAt,
  reportIdFor,
  withinPublishAllowance,
  type ReportRecord,
} from '../../domain/report';
import { fail, ok, type Result } from '../../domain/result';
import { findDeputy } from '../../data/people-by-id';
import { countPublishedSince, findReport, insertReport } from '../../data/reports';
import { stationNamesAndDistricts } from '../../data/stations';
import type { ResolvedActor } from '../actor';
import { checkContent } from '../cases/content-check';
import { checkPhotos, claimPhotos, photoClaim } from '../cases/photos';
import { dutyActivity } from '../duty/duty-record';
import { REPORT_SETTINGS, type ReportContext } from './context';
import { reportDetail } from './report-view';

export async function publishReport(ctx: ReportContext, who: ResolvedActor, openid: string, input: PublishReportInput): Promise<Result<ReportDetail>> {
  const { db, now } = ctx;
  const { actor } = who;
  const target = publishTarget(actor, input.deputyId);
  if (!target.ok) return target;
  const period = checkPeriod(input.period, shanghaiDate(now));
  if (!period.ok) return period;

  const reportId = reportIdFor(ctx.hash, openid, input.requestId);
  const view = (report: ReportRecord) => reportDetail(report, { now, resident: false });
  const made = await findReport(db, reportId);
  if (made) return ok(await view(made));

  // A deputy's own record comes with the caller; an officer names one, read here.
  const deputy = actor.role === 'deputy' && who.person ? { _id: target.value, name: who.person.name, stationIds: who.person.stationIds } : await findDeputy(db, target.value);
  if (!deputy) return fail('NOT_FOUND', '没有找到这位代表');
  if (!mayPublishFor(actor, deputy)) return fail('FORBIDDEN', '您只能为本联络站的代表发布述职报告');

  const { maxPublishedPerDeputyPerDay: limit } = REPORT_SETTINGS;
  // Counted by query: a burst of parallel publishes may pass one or two more, never a flood.
  if (!withinPublishAllowance(await countPublishedSince(db, deputy._id, publishAllowanceStart(now)), limit)) {
    return fail('RATE_LIMITED', `每位代表 24 小时内最多发布 ${limit} 份述职报告，请明天再试`);
  }
  const photos = photoClaim(openid, input.photoFileIds);
  const photosChecked = await checkPhotos(db, photos, now, reportId);
  if (!photosChecked.ok) return photosChecked;
  const verdict = await checkContent(ctx.wx, openid, input.title, input.content);
  if (verdict === 'risky') return fail('CONTENT_RISKY', '述职报告含有不适宜发布的内容（如广告、违法信息），请修改后再发布');

  const [stations, activity] = await Promise.all([
    stationNamesAndDistricts(db, deputy.stationIds),
    dutyActivity(db, deputy._id, dutyPeriod(period.value.from, period.value.to)),
  ]);
  const report: ReportRecord = {
    _id: reportId,
    deputyId: deputy._id,
    deputyName: deputy.name,
    stationIds: stations.map((s) => s.id),
    stations: stations.map((s) => ({ id: s.id, name: s.name })),
    districts: [...new Set(stations.map((s) => s.district).filter(Boolean))],
    title: input.title ?? defaultReportTitle(deputy.name, period.value),
    period: period.value,
    content: input.content,
    photoFileIds: input.photoFileIds ?? [],
    duty: dutyItems(countDuty(activity)),
    publishedBy: actor.role === 'officer' ? 'officer' : 'deputy',
    publisherId: actor.id,
    publishedAt: now,
    ratingClosesAt: ratingClosesAt(now, REPORT_SETTINGS.ratingWindowDays),
    ratings: NO_RATINGS,
    ...(verdict === 'unchecked' ? { contentCheck: 'pending' as const } : {}),
  };
  const claimed = await claimPhotos(db, photos, reportId, now);
  if (!claimed.ok) return claimed;
  let inserted: 'inserted' | 'exists';
  try {
    inserted = await insertReport(db, report);
  } catch (error) {
    // Not written: the photos go back to the publisher, who may send them again.
    await claimed.value.release();
    throw error;
  }
  if (inserted === 'exists') {
    // Written by this request's twin a moment ago: its report is this request's.
    const stored = await findReport(db, reportId);
    if (stored) return ok(await view(stored));
  }
  return ok(await view(report));
}
