import os from 'node:os';

/** The machine a run measured, for the table's heading: absolute times only mean something with it. */
export function describeMachine(now = new Date()): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus.length} cores, ${ram} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
