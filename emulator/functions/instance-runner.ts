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
  if (message?.type !== 'invoke') return;
  invoke(message).catch((error: unknown) => answerFailure(message.id, error));
});

/**
 * The host waits for exactly one answer per call: whatever the function returned or threw,
 * and whatever fails on the way out, one is sent. When not even a plain failure can be sent
 * the process exits, and the host settles the call on its exit instead of waiting.
 */
function answerFailure(id: number, error: unknown): void {
  try {
    send({ type: 'result', id, ok: false, error: describe(error) });
  } catch {
    process.exit(70);
  }
}

/** The error's stack or text; a thrown value whose description itself throws is named as such. */
function describe(error: unknown): string {
  try {
    const stack = (error as Error | undefined)?.stack;
    return typeof stack === 'string' ? stack : String(error);
  } catch {
    return 'the function threw a value that cannot be described';
  }
}

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
    // A value too deep to serialise fails here, as a failure of this call.
    send({ type: 'result', id, ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
  } catch (error) {
    answerFailure(id, error);
  }
}
