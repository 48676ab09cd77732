/**
 * Times as residents read them: "3分钟前" for what just happened, "11月21日" for older —
 * dayjs with the zh-cn locale and its relativeTime and utc plugins (scripts/pack-npm.ts
 * copies those into miniprogram_npm: WeChat's npm build packs only dayjs's main file).
 *
 * Dates are China Standard Time whatever the phone's zone (utils/china-time.ts): a 办理期限 is a
 * Beijing date.
 * "Now" comes from an injectable clock so view-models stay pure and tests can fix it.
 */
import { CHINA_UTC_OFFSET_MINUTES } from './china-time';

// Plain require: dayjs and its plugins are UMD (`module.exports = …`), and this reads the same
// whichever module interop the DevTools compiler applies.
/* eslint-disable @typescript-eslint/no-require-imports */
const dayjs: typeof import('dayjs') = require('dayjs');
const utc: typeof import('dayjs/plugin/utc') = require('dayjs/plugin/utc');
const relativeTimePlugin: typeof import('dayjs/plugin/relativeTime') = require('dayjs/plugin/relativeTime');
require('dayjs/locale/zh-cn');
/* eslint-enable @typescript-eslint/no-require-imports */

dayjs.extend(utc);
// Whole units, counted down (59 minutes is "59分钟前", not dayjs's default "1小时前").
dayjs.extend(relativeTimePlugin, {
  rounding: Math.floor,
  thresholds: [
    { l: 's', r: 59, d: 'second' },
    { l: 'm', r: 1 },
    { l: 'mm', r: 59, d: 'minute' },
    { l: 'h', r: 1 },
    { l: 'hh', r: 23, d: 'hour' },
    { l: 'd', r: 1 },
    { l: 'dd', r: 29, d: 'day' },
    { l: 'M', r: 1 },
    { l: 'MM', r: 11, d: 'month' },
    { l: 'y' },
    { l: 'yy', d: 'year' },
  ],
});

type Clock = () => Date;

const systemClock: Clock = () => new Date();
let clock: Clock = systemClock;

/** The current moment, from the injected clock. */
export function now(): Date {
  return clock();
}

/** For tests: fix "now"; call without an argument to go back to the device clock. */
export function setClock(next?: Clock): void {
  clock = next ?? systemClock;
}

/** A dayjs at the given moment, on Beijing's wall clock; undefined for what is not a time. */
function beijing(at: string | Date | undefined): import('dayjs').Dayjs | undefined {
  if (!(at instanceof Date) && typeof at !== 'string') return undefined;
  const moment = dayjs(at);
  return moment.isValid() ? moment.utcOffset(CHINA_UTC_OFFSET_MINUTES) : undefined;
}

/**
 * "刚刚", "3分钟前", "5小时前", "2天前". A moment slightly in the future (the phone's clock
 * behind the server's) reads as "刚刚" rather than as nonsense.
 */
export function relativeTime(at: string | Date, reference: Date): string {
  const moment = beijing(at);
  if (!moment || moment.valueOf() > reference.getTime() - 60_000) return '刚刚';
  // zh-cn writes "3 分钟前"; Chinese text runs without the space.
  // Both sides on the same offset, or dayjs shifts day counts by the zone difference.
  return moment.locale('zh-cn').from(beijing(reference)!).replace(/\s+/g, '');
}

/** "11月21日" this year, "2025年11月21日" before; '' for a value that is not a time. */
export function dateText(at: string | Date | undefined, reference: Date): string {
  const moment = beijing(at);
  if (!moment) return '';
  return moment.format(moment.year() === beijing(reference)!.year() ? 'M月D日' : 'YYYY年M月D日');
}

/** "11月21日 14:30" this year, "2025年11月21日 14:30" before. */
export function dateTimeText(at: string | Date, reference: Date): string {
  const date = dateText(at, reference);
  return date ? `${date} ${beijing(at)!.format('HH:mm')}` : '';
}

/** Relative while less than `withinDays` old, the date (with the time if asked) after that. */
export function timeAgo(at: string | Date, reference: Date, options: { withinDays: number; withTime?: boolean }): string {
  const moment = beijing(at);
  if (!moment) return '';
  if (reference.getTime() - moment.valueOf() < options.withinDays * 24 * 60 * 60_000) return relativeTime(at, reference);
  return options.withTime ? dateTimeText(at, reference) : dateText(at, reference);
}
