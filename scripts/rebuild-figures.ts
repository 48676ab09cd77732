/**
 * Recomputes the figures' running totals (`figure_totals`) from every case and proves they
 * match: prints every difference, rewrites what differs, checks again, and exits 1 if any
 * difference is left (or, with --check, if there was any).
 *
 *   npx tsx scripts/rebuild-figures.ts            # local: the back end of `npm start` (SERVICE_URL, default http://127.0.0.1:3721/admin)
 *   npx tsx scripts/rebuild-figures.ts --check    # compare only, write nothing
 *   ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npx tsx scripts/rebuild-figures.ts --cloud
 *
 * Safe while the app runs: documents are replaced one by one (never emptied first), and the
 * changes made while it reads are folded in afterwards (backend/use-cases/figures/rebuild-totals.ts).
 */
import tcb from '@cloudbase/node-sdk';
import type { TotalsDocument } from '../backend/data/figure-totals';
import type { Database } from '../backend/platform/cloudbase';
import type { TotalsDifference } from '../backend/use-cases/figures/rebuild-totals';
import { rebuildTotals } from '../backend/use-cases/figures/rebuild-totals';
import { localCloudbase } from './lib/local-sdk';

const SHOWN = 50;

function database(): Database {
  if (!process.argv.includes('--cloud')) return localCloudbase(process.env.SERVICE_URL ?? 'http://127.0.0.1:3721/admin', process.env.ENV_ID ?? 'local-dev').database();
  const { ENV_ID: env, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
  if (!env || !secretId || !secretKey) throw new Error('--cloud needs ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  return tcb.init({ env, secretId, secretKey }).database();
}

type Row = TotalsDocument['rows'][number];

/** What differs, field by field: `station:st-ft-hf:2025-11-21 st-ft-hf received 3 → 4`. */
export function describeDifference(difference: TotalsDifference): string[] {
  const { id, kind, expected, stored } = difference;
  if (kind === 'missing') return [`${id}: missing (${expected!.rows.map((r) => `${r.id} received ${r.received}`).join(', ')})`];
  if (kind === 'extra') return [`${id}: stored, but no case calls for it`];
  const rows = (doc: TotalsDocument) => new Map(doc.rows.map((row) => [row.id, row]));
  const want = rows(expected!);
  const have = rows(stored!);
  const lines: string[] = [];
  for (const rowId of new Set([...want.keys(), ...have.keys()])) {
    const a = have.get(rowId);
    const b = want.get(rowId);
    if (!a || !b) {
      lines.push(`${id} ${rowId}: ${a ? 'stored, not called for' : 'missing'}`);
      continue;
    }
    for (const field of Object.keys(b) as (keyof Row)[]) {
      if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) lines.push(`${id} ${rowId} ${field} ${JSON.stringify(a[field])} → ${JSON.stringify(b[field])}`);
    }
  }
  return lines.length ? lines : [`${id}: differs`];
}

function print(title: string, differences: readonly TotalsDifference[]): void {
  const count = (kind: TotalsDifference['kind']) => differences.filter((d) => d.kind === kind).length;
  console.log(`${title}: ${differences.length} difference(s) — ${count('missing')} missing, ${count('different')} different, ${count('extra')} extra`);
  for (const line of differences.slice(0, SHOWN).flatMap(describeDifference)) console.log(`  ${line}`);
  if (differences.length > SHOWN) console.log(`  … and ${differences.length - SHOWN} more`);
}

async function main(): Promise<void> {
  const db = database();
  const check = process.argv.includes('--check');
  const first = await rebuildTotals(db, { write: !check });
  console.log(`${first.cases} cases call for ${first.documents} totals documents`);
  print(check ? 'stored totals' : 'before the rebuild', first.differences);
  if (check) process.exit(first.differences.length ? 1 : 0);

  console.log(`rebuilt: ${first.written} written, ${first.removed} removed; changes folded in since the start: ${first.caughtUp?.cases ?? 0}`);
  const after = await rebuildTotals(db, { write: false });
  print('after the rebuild', after.differences);
  process.exit(after.differences.length ? 1 : 0);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
