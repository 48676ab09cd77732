/**
 * Timer triggers, as CloudBase fires them: each deploy unit's config.json `triggers` of type
 * `timer` invoke the function at the times its cron names, with the event CloudBase sends
 * (`{ Type: 'Timer', TriggerName, Time, Message }`) and no WeChat user. `npm start` turns them
 * on, so the local back end runs the scheduler as the cloud does; tests fire a trigger at the
 * time they choose through the host's `/_emulator/timers/<function>` route.
 */
import fs from 'node:fs';
import path from 'node:path';
import { nextFire, parseCron, type Cron } from './cron';
import type { FunctionHost } from './host';
import type { WxContext } from './protocol';

export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: Cron;
}

interface TriggerConfig {
  name?: unknown;
  type?: unknown;
  config?: unknown;
}

/** Every timer trigger declared by the built deploy units (cloudfunctions/<name>/config.json). */
export function timerTriggers(functionsDir: string, functionNames: readonly string[]): TimerTrigger[] {
  return functionNames.flatMap((functionName) => {
    const file = path.join(functionsDir, functionName, 'config.json');
    if (!fs.existsSync(file)) return [];
    const triggers = (JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: TriggerConfig[] }).triggers ?? [];
    return triggers.filter((t) => t.type === 'timer').map((t) => ({ functionName, name: String(t.name), cron: parseCron(String(t.config)) }));
  });
}

/** The event CloudBase's timer trigger sends. */
export function timerEvent(triggerName: string, at: Date): { Type: 'Timer'; TriggerName: string; Time: string; Message: string } {
  return { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString(), Message: '' };
}

/** A timer's call has no WeChat user; its SOURCE is `wx_trigger` and the SDK sees TRIGGER_SRC=timer. */
export function timerContext(): WxContext {
  return { TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer' };
}

export interface RunningTimers {
  stop(): void;
}

/** Fires each trigger at its next time, for as long as the host runs; a failed run is logged and the next one still comes. */
export function startTimers(host: Pick<FunctionHost, 'invoke'>, triggers: readonly TimerTrigger[], log: (line: string) => void = console.log): RunningTimers {
  const handles = new Set<NodeJS.Timeout>();
  let stopped = false;

  const schedule = (trigger: TimerTrigger, after: Date) => {
    const at = nextFire(trigger.cron, after);
    if (!at || stopped) return;
    // setTimeout holds at most ~24.8 days; re-arm in steps for sparse crons.
    const wait = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1);
    const handle = setTimeout(
      async () => {
        handles.delete(handle);
        // Woken early (timers may fire a little before their time, and long waits are re-armed in
        // steps): wait again for this same instant, never an earlier one already fired.
        if (Date.now() < at.getTime()) return schedule(trigger, new Date(at.getTime() - 1));
        const event = timerEvent(trigger.name, at);
        try {
          const outcome = await host.invoke(trigger.functionName, event, timerContext());
          log(`[timer] ${trigger.functionName}/${trigger.name} at ${event.Time}: ${outcome?.ok === false ? 'failed' : 'done'}`);
        } catch (error) {
          log(`[timer] ${trigger.functionName}/${trigger.name} at ${event.Time}: ${String(error)}`);
        }
        schedule(trigger, at);
      },
      Math.max(0, wait),
    );
    handle.unref();
    handles.add(handle);
  };

  for (const trigger of triggers) schedule(trigger, new Date());
  return {
    stop() {
      stopped = true;
      for (const handle of handles) clearTimeout(handle);
      handles.clear();
    },
  };
}
