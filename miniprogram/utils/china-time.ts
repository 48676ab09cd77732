/**
 * China Standard Time (Asia/Shanghai) whatever the phone's zone: stations keep Shenzhen hours,
 * dates in the data are Shanghai days, and a phone may be set to any zone (a traveller, a
 * mis-set device). The offset is the back end's (backend/domain/calendar.ts, generated into
 * miniprogram/generated/rules.ts). China has had no daylight saving since 1991, so a fixed
 * offset is exact and needs no time-zone data from the phone's JavaScript engine.
 */
import { CHINA_UTC_OFFSET_MINUTES } from '../generated/rules';

export { CHINA_UTC_OFFSET_MINUTES };

const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60 * 1000;

/** The instant moved so that its UTC fields read Shanghai's wall clock: for reading fields only. */
export function shanghaiWallClock(instant: Date | number): Date {
  return new Date(new Date(instant).getTime() + OFFSET_MS);
}

/** 'HH:mm' (or 'HH:mm:ss' with seconds) on Shanghai's wall clock; '' for what is not a time. */
export function shanghaiClockText(instant: Date, withSeconds = false): string {
  if (Number.isNaN(instant.getTime())) return '';
  return shanghaiWallClock(instant)
    .toISOString()
    .slice(11, withSeconds ? 19 : 16);
}

/** A Shanghai wall-clock time ('2026-11-25', '09:30') as epoch milliseconds; NaN for what is not one. */
export function shanghaiInstant(date: string, hhmm: string): number {
  return Date.parse(`${date}T${hhmm}:00Z`) - OFFSET_MS;
}
