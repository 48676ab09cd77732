/**
 * The child process of the crash-recovery suite: the whole local back end (emulator +
 * function host, no timers) over a data folder that outlives it, as `npm start` runs it.
 *
 *   node --import tsx test/reliability/support/crash-backend.ts <dataDir> <functionsDir> [--seed]
 *
 * Prints `ready <url> <serviceUrl>` once listening, then serves until killed. The suite kills
 * it with SIGKILL (its whole process group, function instances included) and starts another
 * on the same folder.
 */
import '../../support/sdk-env';
import { shanghaiDate } from '../../../backend/domain/calendar';
import { startEmulator } from '../../../emulator';
import { localCloudbase } from '../../../scripts/lib/local-sdk';
import { seedDatabase } from '../../../scripts/seed/seed-database';

async function main(): Promise<void> {
  const [dataDir, functionsDir, flag] = process.argv.slice(2);
  const emulator = await startEmulator({ dataDir, functionsDir, port: 0, timers: false });
  if (flag === '--seed') await seedDatabase(localCloudbase(emulator.serviceUrl, emulator.envId).database(), { today: shanghaiDate(new Date()) });
  // A polite stop (the suite's last instance) closes the store; the kills never get here.
  process.once('SIGTERM', () => void emulator.close().finally(() => process.exit(0)));
  process.stdout.write(`ready ${emulator.url} ${emulator.serviceUrl}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
