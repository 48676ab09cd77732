/**
 * The figures job: folds the cases changed since the last run into the running totals
 * (backend/use-cases/figures/fold-totals.ts), so the figures are at most one scheduler period
 * behind the cases. Bounded by its budget; what is left is where the next run starts.
 *
 * A warm instance remembers how far it folded, and reads the stored cursor only when it has
 * no memory of it: a memory older than the stored cursor only makes a fold start earlier,
 * which the fold allows (it is idempotent) — so an idle run is one request.
 */
import type { Budget } from '../../domain/scheduler';
import { advanceFoldCursor, readFoldCursor } from '../../data/figure-totals';
import { FOLD_OVERLAP_MS, foldChangedCases } from '../figures/fold-totals';
import type { JobReport, SchedulerContext } from './context';

let remembered: Date | undefined;

export async function foldFigures(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  // The cursor is on the clock the changes were stamped with; a run replayed at a later `Time` must not skip them.
  const startedAt = new Date(Math.min(ctx.now.getTime(), Date.now()));
  const stored = remembered ?? (await readFoldCursor(ctx.db));
  // Before any cursor: every case ever changed, from the beginning.
  const since = stored ? new Date(stored.getTime() - FOLD_OVERLAP_MS) : new Date(0);
  const report = await foldChangedCases(ctx.db, since, budget);
  const through = report.complete ? startedAt : report.resumeAt!;
  if (report.cases > 0 || !stored) await advanceFoldCursor(ctx.db, through, stored !== undefined);
  if (!remembered || through > remembered) remembered = through;
  return { counts: { cases: report.cases, stationMonths: report.stationMonths, documents: report.documents }, complete: report.complete };
}
