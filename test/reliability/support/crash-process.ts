/**
 * The crash-recovery suite's handle on a back end running in a child process
 * (./crash-backend.ts): start it on a data folder, SIGKILL it mid-load, start another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ENTRY = path.join(__dirname, 'crash-backend.ts');
const REPO_ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 60_000;

export interface ChildBackend {
  url: string;
  serviceUrl: string;
  /** What the child and its function instances printed, for a failure's message. */
  output(): string;
  /** SIGKILL to the child's whole process group — emulator and function instances die at once, as in a crash. */
  kill(): Promise<void>;
  /** A polite stop (SIGTERM), SIGKILL if it lingers. */
  stop(): Promise<void>;
}

export async function startChildBackend(dataDir: string, functionsDir: string, { seed = false } = {}): Promise<ChildBackend> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, dataDir, functionsDir, ...(seed ? ['--seed'] : [])], {
    cwd: REPO_ROOT,
    // Its own process group, so one kill reaches the function instances it forks.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Always drained: a full pipe would stall the child.
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + START_TIMEOUT_MS;
  let ready: RegExpExecArray | null;
  while (!(ready = /^ready (\S+) (\S+)$/m.exec(output))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      killGroup(child);
      throw new Error(`the back end did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  return {
    url: ready[1],
    serviceUrl: ready[2],
    output: () => output,
    async kill() {
      killGroup(child);
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const lingering = setTimeout(() => killGroup(child), 5_000);
      await exited;
      clearTimeout(lingering);
      killGroup(child); // function instances left behind, if any
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}
