/**
 * The instruments of the fuzz run: whether a call wrote to the database, the full digest,
 * and whether a function instance died and was replaced behind the host's back.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backend } from '../../backend/harness';

export interface Digest {
  sha256: string;
  collections: number;
  rows: number;
  changes: number;
}

/** The emulator's digest route: every row of every collection hashed (emulator/database/digest.ts). */
export async function databaseDigest(backend: Backend): Promise<Digest> {
  const res = await fetch(`${backend.url}/_emulator/database/digest`);
  if (res.status !== 200) throw new Error(`digest answered HTTP ${res.status}`);
  return (await res.json()) as Digest;
}

/**
 * SQLite's `PRAGMA data_version` from a connection of our own: it moves whenever another
 * connection (the emulator's store) commits a change, and never for reads. In-process and
 * about a microsecond, so it can be read around every call; the full digest is taken on a
 * sample of calls to show the two agree.
 */
export class CommitCounter {
  private readonly db: Database.Database;
  private readonly pragma: Database.Statement;

  constructor(backend: Backend) {
    this.db = new Database(path.join(backend.dataDir, 'database.sqlite'), { readonly: true, fileMustExist: true });
    this.pragma = this.db.prepare('PRAGMA data_version').pluck();
  }

  read(): number {
    return this.pragma.get() as number;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The function instances (children of this process running instance-runner.js), seen over the
 * run. The host replaces a crashed or timed-out instance silently, so a crash shows as a pid
 * that is gone, or as more instances than functions called.
 */
export class InstanceWatch {
  readonly seen = new Set<number>();

  sample(): void {
    for (const pid of instancePids()) this.seen.add(pid);
  }

  /** CPU time (ms) the instances seen have used so far: with this process's, the cost of a call. */
  cpuMs(): number {
    let ticks = 0;
    for (const pid of this.seen) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // Gone: reported by gone().
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  /** Instances seen that are no longer running. */
  gone(): number[] {
    const alive = new Set(instancePids());
    return [...this.seen].filter((pid) => !alive.has(pid));
  }
}

function instancePids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('instance-runner')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}
