import fs from 'node:fs';
import path from 'node:path';
import { FunctionInstance, InvokeOutcome } from './instance';
import type { WxContext } from './protocol';
import { TCB_CONTEXT_KEYS, WX_CONTEXT_KEYS } from './protocol';

export interface PoolOptions {
  name: string;
  deployDir: string;
  runnerPath: string;
  baseEnv: NodeJS.ProcessEnv;
  maxInstances: number;
}

interface DeployConfig {
  timeout?: number;
  envVariables?: Record<string, string>;
}

/**
 * The instances of one function: reuse an idle warm one, start another up to the limit,
 * queue beyond it — as SCF scales a function. A rebuilt bundle retires old instances.
 */
export class FunctionPool {
  private readonly idle: FunctionInstance[] = [];
  private readonly all = new Set<FunctionInstance>();
  private starting = 0;
  private readonly waiters: ((instance: FunctionInstance | Error) => void)[] = [];

  constructor(private readonly options: PoolOptions) {}

  async invoke(event: unknown, wxContext: WxContext, requestId: string, clockAt?: number): Promise<InvokeOutcome> {
    const instance = await this.acquire();
    try {
      return await instance.invoke(event, wxContext, requestId, clockAt);
    } finally {
      this.release(instance);
    }
  }

  stopAll(): void {
    for (const instance of this.all) instance.stop();
    this.all.clear();
    this.idle.length = 0;
  }

  private get bundlePath(): string {
    return path.join(this.options.deployDir, 'index.js');
  }

  private bundleVersion(): number {
    return fs.statSync(this.bundlePath).mtimeMs;
  }

  private async acquire(): Promise<FunctionInstance> {
    const version = this.bundleVersion();
    while (this.idle.length > 0) {
      const instance = this.idle.pop()!;
      if (instance.alive && !instance.busy && instance.bundleVersion === version) return instance;
      this.retire(instance);
    }
    if (this.all.size + this.starting < this.options.maxInstances) return this.startInstance(version);
    return new Promise((resolve, reject) => {
      this.waiters.push((next) => (next instanceof Error ? reject(next) : resolve(next)));
    });
  }

  private release(instance: FunctionInstance): void {
    // Every invocation settles before it is returned; one that somehow did not must never
    // sit in the idle list answering "busy" to everyone after.
    if (instance.busy) instance.stop();
    if (!instance.alive) {
      this.all.delete(instance);
      // A crashed instance frees a slot: a queued caller gets a fresh one.
      const waiter = this.waiters.shift();
      if (waiter) this.startInstance(this.bundleVersion()).then(waiter, waiter);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter(instance);
    else this.idle.push(instance);
  }

  private retire(instance: FunctionInstance): void {
    instance.stop();
    this.all.delete(instance);
  }

  private async startInstance(version: number): Promise<FunctionInstance> {
    this.starting++;
    try {
      const config = this.readConfig();
      const instance = await FunctionInstance.start({
        runnerPath: this.options.runnerPath,
        bundlePath: this.bundlePath,
        bundleVersion: version,
        env: this.instanceEnv(config),
        timeoutMs: (config.timeout ?? 20) * 1000,
      });
      this.all.add(instance);
      return instance;
    } finally {
      this.starting--;
    }
  }

  private readConfig(): DeployConfig {
    const file = path.join(this.options.deployDir, 'config.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DeployConfig) : {};
  }

  private instanceEnv(config: DeployConfig): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...this.options.baseEnv, ...config.envVariables };
    for (const key of [...WX_CONTEXT_KEYS, ...TCB_CONTEXT_KEYS]) delete env[key];
    env.SCF_FUNCTIONNAME = this.options.name;
    env.SCF_TIMEOUT_MS = String((config.timeout ?? 20) * 1000);
    return env;
  }
}
