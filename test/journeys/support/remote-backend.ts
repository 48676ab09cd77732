/**
 * test/backend/harness.ts's back end, run in a child process (./backend-process.ts) for suites
 * that render pages under jsdom, where the emulator cannot run. The suite gets the harness's
 * calls — `call`/`data` as any openid, WeChat's grants and sent record, a look at (and a
 * small arranging update of) the database — over the IPC channel; the pages reach the same
 * back end over HTTP at `url`.
 *
 *   const backend = await startRemoteBackend(['station', 'case', 'subscription']);
 *   config.localHost = backend.url;
 *   const detail = await backend.data('case', 'accept', { caseId, version }, 'odemo-officer');
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../../typings/api';
import type { ApiResult } from '../../../typings/errors';
import type { SentMessage } from '../../backend/harness';

export type BackendRequest = { id: number } & (
  | { method: 'call'; fn: string; action: string; input: Record<string, unknown>; openid?: string }
  | { method: 'grant'; openid: string; templateId: string; count?: number }
  | { method: 'sent'; query: { openid?: string; templateId?: string } }
  | { method: 'find'; collection: string; where: Record<string, unknown> }
  | { method: 'update'; collection: string; where: Record<string, unknown>; data: Record<string, unknown> }
  | { method: 'fireTimer'; fn: string; trigger: string }
  | { method: 'close' }
);
type Request = BackendRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export type BackendResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

export interface RemoteBackend {
  /** The local back end's one port: function host, emulator routes, storage. */
  url: string;
  /** One action as `openid` (none: anonymous), typed by the API contract. */
  call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid?: string): Promise<ApiResult<ActionOutput<F, A>>>;
  /** The same, expected to succeed: its data, or the step fails with the error. */
  data<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid?: string): Promise<ActionOutput<F, A>>;
  wx: {
    grant(openid: string, templateId: string, count?: number): Promise<void>;
    /** What WeChat would have delivered (`GET /_emulator/wx/sent`). */
    sent(query?: { openid?: string; templateId?: string }): Promise<SentMessage[]>;
  };
  /** Documents of a collection matching `where` (plain equality), as stored. */
  find<T = Record<string, any>>(collection: string, where: Record<string, unknown>): Promise<T[]>;
  /**
   * Sets fields of the documents matching `where` (plain equality), straight in the database:
   * for arranging what no action may do, such as a case whose deadline has passed. Dates stay
   * Dates (the IPC channel uses structured clone). Resolves how many documents were updated.
   */
  update(collection: string, where: Record<string, unknown>, data: Record<string, unknown>): Promise<number>;
  /** Fires one of a function's own timer triggers now, as its timer would (`POST /_emulator/timers/<fn>`). */
  fireTimer(fn: string, trigger: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

const ENTRY = path.join(__dirname, 'backend-process.ts');
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Starts the back end with these functions (default: all) and resolves once it is seeded and listening. */
export function startRemoteBackend(functions: string[] = []): Promise<RemoteBackend> {
  const child = fork(ENTRY, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, JOURNEY_FUNCTIONS: functions.join(',') },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited = false;

  child.on('message', (response: BackendResponse) => {
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(new Error(`back end: ${response.message}`));
  });
  child.on('exit', (code) => {
    exited = true;
    for (const waiting of pending.values()) waiting.reject(new Error(`the back end process exited (${code})`));
    pending.clear();
  });

  const ask = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error('the back end process has exited'));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id });
    });

  const call: RemoteBackend['call'] = async (fn, action, input, openid) => {
    const { status, body } = await ask<{ status: number; body: any }>({ method: 'call', fn, action, input: input as Record<string, unknown>, openid });
    if (status !== 200) throw new Error(`${fn}.${action} answered HTTP ${status}: ${JSON.stringify(body)}`);
    return body;
  };

  const started = new Promise<{ url: string }>((resolve, reject) => pending.set(0, { resolve: resolve as (value: unknown) => void, reject }));
  return started.then(
    ({ url }) => ({
      url,
      call,
      async data(fn, action, input, openid) {
        const answer = await call(fn, action, input, openid);
        if (!answer.ok) throw new Error(`${fn}.${String(action)} failed: ${JSON.stringify(answer.error)}`);
        return answer.data;
      },
      wx: {
        grant: (openid, templateId, count) => ask({ method: 'grant', openid, templateId, count }),
        sent: (query = {}) => ask({ method: 'sent', query }),
      },
      find: (collection, where) => ask({ method: 'find', collection, where }),
      update: (collection, where, data) => ask({ method: 'update', collection, where, data }),
      fireTimer: (fn, trigger) => ask({ method: 'fireTimer', fn, trigger }),
      close: () => stop(child, ask),
    }),
    (error: Error) => {
      child.kill();
      throw error;
    },
  );
}

async function stop(child: ChildProcess, ask: <T>(request: Request) => Promise<T>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await ask({ method: 'close' }).catch(() => undefined);
  const timer = setTimeout(() => child.kill(), 5000);
  await exited;
  clearTimeout(timer);
}
