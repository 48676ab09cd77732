/**
 * The authorisation matrix: every action × every kind of caller, through the function host
 * (real bundles, real SDK, the emulator). The expectation is the documented table,
 * docs/permissions.md, written by hand from the product's rules — never the code's own `allow`
 * lists, which are what is under test: the first test compares the two, cell by cell.
 *
 * - A kind the table marks ✗ is refused before its input is read: FORBIDDEN, or
 *   UNAUTHENTICATED for a caller WeChat did not name.
 * - A kind the table marks ✓ gets past the permission check: its input is read (a broken input
 *   answers INVALID_INPUT), and on a subject in its scope it gets past authorisation, while an
 *   outsider of the same role (another resident, another station's officer, another deputy,
 *   another district's admin, another handling unit's staff) is refused the same subject, or
 *   does not see it in a list.
 *
 * - A refused call changes nothing: every gate refusal and every outsider refusal leaves the
 *   database digest (every row of every collection, hashed by the emulator) as it was — a
 *   gate refusal tried with a valid input too, so it is the role check that stops the write.
 *
 * The scope rows come from SCOPE_ROWS (scope-rows.ts), one per action: a documented action
 * without a row fails the "every action has a scope row" test, so nothing ships without its rows.
 */
import type { UserRole } from '../../typings/models';
import { startBackend, type Backend } from '../backend/harness';
import { databaseDigest } from '../reliability/support/watch';
import { CALLERS, OUTSIDERS, arrangeOutsiders, type CallerKind } from './callers';
import { codePermissionTables } from './code-permissions';
import { allowedKinds, allowedRoles, differences, documentedTable, isPublic, KINDS } from './documented-table';
import { SCOPE_ROWS, type Arranged, type ScopeRow } from './scope-rows';
import { Subjects } from './subjects';

const DOCUMENTED = documentedTable();
const ROWS = new Map(DOCUMENTED.map((row) => [row.key, row]));

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

it("the code's permission tables (main.permissions) say what docs/permissions.md says, cell by cell", () => {
  // Each line names one differing cell: fix the code, or change the documented rule on purpose.
  expect(differences(codePermissionTables(), DOCUMENTED)).toEqual([]);
});

it('reads the documented table of every API function', () => {
  expect([...new Set(DOCUMENTED.map((row) => row.fn))].sort()).toEqual(expect.arrayContaining(['admin', 'case', 'reception', 'station', 'subscription', 'user']));
  expect(DOCUMENTED.length).toBeGreaterThan(40);
});

it('every documented action has a scope row, and every scope row a documented action', () => {
  expect(Object.keys(SCOPE_ROWS).sort()).toEqual(DOCUMENTED.map((row) => row.key).sort());
});

const gateRows = DOCUMENTED.flatMap((row) =>
  KINDS.filter((kind) => !row.allowed[kind]).map((kind) => [row.key, kind, kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'] as const),
);

/** A deliberately invalid input: the role check comes first, so the caller learns nothing of the rules. */
const BROKEN_INPUT = { caseId: 42, stationId: null };

describe.each(gateRows)('%s as %s', (key, kind, code) => {
  it(`is refused with ${code}, whatever the input, and changes nothing`, async () => {
    const [fn, action] = key.split('.');
    const before = await databaseDigest(backend);
    const { body } = await backend.callRaw(fn, { action, ...BROKEN_INPUT }, CALLERS[kind]);
    expect(body).toMatchObject({ ok: false, error: { code } });
    expect((await databaseDigest(backend)).sha256).toBe(before.sha256);
  });
});

const passRows = DOCUMENTED.flatMap((row) => allowedKinds(row).map((kind) => [row.key, kind] as const));

describe.each(passRows)('%s as %s', (key, kind) => {
  it('gets past the permission check: a broken input answers INVALID_INPUT, and changes nothing', async () => {
    const [fn, action] = key.split('.');
    const before = await databaseDigest(backend);
    const { body } = await backend.callRaw(fn, { action, ...BROKEN_INPUT }, CALLERS[kind]);
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await databaseDigest(backend)).sha256).toBe(before.sha256);
  });
});

// Public rows: anonymous and a resident stand for everyone (nothing in the answer depends on who asks).
const scopeRows = DOCUMENTED.flatMap((row) => (isPublic(row) ? (['anonymous', 'resident'] as CallerKind[]) : allowedRoles(row)).map((kind) => [row.key, kind] as const));

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

/** A valid input per action, arranged once for a role the documented table allows (the refusals never use it up). */
const validInputs = new Map<string, Promise<Arranged>>();
const INSIDER_FIRST: UserRole[] = ['officer', 'admin', 'deputy', 'resident', 'unit'];
function validInput(key: string, allow: readonly UserRole[]): Promise<Arranged> {
  if (!validInputs.has(key))
    validInputs.set(
      key,
      SCOPE_ROWS[key](
        INSIDER_FIRST.find((role) => allow.includes(role))!,
        subjects,
      ),
    );
  return validInputs.get(key)!;
}

// After the scope rows: the subjects arranged here would otherwise crowd the lists they check.
describe.each(gateRows)('%s as %s, with an input valid for an allowed role', (key, kind, code) => {
  it(`is still refused with ${code}, and writes nothing`, async () => {
    const [fn, action] = key.split('.');
    const valid = await validInput(key, allowedRoles(ROWS.get(key)!));
    const before = await databaseDigest(backend);
    const { body } = await backend.callRaw(fn, { ...valid.input, action }, CALLERS[kind]);
    expect(body).toMatchObject({ ok: false, error: { code } });
    expect((await databaseDigest(backend)).sha256).toBe(before.sha256);
  });
});
