import type { Budget } from '../../domain/scheduler';
import type { CaseContext } from '../cases/context';

/**
 * What a scheduler run works with: a case context whose `now` is the run's clock (the timer's
 * `Time`), and the run's time budget on the real clock.
 */
export interface SchedulerContext extends CaseContext {
  readonly budget: Budget;
  /**
   * Set by the run when one read found nothing any case job could select (data/scheduler-queries.ts
   * `anyCaseWork`): those jobs then answer at once, without a read of their own.
   */
  readonly casesIdle?: boolean;
}

/** What one job did: counts for the logs and tests; `complete` false when it stopped with work left. */
export interface JobReport {
  readonly counts: Readonly<Record<string, number>>;
  readonly complete: boolean;
  /** Set when the job itself failed (the others still ran). */
  readonly error?: string;
}

export const PAGE_SIZE = 50;

/** What a job answers when the run found nothing for it to do: its counts, all zero, and done. */
export function idleReport(counts: Readonly<Record<string, number>>): JobReport {
  return { counts: Object.fromEntries(Object.keys(counts).map((key) => [key, 0])), complete: true };
}
