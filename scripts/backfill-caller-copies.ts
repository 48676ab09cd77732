/**
 * Brings the `users` documents of a deployment from before `users.actingAs` up to date: each
 * work account gets the copy of its record (name, stations, district) and each bound record the
 * id of its account, so every call resolves its caller in one read and every later change of
 * the record rewrites the copy (backend/use-cases/identity/backfill-copies.ts). Accounts left
 * without one keep working as before, reading their record too; the script says why.
 *
 *   npx tsx scripts/backfill-caller-copies.ts              # local: the back end of `npm start` (SERVICE_URL, default http://127.0.0.1:3721/admin)
 *   npx tsx scripts/backfill-caller-copies.ts --dry-run    # report only, write nothing
 *   ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npx tsx scripts/backfill-caller-copies.ts --cloud
 *
 * Safe to run while the app serves calls, and to run again: each account is one transaction,
 * and one that has its copy is left alone.
 */
import tcb from '@cloudbase/node-sdk';
import type { Database } from '../backend/platform/cloudbase';
import { backfillCopies } from '../backend/use-cases/identity/backfill-copies';
import { localCloudbase } from './lib/local-sdk';

function database(): Database {
  if (!process.argv.includes('--cloud')) return localCloudbase(process.env.SERVICE_URL ?? 'http://127.0.0.1:3721/admin', process.env.ENV_ID ?? 'local-dev').database();
  const { ENV_ID: env, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  if (!env || !secretId || !secretKey) throw new Error('--cloud needs ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  return tcb.init({ env, secretId, secretKey }).database();
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const report = await backfillCopies(database(), { dryRun });
  console.log(`${dryRun ? 'would copy' : 'copied'}: ${report.copied.length} account(s)`);
  for (const { userId, reason } of report.skipped) console.log(`left as it was: ${userId} — ${reason}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
