/** Shapes 我的留言 for display. Pure: unit-tested in test/miniprogram/case-view-models.test.ts. */
import type { JoinedCase } from '../../../typings/board';
import type { CaseStatus, CaseSummary } from '../../../typings/case';
import { toPublicCaseCard } from '../../utils/public-case';
import type { PublicCaseCard } from '../../utils/public-case';
import { timeAgo } from '../../utils/time';

/** The server's page size for case.mine. */
export const PAGE_SIZE = 20;

export interface CaseRow {
  id: string;
  title: string;
  status: CaseStatus;
  receiptNo: string;
  stationName: string;
  /** Last activity: "3分钟前" within a day, then "11月21日". */
  timeText: string;
  /** '' when all is read; otherwise the count, "99+" past 99. */
  unreadText: string;
  /** 待评价: answered, and the resident's rating is what comes next (listed first). */
  toRate: boolean;
}

export function countText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The tab badge: '' means remove it. */
export const badgeText = countText;

export function toCaseRow(c: CaseSummary, now: Date): CaseRow {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    receiptNo: c.receiptNo,
    stationName: c.stationName,
    timeText: timeAgo(c.updatedAt, now, { withinDays: 1 }),
    unreadText: countText(c.unread),
    // The server's word, the rule its 评价 button follows: a reply already rated 不满意 (still
    // 已答复 until it is reopened or closed) is not 待评价 — its page offers 申请重办 instead.
    toRate: c.awaitingRating === true,
  };
}

/** How many rows wait for a rating: the 待评价 section is shown when there are any. */
export function toRateCount(rows: readonly Pick<CaseRow, 'toRate'>[]): number {
  return rows.filter((row) => row.toRate).length;
}

/** The rows of a further page that are not on screen yet (a new case shifts the pages by one). */
export function newRows(shown: readonly Pick<CaseRow, 'id'>[], page: readonly CaseSummary[], now: Date): CaseRow[] {
  const seen = new Set(shown.map((r) => r.id));
  return page.filter((c) => !seen.has(c.id)).map((c) => toCaseRow(c, now));
}

/** The next page to ask for, counted from what is shown (pages are PAGE_SIZE long). */
export function nextPage(shownCount: number): number {
  return Math.ceil(shownCount / PAGE_SIZE);
}

/**
 * `setData` keys that append rows by path (`cases[20]` …), so loading a further page sends
 * only the new rows, not the whole list again.
 */
export function appendRows(from: number, rows: readonly CaseRow[]): Record<string, CaseRow> {
  return Object.fromEntries(rows.map((row, i) => [`cases[${from + i}]`, row]));
}

/** A case I joined (我也遇到的): as the public sees it, with where it was filed. */
export interface JoinedRow extends PublicCaseCard {
  stationName: string;
}

export function toJoinedRows(cases: readonly JoinedCase[], now: Date): JoinedRow[] {
  return cases.map((c) => ({ ...toPublicCaseCard(c, now), stationName: c.station.name }));
}
