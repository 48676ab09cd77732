/**
 * CloudBase security rules (database/security-rules.json): every collection the app stores
 * denies direct client reads and writes — all access goes through the cloud functions — and
 * the deploy script applies exactly those rules, refusing when a collection has none.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { collectionNames, missingRules, permissionCommand, readRules } from '../../scripts/apply-security-rules';

const rules = readRules();
const collections = collectionNames();

it('has a rule for every collection of database/collections.json, and none for collections that do not exist', () => {
  expect(collections.length).toBeGreaterThan(10);
  expect(Object.keys(rules.collections).sort()).toEqual([...collections].sort());
  expect(missingRules(collections, rules)).toEqual([]);
});

it.each(collections)('%s denies every client read and write', (name) => {
  expect(rules.collections[name]).toEqual({ read: false, write: false });
});

it('notices a collection without a rule', () => {
  expect(missingRules([...collections, 'new_collection'], rules)).toEqual(['new_collection']);
});

it('applies each rule with the CloudBase CLI as a custom rule on the collection', () => {
  expect(permissionCommand('cases', { read: false, write: false }, 'env-1')).toEqual([
    'permission',
    'set',
    'collection:cases',
    '--level',
    'custom',
    '--rule',
    '{"read":false,"write":false}',
    '-e',
    'env-1',
  ]);
});

it('prints one command per collection on a dry run', () => {
  const root = path.resolve(__dirname, '../..');
  const out = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/apply-security-rules.ts', '--dry-run'], {
    cwd: root,
    env: { ...process.env, ENV_ID: 'env-dry' },
    encoding: 'utf8',
  });
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(collections.length);
  expect(lines).toContain(`tcb permission set collection:cases --level custom --rule '{"read":false,"write":false}' -e env-dry`);
});
