/**
 * CPU time of the bench's own process tree: this process (the emulator, the function host and
 * the bench's clients all run in it, on one thread) and its children (the function instances,
 * one process each). What a load spent, per request, says what bounds it on a shared machine
 * better than its wall time: a busy neighbour stretches the wall time, not the CPU time.
 * Children are read from /proc (Linux); elsewhere only this process is counted.
 */
import fs from 'node:fs';

export interface CpuSnapshot {
  /** This process, user + system, ms. */
  self: number;
  /** Its children, live and exited, user + system, ms; undefined where /proc is not there. */
  children: number | undefined;
  /** Every process on the machine, all cores (busy = not idle, not waiting on I/O), ms. */
  machine: number | undefined;
  /** When it was taken (performance.now()). */
  at: number;
}

/** Clock ticks per second of /proc's times: 100 on every Linux the bench runs on (USER_HZ). */
const TICK_MS = 10;

export function cpuSnapshot(): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return { self: (user + system) / 1000, children: childrenCpuMs(), machine: machineBusyMs(), at: performance.now() };
}

export interface CpuSpent {
  wallMs: number;
  selfMs: number;
  childrenMs: number | undefined;
  totalMs: number;
  /** The whole machine's busy CPU over the same time: ours and everyone else's. */
  machineMs: number | undefined;
}

export function cpuSince(start: CpuSnapshot): CpuSpent {
  const end = cpuSnapshot();
  const childrenMs = end.children === undefined || start.children === undefined ? undefined : end.children - start.children;
  const selfMs = end.self - start.self;
  const machineMs = end.machine === undefined || start.machine === undefined ? undefined : end.machine - start.machine;
  return { wallMs: end.at - start.at, selfMs, childrenMs, totalMs: selfMs + (childrenMs ?? 0), machineMs };
}

/** Live children's utime+stime, plus those of children already exited and reaped (cutime+cstime of this process). */
function childrenCpuMs(): number | undefined {
  try {
    const own = statFields(fs.readFileSync('/proc/self/stat', 'utf8'));
    let ticks = Number(own[13]) + Number(own[14]); // cutime, cstime
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let text: string;
      try {
        text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited while we looked
      }
      const fields = statFields(text);
      if (Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}

/** /proc/stat's first line: user nice system idle iowait irq softirq steal …, in ticks, summed over the cores. */
function machineBusyMs(): number | undefined {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** The fields after `pid (comm)`: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. */
function statFields(stat: string): string[] {
  return stat
    .slice(stat.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/);
}
