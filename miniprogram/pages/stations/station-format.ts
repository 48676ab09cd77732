/**
 * How a station's facts read, shared by 附近联络站 and the 联络站 page. Pure: unit-tested
 * in test/miniprogram/station-view-model.test.ts.
 *
 * Every clock reading goes through `shanghaiClock`: stations keep Shenzhen hours, and the
 * phone may be set to any time zone (a traveller, a mis-set device).
 */
import type { OpeningHours, StationKind, StationSector } from '../../../typings/models';
import { shanghaiWallClock } from '../../utils/china-time';

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

const KIND_LABELS: Record<StationKind, string> = {
  street: '街道联络站',
  community: '社区联络站',
  sector: '行业联络站',
};

const SECTOR_LABELS: Record<StationSector, string> = {
  technology: '科技',
  education: '教育',
  health: '医疗卫生',
  law: '法律',
  enterprise: '企业',
};

export interface ShanghaiClock {
  /** 'YYYY-MM-DD' */
  date: string;
  /** ISO weekday, 1 (Mon) … 7 (Sun), as in OpeningHours. */
  weekday: number;
  /** Minutes since midnight. */
  minutes: number;
}

export function shanghaiClock(now: Date): ShanghaiClock {
  const wall = shanghaiWallClock(now);
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** Metres under a kilometre in whole metres, then kilometres with one decimal (none from 100 km). */
export function formatDistance(metres: number | undefined): string {
  if (metres === undefined || !Number.isFinite(metres) || metres < 0) return '';
  const rounded = Math.round(metres);
  if (rounded < 1000) return `${rounded}米`;
  const km = rounded / 1000;
  const text = km >= 100 ? String(Math.round(km)) : km.toFixed(1).replace(/\.0$/, '');
  return `${text}公里`;
}

export function kindLabel(kind: StationKind, sector?: StationSector): string {
  return kind === 'sector' && sector ? `${SECTOR_LABELS[sector]}${KIND_LABELS.sector}` : KIND_LABELS[kind];
}

export type OpenState = 'open' | 'later' | 'closed';

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** 营业中 / 今日14:00开放 (before opening or over the lunch break) / 已休息. */
export function openNow(hours: OpeningHours[], now: Date): { state: OpenState; text: string } {
  const clock = shanghaiClock(now);
  const today = hours.filter((h) => h.weekdays.includes(clock.weekday));
  if (today.some((h) => toMinutes(h.open) <= clock.minutes && clock.minutes < toMinutes(h.close))) {
    return { state: 'open', text: '营业中' };
  }
  const next = today.filter((h) => toMinutes(h.open) > clock.minutes).sort((a, b) => toMinutes(a.open) - toMinutes(b.open))[0];
  return next ? { state: 'later', text: `今日${next.open}开放` } : { state: 'closed', text: '已休息' };
}

/** [1,2,3,4,5] → 周一至周五; [1,3,5] → 周一、周三、周五; [6,7] → 周六、周日; all seven → 每天. */
export function formatWeekdays(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return '每天';
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && day === run[run.length - 1] + 1) run.push(day);
    else runs.push([day]);
  }
  // A run of two reads better as a list: 周六、周日 rather than 周六至周日.
  return runs.map((run) => (run.length >= 3 ? `${WEEKDAY_NAMES[run[0]]}至${WEEKDAY_NAMES[run[run.length - 1]]}` : run.map((d) => WEEKDAY_NAMES[d]).join('、'))).join('、');
}

/** One line per set of weekdays: '周一至周五 09:00-12:00、14:00-18:00', then '周六 09:00-12:00'. */
export function formatHours(hours: OpeningHours[]): string[] {
  const groups = new Map<string, { days: number[]; spans: OpeningHours[] }>();
  for (const h of hours) {
    const days = [...new Set(h.weekdays)].sort((a, b) => a - b);
    const key = days.join(',');
    if (!groups.has(key)) groups.set(key, { days, spans: [] });
    groups.get(key)!.spans.push(h);
  }
  return [...groups.values()]
    .filter((g) => g.days.length > 0)
    .sort((a, b) => a.days[0] - b.days[0])
    .map((g) => {
      const spans = [...g.spans].sort((a, b) => toMinutes(a.open) - toMinutes(b.open)).map((s) => `${s.open}-${s.close}`);
      return `${formatWeekdays(g.days)} ${spans.join('、')}`;
    });
}

/** 'YYYY-MM-DD' (a Shanghai calendar day) → '11月25日 周二'; '' when it is not a date. */
export function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return '';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  return `${month}月${day}日 ${WEEKDAY_NAMES[weekday]}`;
}

/** '今天接待', '下次接待日 11月25日 周二', or '' when nothing is scheduled. `today` is shanghaiClock(now).date. */
export function nextReceptionText(date: string | null | undefined, today: string): string {
  if (!date) return '';
  if (date === today) return '今天接待';
  const day = formatDay(date);
  return day ? `下次接待日 ${day}` : '';
}
