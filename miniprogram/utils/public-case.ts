/**
 * How a case other residents may see (我也遇到, 办理公开) reads as a card, wherever it is
 * listed: the compose page's look-alikes, the board, 我的留言's 我也遇到的. In the main package
 * because subpackages may not share code. Pure: unit-tested in test/miniprogram/public-case-view-models.test.ts.
 */
import type { PublicCase, SimilarCase } from '../../typings/board';
import type { CaseStatus } from '../../typings/case';
import { CATEGORY_LABELS } from '../generated/labels';
import { relativeTime } from './time';

export interface PublicCaseCard {
  id: string;
  title: string;
  categoryLabel: string;
  status: CaseStatus;
  /** 「3 人也遇到」; '' while nobody joined. */
  joinText: string;
  /** When it was submitted, as residents say it: "3天前". */
  agoText: string;
}

/** 附议 as residents read it: '3 人也遇到', '' for none. */
export function joinCountText(count: number): string {
  return Number.isFinite(count) && count > 0 ? `${Math.floor(count)} 人也遇到` : '';
}

/** 附议 on a case's own page: '附议 3 人', '' for none. */
export function joinLine(count: number): string {
  return Number.isFinite(count) && count > 0 ? `附议 ${Math.floor(count)} 人` : '';
}

/** 附议 as handlers read it: '附议 3', '' for none. */
export function joinBadgeText(count: number | undefined): string {
  return count !== undefined && Number.isFinite(count) && count > 0 ? `附议 ${Math.floor(count)}` : '';
}

/** 不确定 is no category to show a stranger: left out. */
export function categoryText(category: PublicCase['category']): string {
  return category === 'unsure' ? '' : (CATEGORY_LABELS[category] ?? '');
}

export function toPublicCaseCard(c: Pick<PublicCase | SimilarCase, 'id' | 'title' | 'category' | 'status' | 'joinCount' | 'submittedAt'>, now: Date): PublicCaseCard {
  return {
    id: c.id,
    title: c.title,
    categoryLabel: categoryText(c.category),
    status: c.status,
    joinText: joinCountText(c.joinCount),
    agoText: relativeTime(c.submittedAt, now),
  };
}
