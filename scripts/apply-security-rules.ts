/**
 * Applies database/security-rules.json to a CloudBase environment: for every collection,
 * `tcb permission set collection:<name> --level custom --rule '<json>' -e <envId>` (CloudBase
 * CLI v3+; `cloudbaserc.json` has no place for database rules). Refuses to run when a collection
 * of database/collections.json has no rule, so a new collection cannot ship open.
 *
 *   npx tsx scripts/apply-security-rules.ts            # ENV_ID from the environment or .env
 *   npx tsx scripts/apply-security-rules.ts --dry-run  # print the commands only
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');

export type Rule = Record<string, boolean | string>;

export interface RulesFile {
  collections: Record<string, Rule>;
}

export function readRules(root = repoRoot): RulesFile {
  return JSON.parse(fs.readFileSync(path.join(root, 'database/security-rules.json'), 'utf8')) as RulesFile;
}

export function collectionNames(root = repoRoot): string[] {
  const file = JSON.parse(fs.readFileSync(path.join(root, 'database/collections.json'), 'utf8')) as { collections: Record<string, unknown> };
  return Object.keys(file.collections);
}

/** Collections of collections.json without a rule: each would keep CloudBase's default access. */
export function missingRules(collections: readonly string[], rules: RulesFile): string[] {
  return collections.filter((name) => !Object.prototype.hasOwnProperty.call(rules.collections, name));
}

/** The CLI's arguments for one collection (no shell: the rule's JSON needs no quoting). */
export function permissionCommand(collection: string, rule: Rule, envId: string): string[] {
  return ['permission', 'set', `collection:${collection}`, '--level', 'custom', '--rule', JSON.stringify(rule), '-e', envId];
}

function envId(): string {
  if (process.env.ENV_ID) return process.env.ENV_ID;
  const dotenv = path.join(repoRoot, '.env');
  const line = fs.existsSync(dotenv)
    ? fs
        .readFileSync(dotenv, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('ENV_ID='))
    : undefined;
  if (!line) throw new Error('ENV_ID is not set (environment or .env)');
  return line.slice('ENV_ID='.length).trim();
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  const rules = readRules();
  const missing = missingRules(collectionNames(), rules);
  if (missing.length > 0) throw new Error(`database/security-rules.json has no rule for: ${missing.join(', ')}`);
  const env = dryRun ? (process.env.ENV_ID ?? '<ENV_ID>') : envId();
  for (const [collection, rule] of Object.entries(rules.collections)) {
    const args = permissionCommand(collection, rule, env);
    if (dryRun) {
      console.log(`tcb ${args.map((a) => (/[\s{}"]/.test(a) ? `'${a}'` : a)).join(' ')}`);
      continue;
    }
    const run = spawnSync('tcb', args, { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`tcb permission set failed for ${collection}`);
      process.exit(run.status ?? 1);
    }
  }
}

if (require.main === module) main();
