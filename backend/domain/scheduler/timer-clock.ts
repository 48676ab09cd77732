/**
 * The clock of one scheduler run. CloudBase's timer trigger invokes the function with
 * `{ Type: 'Timer', TriggerName, Time: '2026-11-21T02:00:00Z', Message }`; the run uses that
 * `Time`, so every decision of a run is made at one instant, and tests (or an operator
 * replaying a missed tick) can choose it. Without `Time`, the run happens now.
 */
export interface TimerEvent {
  readonly Type?: string;
  readonly TriggerName?: string;
  /** UTC, ISO 8601. */
  readonly Time?: string;
  readonly Message?: string;
}

// Dates only with a time and a zone: a bare '2026-11-21' would silently mean UTC midnight.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The run's instant: the event's `Time`, or `now` when it has none; undefined when `Time` is not an instant. */
export function runClock(event: unknown, now: Date): Date | undefined {
  const time = typeof event === 'object' && event !== null ? (event as TimerEvent).Time : undefined;
  if (time === undefined || time === null || time === '') return now;
  if (typeof time !== 'string' || !ISO_INSTANT.test(time)) return undefined;
  const instant = new Date(time);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
