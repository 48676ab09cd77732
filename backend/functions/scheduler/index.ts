/**
 * The scheduler: run by CloudBase's timer trigger (config.json), not by the mini-program, so
 * no defineApi. Any other caller — a user, WeChat's HTTP API, another function — is refused
 * and nothing happens; the run's clock is the trigger's `Time`, within minutes of now. Its work
 * is bounded by a time budget well inside the function's timeout, and the answer is a summary
 * per job, for the logs.
 */
import { randomUUID } from 'node:crypto';
import type { ApiResult } from '../../../typings/errors';
import { ERROR_MESSAGES } from '../../domain/error-messages';
import { budgetOf, timerRun } from '../../domain/scheduler';
import { cloudbase, currentCaller, database } from '../../platform/cloudbase';
import { createWxGateway } from '../../platform/wx-gateway';
import { runScheduler, type SchedulerSummary } from '../../use-cases/scheduler/run-scheduler';

/** Half of the 60 s timeout: a step that starts just before the end (a 3 s WeChat call, one case command) still finishes. */
const BUDGET_MS = 30_000;

export async function main(event: unknown, _context?: unknown): Promise<ApiResult<SchedulerSummary>> {
  try {
    const run = timerRun(event, currentCaller(), new Date());
    if (!run.ok) {
      const { code, detail, field } = run.failure;
      return { ok: false, error: { code, message: detail ?? ERROR_MESSAGES[code], ...(field ? { field } : {}) } };
    }
    const summary = await runScheduler({
      db: database(),
      wx: createWxGateway(cloudbase(), { timeoutMs: 3000 }),
      now: run.value,
      ids: () => randomUUID().replace(/-/g, ''),
      budget: budgetOf(BUDGET_MS),
    });
    console.log(`[scheduler] ${JSON.stringify(summary)}`);
    return { ok: true, data: summary };
  } catch (error) {
    console.error('[scheduler] run failed', error);
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  }
}
