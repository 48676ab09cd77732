/**
 * 立法意见征集 for those who run it: an officer's stations' consultations merged into one list, or
 * the district office's whole list, each row with its status, closing date and counts, and where
 * a tap leads. Pure: unit-tested in test/miniprogram/consultation-office-view-models.test.ts.
 */
import type { ConsultationSummary, ListConsultationsInput } from '../../../../typings/consultation';
import type { UserRole } from '../../../../typings/models';
import { consultationUrl } from '../common/labels';
import { toConsultationRow as toSummaryRow, type ConsultationRow as SummaryRow } from '../../../utils/consultation-view';

export type ListRole = 'officer' | 'admin';

/** Whose list this page is; null for a role that has none here (residents use a station's page). */
export function listRole(role: UserRole): ListRole | null {
  return role === 'officer' || role === 'admin' ? role : null;
}

export const LIST_TITLES: Readonly<Record<ListRole, string>> = { officer: '本站立法意见征集', admin: '立法意见征集' };

export const EMPTY_TEXTS: Readonly<Record<ListRole, string>> = {
  officer: '本站还没有立法意见征集。区人大常委会发布后会在这里出现',
  admin: '还没有发布立法意见征集，点上方「发布征集」开始',
};

/** The station page's row, and where a tap leads for those who run it. */
export interface ConsultationRow extends SummaryRow {
  /** What a tap on the row opens: the comments to review, or the report once closed (the office). */
  openUrl: string;
  /** '处理意见' / '查看汇总' / '生成汇总'. */
  openText: string;
  /** The public page, as residents see it. */
  publicUrl: string;
}

export function toConsultationRow(c: ConsultationSummary, role: ListRole, stationId?: string): ConsultationRow {
  const toReport = role === 'admin' && c.status !== 'open';
  const station = stationId ? `&stationId=${encodeURIComponent(stationId)}` : '';
  return {
    ...toSummaryRow(c),
    openUrl: toReport ? `/packages/consultation/report/index?id=${encodeURIComponent(c.id)}` : `/packages/consultation/review/index?id=${encodeURIComponent(c.id)}${station}`,
    openText: toReport ? (c.status === 'reported' ? '查看汇总' : '生成汇总') : '处理意见',
    publicUrl: consultationUrl(c.id, stationId),
  };
}

/** list's input: a station's (officers, once per station) or the district's (the office). */
export function listInput(stationId: string | undefined, page: number): ListConsultationsInput {
  return stationId ? { stationId, page } : { page };
}

/**
 * An officer's stations' lists as one: each consultation once (the first station that lists it
 * is where its comments are reviewed from), open ones first by nearest closing, then the rest
 * latest closing first — the order each list already has.
 */
export function mergeStationLists(
  lists: readonly { stationId: string; consultations: readonly ConsultationSummary[] }[],
): { summary: ConsultationSummary; stationId: string }[] {
  const seen = new Map<string, { summary: ConsultationSummary; stationId: string }>();
  for (const list of lists) for (const c of list.consultations) if (!seen.has(c.id)) seen.set(c.id, { summary: c, stationId: list.stationId });
  const rows = [...seen.values()];
  const open = rows.filter((r) => r.summary.status === 'open').sort((a, b) => a.summary.closesOn.localeCompare(b.summary.closesOn));
  const rest = rows.filter((r) => r.summary.status !== 'open').sort((a, b) => b.summary.closesOn.localeCompare(a.summary.closesOn));
  return [...open, ...rest];
}
