/**
 * npm (11.16 on) runs a dependency's install script only if package.json's `allowScripts`
 * approves it, and lists the ones nobody reviewed. Every package the lockfile marks
 * `hasInstallScript` must be decided here — approved because the build needs it, or denied — so
 * a new one fails this test instead of being skipped silently on someone's fresh install.
 */
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

const manifest = readJson('package.json') as { allowScripts?: Record<string, boolean> };
const lock = readJson('package-lock.json') as { packages: Record<string, { version?: string; hasInstallScript?: boolean }> };
const allowScripts = manifest.allowScripts ?? {};

/**
 * Native code the emulator loads (better-sqlite3), the bundler's binary check (esbuild), and
 * canvas — jsdom's optional peer: its build fails here (no cairo), and npm then removes the
 * optional package; denied, it stays installed unbuilt and every jsdom suite fails to load it.
 */
const BUILD_NEEDS = ['better-sqlite3', 'esbuild', 'canvas'];

/** `name`, or `name@1.2.3` / `name@1.2.3 || 1.2.4` (what `npm install-scripts approve` writes). */
function parseKey(key: string): { name: string; versions: string[] | null } {
  const at = key.indexOf('@', 1);
  if (at < 0) return { name: key, versions: null };
  return {
    name: key.slice(0, at),
    versions: key
      .slice(at + 1)
      .split('||')
      .map((v) => v.trim()),
  };
}

/** The decision for one installed package, or undefined when nobody made one. */
function decisionFor(name: string, version: string | undefined): boolean | undefined {
  const matching = Object.entries(allowScripts).filter(([key]) => {
    const parsed = parseKey(key);
    return parsed.name === name && (parsed.versions === null || (version !== undefined && parsed.versions.includes(version)));
  });
  // A denial always wins, as it does for npm.
  if (matching.some(([, allowed]) => allowed === false)) return false;
  return matching.length > 0 ? true : undefined;
}

const withInstallScripts = Object.entries(lock.packages)
  .filter(([location, entry]) => location !== '' && entry.hasInstallScript)
  .map(([location, entry]) => ({ name: location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version }));

describe('install scripts', () => {
  it('are found in the lockfile', () => {
    expect(withInstallScripts.map((p) => p.name)).toEqual(expect.arrayContaining(BUILD_NEEDS));
  });

  it('are each approved or denied in allowScripts', () => {
    const undecided = withInstallScripts.filter((p) => decisionFor(p.name, p.version) === undefined).map((p) => `${p.name}@${p.version}`);
    expect(undecided).toEqual([]);
  });

  it('run for the packages the build needs, whatever version the lockfile holds', () => {
    for (const name of BUILD_NEEDS) {
      expect([name, allowScripts[name]]).toEqual([name, true]);
      for (const p of withInstallScripts.filter((q) => q.name === name)) expect([p.name, p.version, decisionFor(p.name, p.version)]).toEqual([name, p.version, true]);
    }
  });

  it('name no package the lockfile does not hold', () => {
    const installed = new Set(withInstallScripts.map((p) => p.name));
    expect(Object.keys(allowScripts).filter((key) => !installed.has(parseKey(key).name))).toEqual([]);
  });
});
