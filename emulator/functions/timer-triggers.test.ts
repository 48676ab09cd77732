import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCron } from './cron';
import { startTimers, timerTriggers } from './timer-triggers';

describe('timer triggers', () => {
  it('reads the timer triggers of each deploy unit, ignoring other kinds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timers-'));
    fs.mkdirSync(path.join(dir, 'scheduler'));
    fs.writeFileSync(
      path.join(dir, 'scheduler', 'config.json'),
      JSON.stringify({
        triggers: [
          { name: 'tick', type: 'timer', config: '0 */10 * * * * *' },
          { name: 'other', type: 'cos', config: 'x' },
        ],
      }),
    );
    fs.mkdirSync(path.join(dir, 'case'));
    fs.writeFileSync(path.join(dir, 'case', 'config.json'), JSON.stringify({ timeout: 20 }));
    const triggers = timerTriggers(dir, ['case', 'scheduler']);
    expect(triggers.map((t) => [t.functionName, t.name, t.cron.source])).toEqual([['scheduler', 'tick', '0 */10 * * * * *']]);
  });

  it('invokes the function with the event CloudBase sends, with no WeChat user, and keeps firing', async () => {
    const calls: { name: string; event: any; context: unknown }[] = [];
    const timers = startTimers(
      { invoke: async (name, event, context) => (calls.push({ name, event, context }), { ok: true, value: {} }) },
      [{ functionName: 'scheduler', name: 'tick', cron: parseCron('* * * * * * *') }],
      () => undefined,
    );
    try {
      const deadline = Date.now() + 4000;
      while (calls.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      timers.stop();
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]).toMatchObject({
      name: 'scheduler',
      event: { Type: 'Timer', TriggerName: 'tick', Message: '' },
      context: { TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer' },
    });
    // Time names the second it fired for, whole seconds apart.
    const times = calls.map((c) => Date.parse(c.event.Time));
    expect(times[0] % 1000).toBe(0);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(1000);
  });
});
