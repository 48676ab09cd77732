/**
 * Who acts on a report, as pure rules over the caller (deny by default): a deputy publishes
 * their own; an officer publishes for a deputy of one of their stations; the comments are read
 * by the report's deputy, the officers of any of its stations and the office of its district.
 */
import type { Actor } from '../case/actor';
import { fail, ok, type Result } from '../result';
import type { ReportRecord } from './report.model';

/** The deputy a publish is about: the caller themselves (deputy), or the one named (officer). */
export function publishTarget(actor: Actor, deputyId: string | undefined): Result<string> {
  if (actor.role === 'deputy') {
    if (!actor.deputyId) return fail('FORBIDDEN', '您的账号没有对应的代表信息');
    if (deputyId !== undefined && deputyId !== actor.deputyId) return fail('FORBIDDEN', '代表只能发布本人的述职报告');
    return ok(actor.deputyId);
  }
  if (actor.role === 'officer') {
    if (!deputyId) return fail('INVALID_INPUT', '请选择发布述职报告的代表', 'deputyId');
    return ok(deputyId);
  }
  return fail('FORBIDDEN');
}

/** An officer acts for a deputy stationed at one of the officer's stations; the deputy themselves always. */
export function mayPublishFor(actor: Actor, deputy: { _id: string; stationIds: readonly string[] }): boolean {
  if (actor.role === 'deputy') return actor.deputyId === deputy._id;
  if (actor.role === 'officer') return deputy.stationIds.some((id) => (actor.stationIds ?? []).includes(id));
  return false;
}

/** Comments (never who wrote them): the deputy, officers of any of the report's stations, the district office. */
export function mayReadComments(actor: Actor | undefined, report: Pick<ReportRecord, 'deputyId' | 'stationIds' | 'districts'>): boolean {
  switch (actor?.role) {
    case 'deputy':
      return !!actor.deputyId && actor.deputyId === report.deputyId;
    case 'officer':
      return report.stationIds.some((id) => (actor.stationIds ?? []).includes(id));
    case 'admin':
      return !!actor.district && report.districts.includes(actor.district);
    default:
      return false;
  }
}

/** Whether `published` reports of the deputy in the last 24 hours leave room for one more. */
export function withinPublishAllowance(published: number, limit: number): boolean {
  return published < limit;
}

export const publishAllowanceStart = (now: Date): Date => new Date(now.getTime() - 24 * 60 * 60 * 1000);
