/**
 * One function instance, as CloudBase runs it: a process that loads the deploy bundle
 * once and handles one invocation at a time, with the caller's WeChat context in its
 * environment for the duration of the call (that is where @cloudbase/node-sdk reads it).
 */
import type { InstanceMessage, InvokeMessage } from './protocol';
import { TCB_CONTEXT_KEYS, WX_CONTEXT_KEYS } from './protocol';
import { installShiftedClock } from './shifted-clock';

const bundlePath = process.argv[2];
const functionName = process.env.SCF_FUNCTIONNAME ?? '';

function send(message: InstanceMessage): void {
  process.send?.(message);
}

type Main = (event: unknown, context: unknown) => unknown;
// Before the bundle loads, so every Date it makes goes through the seam.
const clock = installShiftedClock();
let main: Main;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(bundlePath) as { main?: Main };
  if (typeof loaded.main !== 'function') throw new Error(`${bundlePath} exports no main(event, context)`);
  main = loaded.main;
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'load-failed', error: (error as Error).stack ?? String(error) });
  process.exit(1);
}

process.on('message', (message: InvokeMessage) => {
  if (message.type !== 'invoke') return;
  void invoke(message);
});

async function invoke({ id, event, wxContext, requestId, clockAt }: InvokeMessage): Promise<void> {
  for (const key of [...WX_CONTEXT_KEYS, ...TCB_CONTEXT_KEYS]) {
    if (wxContext[key]) process.env[key] = wxContext[key];
    else delete process.env[key];
  }
  clock.set(clockAt);
  const context = {
    request_id: requestId,
    function_name: functionName,
    function_version: '$LATEST',
    namespace: process.env.SCF_NAMESPACE,
    memory_limit_in_mb: 256,
    time_limit_in_ms: Number(process.env.SCF_TIMEOUT_MS ?? 20000),
    environment: JSON.stringify({ ...wxContext, WX_CONTEXT_KEYS: WX_CONTEXT_KEYS.join(','), TCB_CONTEXT_KEYS: TCB_CONTEXT_KEYS.join(',') }),
  };
  try {
    const value = await main(event, context);
    // What crosses the wire is JSON, as in CloudBase: Dates become strings, undefined drops.
    send({ type: 'result', id, ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
  } catch (error) {
    send({ type: 'result', id, ok: false, error: (error as Error).stack ?? String(error) });
  }
}
