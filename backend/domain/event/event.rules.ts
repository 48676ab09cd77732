/**
 * The fixed limits of a 代表论坛 / 约见 and the configured ones (config/events.json), checked when
 * the function loads: a typo fails the function at start instead of letting questions flood in.
 */
import type { EventKind } from '../../../typings/event';

/** The event's own page in the mini-program: notices and the station page open it. */
export const EVENT_PAGE = 'packages/station/event/index';

export const EVENT_KINDS = ['forum', 'meeting'] as const satisfies readonly EventKind[];

/** One table for the kinds' names: the notice, the pages and the duty record read it. */
export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = { forum: '代表论坛', meeting: '约见一府两院' };

export const EVENT_RULES = {
  /** A card and a subscription message's thing field can show it. */
  topicMax: 40,
  departmentsMax: 10,
  departmentMax: 30,
  placeMax: 60,
  questionMax: 300,
  summaryMax: 2000,
  /** wx.chooseMedia picks at most 9 at once. */
  maxPhotos: 9,
  /** Questions officers and deputies read at once, newest first. */
  questionsShown: 200,
  /** 活动回顾 on the station page. */
  recapsShown: 5,
} as const;

export interface EventSettings {
  /** Questions one account may send in 24 hours, over all events. */
  readonly questionsPerDay: number;
  /** Questions one account may send to one event. */
  readonly questionsPerEvent: number;
}

const BOUNDS: Readonly<Record<keyof EventSettings, readonly [number, number]>> = {
  questionsPerDay: [1, 100],
  questionsPerEvent: [1, 20],
};

export function eventSettings(config: unknown): EventSettings {
  const source = (config ?? {}) as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const [key, [min, max]] of Object.entries(BOUNDS)) {
    const value = source[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`config/events.json: ${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    out[key] = value;
  }
  return out as unknown as EventSettings;
}
