/**
 * Runs the database emulator in its own process (for the SIGKILL durability test):
 * `node --import tsx test/emulator/database-child.ts <dataDir> <collectionsFile>` prints
 * `serviceUrl <url>` once listening, then serves until killed.
 */
import { createDatabaseService } from '../../emulator/database';
import { startAdminServer } from '../../emulator/server';

async function main(): Promise<void> {
  const [dataDir, collectionsFile] = process.argv.slice(2);
  const server = await startAdminServer([createDatabaseService({ dataDir, collectionsFile })]);
  process.stdout.write(`serviceUrl ${server.serviceUrl}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
