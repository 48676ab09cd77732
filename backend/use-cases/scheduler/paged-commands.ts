/**
 * Applies one system command to the cases a selection finds, page by page, within a budget.
 * A case the command changed leaves the selection; one it could not change (refused, in
 * conflict, failed) stays, so the next page skips past it — a stuck case never blocks the rest.
 */
import type { CaseCommand } from '../../domain/case';
import type { Budget } from '../../domain/scheduler';
import type { Page } from '../../data/scheduler-queries';
import { runSystemCommand } from '../cases/system-commands';
import type { JobReport, SchedulerContext } from './context';
import { idleReport, PAGE_SIZE } from './context';

export interface PagedCommand {
  /** Log label, e.g. 'autoClose'. */
  readonly name: string;
  /** The count of changed cases in the report, e.g. 'closed'. */
  readonly doneAs: string;
  readonly command: CaseCommand;
  select(page: Page): Promise<string[]>;
  /** At most this many cases per run: a bound even if a selection misbehaves. */
  readonly maxPerRun: number;
}

export async function runPagedCommand(ctx: SchedulerContext, budget: Budget, job: PagedCommand): Promise<JobReport> {
  const counts = { [job.doneAs]: 0, skipped: 0, errors: 0 };
  if (ctx.casesIdle) return idleReport(counts);
  const report = (complete: boolean): JobReport => ({ counts: { ...counts }, complete });
  let stuck = 0;
  let seen = 0;
  for (;;) {
    if (budget.expired()) return report(false);
    const ids = await job.select({ skip: stuck, limit: PAGE_SIZE });
    for (const id of ids) {
      if (budget.expired() || seen >= job.maxPerRun) return report(false);
      seen += 1;
      const outcome = await attempt(ctx, job, id);
      counts[outcome] += 1;
      if (outcome !== job.doneAs) stuck += 1;
    }
    if (ids.length < PAGE_SIZE) return report(true);
  }
}

async function attempt(ctx: SchedulerContext, job: PagedCommand, caseId: string): Promise<string> {
  try {
    const result = await runSystemCommand(ctx, caseId, job.command);
    if (result.ok) return job.doneAs;
    // Expected now and then (a resident rated meanwhile: CONFLICT); the next run looks again.
    console.info(`[scheduler] ${job.name}: ${caseId} skipped (${result.failure.code}${result.failure.detail ? `: ${result.failure.detail}` : ''})`);
    return 'skipped';
  } catch (error) {
    console.error(`[scheduler] ${job.name}: ${caseId} failed`, error);
    return 'errors';
  }
}
