/**
 * When a deputy may check in: during the reception's hours, opening a little before the start
 * (deputies arrive early), as set in config/checkin.json. Pure: the configuration and the
 * clock come in.
 */
import type { Reception } from '../../../typings/models';
import { addDays, shanghaiInstant } from '../calendar';

export interface CheckInWindowConfig {
  /** Check-in opens this many minutes before the reception starts. */
  opensMinutesBeforeStart: number;
  /** And closes this many minutes after it ends (0: at the end). */
  closesMinutesAfterEnd: number;
}

/** The bounds a configuration may take: wider would let a check-in stand for a day the deputy did not attend. */
export const CHECK_IN_WINDOW_LIMITS = {
  opensMinutesBeforeStart: { min: 0, max: 120 },
  closesMinutesAfterEnd: { min: 0, max: 60 },
} as const;

/**
 * The configured margins, checked: whole minutes within CHECK_IN_WINDOW_LIMITS, so a typo fails
 * the function loudly at start instead of opening check-in all day.
 */
export function checkInWindowConfig(config: Partial<Record<keyof CheckInWindowConfig, unknown>>): CheckInWindowConfig {
  const read = (key: keyof CheckInWindowConfig): number => {
    const value = config[key];
    const { min, max } = CHECK_IN_WINDOW_LIMITS[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`config/checkin.json: ${key} must be a whole number of minutes from ${min} to ${max}`);
    }
    return value;
  };
  return { opensMinutesBeforeStart: read('opensMinutesBeforeStart'), closesMinutesAfterEnd: read('closesMinutesAfterEnd') };
}

export interface CheckInHours {
  opensAt: Date;
  closesAt: Date;
}

const MINUTE_MS = 60_000;

/** The instants check-in opens and closes for a reception, never outside its own day (Beijing time). */
export function checkInHours(reception: Pick<Reception, 'date' | 'start' | 'end'>, config: CheckInWindowConfig): CheckInHours {
  const dayStart = shanghaiInstant(reception.date, '00:00').getTime();
  const dayEnd = shanghaiInstant(addDays(reception.date, 1), '00:00').getTime();
  const opens = shanghaiInstant(reception.date, reception.start).getTime() - config.opensMinutesBeforeStart * MINUTE_MS;
  const closes = shanghaiInstant(reception.date, reception.end).getTime() + config.closesMinutesAfterEnd * MINUTE_MS;
  return { opensAt: new Date(Math.max(opens, dayStart)), closesAt: new Date(Math.min(closes, dayEnd - 1)) };
}

/** Before the window, in it (both ends included), or after it. */
export function checkInPhase(hours: CheckInHours, now: Date): 'early' | 'open' | 'over' {
  if (now.getTime() < hours.opensAt.getTime()) return 'early';
  return now.getTime() <= hours.closesAt.getTime() ? 'open' : 'over';
}
