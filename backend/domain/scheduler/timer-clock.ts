/**
 * Who may start a scheduler run, and its clock. CloudBase's timer trigger invokes the function
 * with `{ Type: 'Timer', TriggerName, Time: '2026-11-21T02:00:00Z', Message }`, no WeChat user,
 * and SOURCE `wx_trigger`. Only that trigger may run it: a run closes cases, escalates and
 * purges contacts, so a caller that could choose its clock could do all of that years early.
 * The trigger's `Time` is the run's clock (every decision of a run is made at one instant)
 * while it lies within a few minutes of the function's own clock; further off, it is refused.
 */
import { fail, ok, type Result } from '../result';

export interface TimerEvent {
  readonly Type?: string;
  readonly TriggerName?: string;
  /** UTC, ISO 8601. */
  readonly Time?: string;
  readonly Message?: string;
}

/** The scheduler's trigger, as `backend/functions/scheduler/config.json` declares it. */
export const SCHEDULER_TRIGGER = 'tick';

/** The SOURCE CloudBase gives a call its timer trigger made (getWXContext().SOURCE). */
export const TIMER_SOURCE = 'wx_trigger';

/** How far the trigger's Time may be from the function's clock: a late start, never a chosen date. */
export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** What the platform says about a call: its SOURCE and whether a WeChat user made it. */
export interface TimerCall {
  readonly source: string;
  readonly openid: string;
}

// Dates only with a time and a zone: a bare '2026-11-21' would silently mean UTC midnight.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The run's instant, or why this call may not run the scheduler. */
export function timerRun(event: unknown, call: TimerCall, now: Date): Result<Date> {
  const timer = (typeof event === 'object' && event !== null ? event : {}) as TimerEvent;
  const fromTrigger = !call.openid && call.source === TIMER_SOURCE && timer.Type === 'Timer' && timer.TriggerName === SCHEDULER_TRIGGER;
  if (!fromTrigger) return fail('FORBIDDEN');
  const at = runClock(timer, now);
  if (!at) return fail('INVALID_INPUT', '触发时间格式不正确', 'Time');
  if (Math.abs(at.getTime() - now.getTime()) > CLOCK_TOLERANCE_MS) return fail('INVALID_INPUT', '触发时间与当前时间相差过大', 'Time');
  return ok(at);
}

/** The trigger's `Time`, or `now` when it has none; undefined when `Time` is not an instant. */
export function runClock(event: unknown, now: Date): Date | undefined {
  const time = typeof event === 'object' && event !== null ? (event as TimerEvent).Time : undefined;
  if (time === undefined || time === null || time === '') return now;
  if (typeof time !== 'string' || !ISO_INSTANT.test(time)) return undefined;
  const instant = new Date(time);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
