/**
 * `npm start`: the whole back end on one port — the CloudBase emulator (`/admin`) and the
 * function host (`/functions/<name>`) — over the data folder, seeded on first start.
 */
import path from 'node:path';
import { DEFAULT_PORT, startEmulator } from '../emulator';
import { shanghaiDate } from '../backend/domain/calendar';
import { buildFunctions } from './build-functions';
import { localCloudbase } from './lib/local-sdk';
import { operatorToken } from './lib/operator-token';
import { DEMO_ACCOUNTS } from './seed/demo-accounts';
import { seedDatabase } from './seed/seed-database';
import { seedDemoConsultation, type CallFunction } from './seed/consultation';

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  const port = Number(process.env.PORT ?? DEFAULT_PORT);

  // Always serve the current sources: rebuilding the bundles takes about a second.
  await buildFunctions({ quiet: true });
  // Timer triggers run as in the cloud (the scheduler every 10 minutes) unless TIMERS=0.
  const timers = process.env.TIMERS !== '0';
  // With HOST=0.0.0.0 the LAN reaches the port: /admin and /_emulator/* then want this token from anyone but this machine.
  const operator = operatorToken(process.env.HOST, process.env.EMULATOR_TOKEN);
  const emulator = await startEmulator({ dataDir, port, host: process.env.HOST, publicUrl: process.env.PUBLIC_URL, timers, operatorToken: operator.token });

  const app = localCloudbase(emulator.serviceUrl, emulator.envId);
  const { inserted } = await seedDatabase(app.database(), { today: shanghaiDate(new Date()) });
  const added = Object.entries(inserted).filter(([, n]) => n > 0);
  // The demo 立法意见征集 goes through the consultation function itself, so its counters are the app's (idempotent).
  await seedDemoConsultation(async (fn, event, openid) => {
    const res = await fetch(`${emulator.url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
      body: JSON.stringify(event),
    });
    return (await res.json()) as Awaited<ReturnType<CallFunction>>;
  }, shanghaiDate(new Date()));

  console.log(`
  人大代表联络站 · local back end
  data folder      ${dataDir}${added.length ? `  (seeded: ${added.map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}
  function host    ${emulator.url}/functions/<name>   (functions: ${emulator.functions.functionNames().join(', ')})
  serviceUrl       ${emulator.serviceUrl}
  env              ${emulator.envId}
  timer triggers   ${emulator.timerTriggers.map((t) => `${t.functionName}/${t.name} (${t.cron.source})`).join(', ') || 'off (TIMERS=0)'}${
    operator.line ? `\n  operator token   ${operator.line}   (X-Emulator-Token: /admin and /_emulator/* from other machines)` : ''
  }

  try:  curl -s -X POST ${emulator.url}/functions/user -H 'X-WX-OPENID: ${DEMO_ACCOUNTS.resident.openid}' -d '{"action":"whoami"}'
  Ctrl-C stops; data stays in the folder.
`);

  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
