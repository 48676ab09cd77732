import { fork, ChildProcess } from 'node:child_process';
import type { InstanceMessage, InvokeMessage, WxContext } from './protocol';

export type InvokeOutcome = { ok: true; value: unknown } | { ok: false; code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'; message: string };

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
      this.settle(executeFail(`instance exited (${signal ?? code})`));
    });
    // Without a listener an 'error' (a kill or a send that failed) would throw in the host itself.
    child.on('error', (error) => {
      this.settle(executeFail(`instance failed: ${error.message}`));
      this.stop();
    });
  }

  static start(options: { runnerPath: string; bundlePath: string; bundleVersion: number; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<FunctionInstance> {
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

  /** Serving a call. The pool never lends a busy instance, and retires one still busy when returned. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /**
   * Always settles — with the answer, a failure, or the timeout — and never throws: a call
   * that fails on the way in must not leave the instance looking busy to the next caller.
   */
  invoke(event: unknown, wxContext: WxContext, requestId: string, clockAt?: number): Promise<InvokeOutcome> {
    if (this.pending) return Promise.resolve(executeFail('instance is busy: one invocation at a time'));
    if (!this.alive) return Promise.resolve(executeFail('instance is not running'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ ok: false, code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: `timed out after ${this.timeoutMs} ms` });
        this.stop(); // a timed-out instance may still be running user code: never reuse it
      }, this.timeoutMs);
      this.pending = { id, resolve, timer };
      const message: InvokeMessage = { type: 'invoke', id, event, wxContext, requestId, ...(clockAt === undefined ? {} : { clockAt }) };
      try {
        this.child.send(message, (error) => {
          if (!error) return;
          // The channel broke (the process died between calls): whatever it holds is unknown, so retire it.
          this.settle(executeFail(`instance unavailable: ${error.message}`));
          this.stop();
        });
      } catch (error) {
        // Serialising the message threw (an event nested too deep for JSON.stringify, a BigInt)
        // before a byte was written: the instance never saw the call and serves the next one.
        this.settle(executeFail(`the event could not be delivered to the function: ${(error as Error)?.message ?? String(error)}`));
      }
    });
  }

  stop(): void {
    this.stopped = true;
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private onMessage(message: InstanceMessage): void {
    if (message.type !== 'result' || message.id !== this.pending?.id) return;
    this.settle(message.ok ? { ok: true, value: message.value } : executeFail(message.error));
  }

  private settle(outcome: InvokeOutcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}

const executeFail = (message: string): InvokeOutcome => ({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message });
