/**
 * 办理公开 of a station or the district: the months to choose from, the monthly figures with
 * the district office's sample rule (no rate without a sample, always its counts), and the
 * closed cases as cards. Pure: unit-tested in test/miniprogram/public-case-view-models.test.ts.
 */
import { RATING_LABELS } from '../../../generated/labels';
import { CLOSURE_TEXTS } from '../case/view-model';
import type { BoardInput, BoardMonth, PublicCase } from '../../../../typings/board';
import type { RateView } from '../../../../typings/workspace';
import { shanghaiWallClock } from '../../../utils/china-time';
import { toPublicCaseCard } from '../../../utils/public-case';
import type { PublicCaseCard } from '../../../utils/public-case';
import { dateText } from '../../../utils/time';

/** The server's page size for station.board. */
export const PAGE_SIZE = 20;

export interface MonthOption {
  /** 'YYYY-MM', or '' for the last 12 months. */
  value: string;
  label: string;
}

export type BoardScope = Pick<BoardInput, 'stationId' | 'district'>;

/** `?stationId=` or `?district=`; null when neither (a mangled link). */
export function boardScope(query: Record<string, string | undefined>): BoardScope | null {
  if (query.stationId) return { stationId: query.stationId };
  if (query.district) return { district: query.district };
  return null;
}

/** 近12个月, then each of the last 12 months on Beijing's calendar, this one first. */
export function monthOptions(now: Date): MonthOption[] {
  const wall = shanghaiWallClock(now);
  const months = Array.from({ length: 12 }, (_, back) => {
    const at = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() - back, 1));
    const [y, m] = [at.getUTCFullYear(), at.getUTCMonth() + 1];
    return { value: `${y}-${String(m).padStart(2, '0')}`, label: `${y}年${m}月` };
  });
  return [{ value: '', label: '近12个月' }, ...months];
}

/**
 * '92%（23/25）' with a sample; '样本不足（3/4）' when the server withheld the rate (too few to
 * mean anything); '暂无（0）' with none. Rounding never says 100% or 0% for what is not.
 */
export function rateText(rate: RateView): string {
  if (!rate.denominator) return '暂无（0）';
  if (rate.value === null) return `样本不足（${rate.numerator}/${rate.denominator}）`;
  let percent = Math.round((rate.numerator / rate.denominator) * 100);
  if (percent === 100 && rate.numerator < rate.denominator) percent = 99;
  if (percent === 0 && rate.numerator > 0) percent = 1;
  return `${percent}%（${rate.numerator}/${rate.denominator}）`;
}

export interface MonthRow {
  month: string;
  label: string;
  countsText: string;
  rates: { key: string; label: string; value: string }[];
}

/** Newest month first; only the chosen one when a month is chosen. */
export function monthRows(months: readonly BoardMonth[], chosen: string): MonthRow[] {
  return months
    .filter((m) => !chosen || m.month === chosen)
    .slice()
    .reverse()
    .map((m) => {
      const [y, mm] = m.month.split('-').map(Number);
      return {
        month: m.month,
        label: `${y}年${mm}月`,
        countsText: `收到 ${m.received} 件 · 办结 ${m.closed} 件`,
        rates: [
          { key: 'response', label: '响应率', value: rateText(m.responseRate) },
          { key: 'closure', label: '办结率', value: rateText(m.closureRate) },
          { key: 'satisfaction', label: '满意率', value: rateText(m.satisfactionRate) },
        ],
      };
    });
}

export interface BoardCard extends PublicCaseCard {
  stationName: string;
  /** '11月20日办结'. */
  closedText: string;
  /** The handlers' reply as the server masked it (the card shows its first lines); '' without one. */
  reply: string;
  /** '留言人评价：满意', or how it closed when nobody rated ('答复后未评价，自动办结' …). */
  resultText: string;
}

export function toBoardCard(c: PublicCase, now: Date): BoardCard {
  return {
    ...toPublicCaseCard(c, now),
    stationName: c.station.name,
    closedText: c.closedAt ? `${dateText(c.closedAt, now)}办结` : '',
    reply: c.reply ?? '',
    resultText: c.rating ? `留言人评价：${RATING_LABELS[c.rating]}` : c.closure ? CLOSURE_TEXTS[c.closure] : '',
  };
}

/** Cards of a further page not on screen yet (a case closed meanwhile shifts the pages). */
export function newCards(shown: readonly Pick<BoardCard, 'id'>[], page: readonly PublicCase[], now: Date): BoardCard[] {
  const seen = new Set(shown.map((c) => c.id));
  return page.filter((c) => !seen.has(c.id)).map((c) => toBoardCard(c, now));
}
