/**
 * The layer rules in .dependency-cruiser.cjs hold on the real tree, and each of them can fail:
 * test/fixtures/layers breaks every rule at least once, and also makes imports the rules must
 * let through (domain → dayjs and typings/, a test beside domain code reaching into platform/,
 * the mini-program → dayjs). depcruise runs as its CLI: it is an ES module jest cannot load.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const repoRoot = path.resolve(__dirname, '../..');
const configFile = path.join(repoRoot, '.dependency-cruiser.cjs');
const depcruise = path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CRUISED = ['backend', 'emulator', 'miniprogram', 'typings'];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Every violation depcruise reports from `cwd`, as `rule: from → to`. */
async function violationsIn(cwd: string): Promise<string[]> {
  const args = [depcruise, ...CRUISED, '--config', configFile, '--output-type', 'json'];
  // depcruise exits non-zero when it finds violations; the JSON on stdout is the answer either way.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string }) => {
    if (!error.stdout) throw new Error(`depcruise failed: ${error.stderr ?? String(error)}`);
    return { stdout: error.stdout };
  });
  const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

const ruleNames = (require(configFile) as { forbidden: Array<{ name: string }> }).forbidden.map((rule) => rule.name);

/** What the fixture breaks, written down by hand from the rules' intent. */
const FIXTURE_VIOLATIONS = [
  'backend-order-functions: backend/functions/alpha/index.ts → backend/shared/helper.ts',
  'function-imports-another-function: backend/functions/alpha/index.ts → backend/functions/beta/index.ts',
  'backend-order-use-cases: backend/use-cases/run.ts → backend/functions/define-api.ts',
  'not-to-unresolvable: backend/use-cases/run.ts → ./missing',
  'backend-order-notifications: backend/notifications/outbox.ts → backend/use-cases/run.ts',
  'backend-order-data: backend/data/rows.ts → backend/notifications/outbox.ts',
  'backend-order-documents: backend/documents/letter.ts → backend/data/rows.ts',
  'backend-order-platform: backend/platform/cloud.ts → backend/data/rows.ts',
  'backend-imports-tooling: backend/platform/cloud.ts → test/support/harness.ts',
  'backend-order-domain: backend/domain/limits.ts → backend/platform/cloud.ts',
  'domain-imports-outside-domain: backend/domain/limits.ts → backend/platform/cloud.ts',
  'domain-imports-outside-domain: backend/domain/limits.ts → config/bookings.json',
  'domain-imports-sdk: backend/domain/sdk.ts → crypto',
  'domain-imports-sdk: backend/domain/sdk.ts → ../../../node_modules/@cloudbase/node-sdk/dist/index.js',
  'emulator-imports-backend: emulator/server.ts → backend/domain/rule.ts',
  'emulator-imports-backend: emulator/server.ts → config/templates.json',
  'miniprogram-imports-outside: miniprogram/pages/home/index.ts → config/bookings.json',
  'miniprogram-imports-outside: miniprogram/utils/format.ts → ../../../node_modules/@cloudbase/node-sdk/dist/index.js',
  'typings-imports-outside: typings/api.ts → backend/domain/rule.ts',
].sort();

describe('the layer rules', () => {
  it('report every violation in the fixture, and nothing it is allowed to do', async () => {
    expect(await violationsIn(path.join(__dirname, '../fixtures/layers'))).toEqual(FIXTURE_VIOLATIONS);
  }, 120_000);

  it('are each broken by the fixture at least once, so none of them is dead', () => {
    const broken = new Set(FIXTURE_VIOLATIONS.map((line) => line.slice(0, line.indexOf(':'))));
    expect(ruleNames.filter((name) => !broken.has(name))).toEqual([]);
    expect(ruleNames.length).toBeGreaterThanOrEqual(12);
  });

  it('hold on the real tree', async () => {
    expect(await violationsIn(repoRoot)).toEqual([]);
  }, 180_000);
});
