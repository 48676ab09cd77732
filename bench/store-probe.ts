/**
 * Child process of item 4: start the emulator on a data folder, answer a first query through
 * the real SDK (a resident's newest cases, by index) and a case's timeline, then report the
 * start-up time and the peak resident memory (VmHWM) as one JSON line on stdout.
 */
import fs from 'node:fs';
import { startEmulator } from '../emulator';
import { localCloudbase } from '../scripts/lib/local-sdk';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const start = performance.now();
  const emulator = await startEmulator({ dataDir, port: 0, functionsDir: process.argv[3] });
  const db = localCloudbase(emulator.serviceUrl, emulator.envId).database();
  const { data } = await db.collection('cases').where({ ownerOpenid: 'obench-owner-7' }).orderBy('submittedAt', 'desc').limit(20).get();
  const startupMs = performance.now() - start;
  const events = data.length ? await db.collection('case_events').where({ caseId: data[0]._id }).orderBy('seq', 'asc').get() : { data: [] };
  const { total } = await db.collection('case_events').count();
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  process.stdout.write(`${JSON.stringify({ startupMs, firstQueryRows: data.length, timeline: events.data.length, events: total, hwmKb: kb('VmHWM'), rssKb: kb('VmRSS') })}\n`);
  await emulator.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
