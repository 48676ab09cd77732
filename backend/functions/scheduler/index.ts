/**
 * The scheduler: run by CloudBase's timer trigger (config.json), not by the mini-program, so
 * no defineApi. A call that carries a WeChat user is refused and does nothing. The run's
 * clock is the timer event's `Time` (now when absent); its work is bounded by a time budget
 * well inside the function's timeout, and the answer is a summary per job, for the logs.
 */
import { randomUUID } from 'node:crypto';
import type { ApiResult } from '../../../typings/errors';
import { ERROR_MESSAGES } from '../../domain/error-messages';
import { budgetOf, runClock } from '../../domain/scheduler';
import { cloudbase, currentCaller, database } from '../../platform/cloudbase';
import { createWxGateway } from '../../platform/wx-gateway';
import { runScheduler, type SchedulerSummary } from '../../use-cases/scheduler/run-scheduler';

/** Half of the 60 s timeout: a step that starts just before the end (a 3 s WeChat call, one case command) still finishes. */
const BUDGET_MS = 30_000;

export async function main(event: unknown, _context?: unknown): Promise<ApiResult<SchedulerSummary>> {
  try {
    // Users must not run it: the timer (and the console) call without a WeChat identity.
    if (currentCaller().openid) return { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } };
    const now = runClock(event, new Date());
    if (!now) return { ok: false, error: { code: 'INVALID_INPUT', message: '触发时间格式不正确', field: 'Time' } };
    const summary = await runScheduler({
      db: database(),
      wx: createWxGateway(cloudbase(), { timeoutMs: 3000 }),
      now,
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
