/**
 * Child process of item 4: start the emulator on a data folder, answer a first query through
 * the real SDK (a resident's newest cases, by index) and a case with its timeline, then report the
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
  // A list as the read path makes it (no timelines), then one case with its timeline inside it.
  const { data } = await db
    .collection('cases')
    .where({ ownerOpenid: 'obench-owner-7' })
    .orderBy('submittedAt', 'desc')
    .field({ timeline: false, outbox: false })
    .limit(20)
    .get();
  const startupMs = performance.now() - start;
  const one = data.length ? (await db.collection('cases').doc(data[0]._id).get()).data[0] : undefined;
  const timeline: unknown[] = Array.isArray(one?.timeline) ? one.timeline : [];
  const { total } = await db.collection('cases').count();
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  process.stdout.write(`${JSON.stringify({ startupMs, firstQueryRows: data.length, timeline: timeline.length, cases: total, hwmKb: kb('VmHWM'), rssKb: kb('VmRSS') })}\n`);
  await emulator.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
