import { fork, ChildProcess } from 'node:child_process';
import type { InstanceMessage, InvokeMessage, WxContext } from './protocol';

export type InvokeOutcome =
  | { ok: true; value: unknown }
  | { ok: false; code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'; message: string };

/**
 * One warm function instance: a child process running instance-runner with the
 * deploy bundle loaded. It serves one invocation at a time, as an SCF instance does.
 */
export class FunctionInstance {
  private nextId = 1;
  private pending?: { id: number; resolve: (outcome: InvokeOutcome) => void; timer: NodeJS.Timeout };
  private exited = false;
  private stopped = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly bundleVersion: number,
    private readonly timeoutMs: number,
  ) {
    child.on('message', (message: InstanceMessage) => this.onMessage(message));
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.settle({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: `instance exited (${signal ?? code})` });
    });
  }

  static start(options: {
    runnerPath: string;
    bundlePath: string;
    bundleVersion: number;
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
  }): Promise<FunctionInstance> {
    const child = fork(options.runnerPath, [options.bundlePath], {
      env: options.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    return new Promise((resolve, reject) => {
      const onMessage = (message: InstanceMessage) => {
        if (message.type === 'ready') {
          child.off('message', onMessage);
          resolve(new FunctionInstance(child, options.bundleVersion, options.timeoutMs));
        } else if (message.type === 'load-failed') {
          child.off('message', onMessage);
          reject(new Error(message.error));
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`function instance exited during load (code ${code})`)));
    });
  }

  get alive(): boolean {
    return !this.exited && !this.stopped;
  }

  invoke(event: unknown, wxContext: WxContext, requestId: string, clockAt?: number): Promise<InvokeOutcome> {
    if (this.pending) throw new Error('instance is busy: one invocation at a time');
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ ok: false, code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: `timed out after ${this.timeoutMs} ms` });
        this.stop(); // a timed-out instance may still be running user code: never reuse it
      }, this.timeoutMs);
      this.pending = { id, resolve, timer };
      const message: InvokeMessage = { type: 'invoke', id, event, wxContext, requestId, ...(clockAt === undefined ? {} : { clockAt }) };
      // A process that died between calls closes the channel: fail this call, not the host.
      this.child.send(message, (error) => {
        if (error) this.settle({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: `instance unavailable: ${error.message}` });
      });
    });
  }

  stop(): void {
    this.stopped = true;
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private onMessage(message: InstanceMessage): void {
    if (message.type !== 'result' || message.id !== this.pending?.id) return;
    this.settle(message.ok ? { ok: true, value: message.value } : { ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: message.error });
  }

  private settle(outcome: InvokeOutcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}
