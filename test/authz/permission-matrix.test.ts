/**
 * The authorisation matrix, generated from the permission table in the code: every API
 * function's `main.permissions` (the `allow` of each action) × every kind of caller, through
 * the function host (real bundles, real SDK, the emulator).
 *
 * - A role the table does not list is refused before its input is read: FORBIDDEN, or
 *   UNAUTHENTICATED for a caller WeChat did not name.
 * - A listed role gets past authorisation on a subject in its scope, and an outsider of the
 *   same role (another resident, another station's officer, another deputy, another
 *   district's admin) is refused the same subject, or does not see it in a list.
 *
 * - A refused call changes nothing: every gate refusal and every outsider refusal leaves the
 *   database digest (every row of every collection, hashed by the emulator) as it was — a
 *   gate refusal tried with a valid input too, so it is the role check that stops the write.
 *
 * The scope rows come from SCOPE_ROWS below, one per action: a new action without a row fails
 * the "every action has a scope row" test, so nothing ships without its rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PermissionTable } from '../../backend/platform/define-function';
import type { UserRole } from '../../typings/models';
import { startBackend, type Backend } from '../backend/harness';
import { databaseDigest } from '../reliability/support/watch';
import { CALLERS, OUTSIDERS, arrangeOutsiders, type CallerKind } from './callers';
import { SCOPE_ROWS, type Arranged, type ScopeRow } from './scope-rows';
import { Subjects } from './subjects';

const functionsRoot = path.resolve(__dirname, '../../backend/functions');

/** Every deploy unit that serves the mini-program's API (the scheduler takes timer events only). */
function permissionTables(): Record<string, PermissionTable> {
  const names = fs.readdirSync(functionsRoot, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const tables: Record<string, PermissionTable> = {};
  for (const name of names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry = require(path.join(functionsRoot, name, 'index.ts')) as { main: { permissions?: PermissionTable } };
    if (entry.main.permissions) tables[name] = entry.main.permissions;
  }
  return tables;
}

const TABLES = permissionTables();
const ACTIONS = Object.entries(TABLES).flatMap(([fn, table]) => Object.entries(table).map(([action, allow]) => ({ fn, action, allow })));
const KINDS: CallerKind[] = ['anonymous', 'resident', 'deputy', 'officer', 'admin'];

const REFUSED = ['FORBIDDEN', 'NOT_FOUND'];
const AUTHZ = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

let backend: Backend;
let subjects: Subjects;

beforeAll(async () => {
  backend = await startBackend();
  await arrangeOutsiders(backend);
  subjects = new Subjects(backend);
}, 180_000);

afterAll(() => backend?.close());

it('reads a permission table from every API function', () => {
  expect(Object.keys(TABLES).sort()).toEqual(expect.arrayContaining(['admin', 'case', 'reception', 'station', 'subscription', 'user']));
  expect(ACTIONS.length).toBeGreaterThan(40);
});

it('every action has a scope row, and every scope row an action', () => {
  const keys = ACTIONS.map(({ fn, action }) => `${fn}.${action}`).sort();
  expect(Object.keys(SCOPE_ROWS).sort()).toEqual(keys);
});

const gateRows = ACTIONS.flatMap(({ fn, action, allow }) =>
  KINDS.filter((kind) => allow !== 'anyone' && (kind === 'anonymous' || !(allow as readonly UserRole[]).includes(kind))).map(
    (kind) => [`${fn}.${action}`, kind, kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'] as const,
  ),
);

describe.each(gateRows)('%s as %s', (key, kind, code) => {
  it(`is refused with ${code}, whatever the input, and changes nothing`, async () => {
    const [fn, action] = key.split('.');
    const before = await databaseDigest(backend);
    // Deliberately invalid input: the role check comes first, so the caller learns nothing of the rules.
    const { body } = await backend.callRaw(fn, { action, caseId: 42, stationId: null }, CALLERS[kind]);
    expect(body).toMatchObject({ ok: false, error: { code } });
    expect((await databaseDigest(backend)).sha256).toBe(before.sha256);
  });
});

const scopeRows = ACTIONS.flatMap(({ fn, action, allow }) =>
  (allow === 'anyone' ? (['anonymous', 'resident'] as CallerKind[]) : (allow as readonly UserRole[])).map((kind) => [`${fn}.${action}`, kind] as const),
);

describe.each(scopeRows)('%s as %s', (key, kind) => {
  it('passes authorisation in scope, and an outsider of the same role is kept out', async () => {
    const row: ScopeRow | undefined = SCOPE_ROWS[key];
    if (!row) throw new Error(`no scope row for ${key}`);
    const [fn, action] = key.split('.');
    const arranged = await row(kind, subjects);

    const inside = await backend.callRaw(fn, { ...arranged.input, action }, arranged.caller ?? CALLERS[kind]);
    expect(inside.status).toBe(200);
    if (!inside.body.ok) expect(AUTHZ).not.toContain(inside.body.error.code);
    arranged.inScope?.(inside.body);

    if (arranged.outsider === 'none' || kind === 'anonymous') return;
    const before = await databaseDigest(backend);
    const outside = await backend.callRaw(fn, { ...arranged.input, action }, OUTSIDERS[kind]);
    // Whatever the outsider is told, a refusal leaves every row as it was.
    if (!outside.body.ok) expect((await databaseDigest(backend)).sha256).toBe(before.sha256);
    if (arranged.outsider === 'refused' || arranged.outsider === undefined) {
      expect(outside.body).toMatchObject({ ok: false });
      expect(REFUSED).toContain(outside.body.error.code);
    } else {
      arranged.outsider(outside.body);
    }
  });
});

/** A valid input per action, arranged once for a role the table allows (the refusals never use it up). */
const validInputs = new Map<string, Promise<Arranged>>();
const INSIDER_FIRST: UserRole[] = ['officer', 'admin', 'deputy', 'resident'];
function validInput(key: string, allow: readonly UserRole[]): Promise<Arranged> {
  if (!validInputs.has(key)) validInputs.set(key, SCOPE_ROWS[key](INSIDER_FIRST.find((role) => allow.includes(role))!, subjects));
  return validInputs.get(key)!;
}

// After the scope rows: the subjects arranged here would otherwise crowd the lists they check.
describe.each(gateRows)('%s as %s, with an input valid for an allowed role', (key, kind, code) => {
  it(`is still refused with ${code}, and writes nothing`, async () => {
    const [fn, action] = key.split('.');
    const valid = await validInput(key, TABLES[fn][action] as readonly UserRole[]);
    const before = await databaseDigest(backend);
    const { body } = await backend.callRaw(fn, { ...valid.input, action }, CALLERS[kind]);
    expect(body).toMatchObject({ ok: false, error: { code } });
    expect((await databaseDigest(backend)).sha256).toBe(before.sha256);
  });
});
