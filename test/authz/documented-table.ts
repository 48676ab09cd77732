/**
 * The documented permission table (docs/permissions.md): who may call each action, written by
 * hand from the product's rules. It is the authorisation matrix's expectation; the code's
 * `main.permissions` is what the matrix tests, never where it takes its answers from.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PermissionTable } from '../../backend/platform/define-function';
import type { UserRole } from '../../typings/models';
import type { CallerKind } from './callers';

export const DOCUMENTED_TABLE = path.resolve(__dirname, '../../docs/permissions.md');

export const KINDS: readonly CallerKind[] = ['anonymous', 'resident', 'deputy', 'officer', 'admin', 'unit'];
const ROLES: readonly UserRole[] = ['resident', 'deputy', 'officer', 'admin', 'unit'];

export interface DocumentedRow {
  fn: string;
  action: string;
  /** `fn.action` */
  key: string;
  allowed: Record<CallerKind, boolean>;
  scope: string;
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());

/** Parses the one table whose header names the action, the six kinds of caller and the scope. */
export function parseDocumentedTable(markdown: string): DocumentedRow[] {
  const lines = markdown.split('\n');
  const headers = lines.flatMap((line, index) => {
    const cells = cellsOf(line);
    return line.trim().startsWith('|') && cells[0] === 'action' && KINDS.every((kind) => cells.includes(kind)) ? [index] : [];
  });
  if (headers.length !== 1) throw new Error(`expected one permission table (header "| action | anonymous | … | scope |"), found ${headers.length}`);
  const header = cellsOf(lines[headers[0]]);
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at === -1) throw new Error(`the permission table has no "${name}" column`);
    return at;
  };
  const columns = { kinds: KINDS.map((kind) => [kind, column(kind)] as const), scope: column('scope') };

  const rows: DocumentedRow[] = [];
  for (let index = headers[0] + 2; index < lines.length && lines[index].trim().startsWith('|'); index += 1) {
    const where = `docs/permissions.md line ${index + 1}`;
    const cells = cellsOf(lines[index]);
    const key = /^`([A-Za-z]+)\.([A-Za-z]+)`$/.exec(cells[0]);
    if (!key) throw new Error(`${where}: the action must be written \`function.action\`, not ${JSON.stringify(cells[0])}`);
    if (cells.length !== header.length) throw new Error(`${where}: ${cells.length} cells for ${header.length} columns`);
    const allowed = {} as Record<CallerKind, boolean>;
    for (const [kind, at] of columns.kinds) {
      if (cells[at] !== '✓' && cells[at] !== '✗') throw new Error(`${where}: the ${kind} cell of ${cells[0]} is ${JSON.stringify(cells[at])}, not ✓ or ✗`);
      allowed[kind] = cells[at] === '✓';
    }
    const [, fn, action] = key;
    if (rows.some((row) => row.key === `${fn}.${action}`)) throw new Error(`${where}: ${fn}.${action} is listed twice`);
    rows.push({ fn, action, key: `${fn}.${action}`, allowed, scope: cells[columns.scope] });
  }
  if (rows.length === 0) throw new Error('the permission table has no rows');
  return rows;
}

export function documentedTable(file = DOCUMENTED_TABLE): DocumentedRow[] {
  return parseDocumentedTable(fs.readFileSync(file, 'utf8'));
}

/** Whether anyone at all may call it, signed in or not (public information). */
export const isPublic = (row: DocumentedRow): boolean => KINDS.every((kind) => row.allowed[kind]);

/** The kinds of caller the row lets past the permission check. */
export const allowedKinds = (row: DocumentedRow): CallerKind[] => KINDS.filter((kind) => row.allowed[kind]);

/** The roles the row lets past the permission check (anonymous is no role). */
export const allowedRoles = (row: DocumentedRow): UserRole[] => ROLES.filter((role) => row.allowed[role]);

/**
 * The table in the shape of the code's `main.permissions`, for suites that take it as their
 * expectation: a row open to every kind of caller is `'anyone'`. A row open to anonymous
 * callers but not to every role cannot be written in code, and is refused here too.
 */
export function asPermissionTables(rows: readonly DocumentedRow[]): Record<string, PermissionTable> {
  const tables: Record<string, PermissionTable> = {};
  for (const row of rows) {
    if (row.allowed.anonymous && !isPublic(row)) throw new Error(`${row.key}: open to anonymous callers but not to every role`);
    (tables[row.fn] ??= {})[row.action] = isPublic(row) ? 'anyone' : allowedRoles(row);
  }
  return tables;
}

/**
 * Every cell where the code's permission tables and the documented rows differ, one line
 * each: an action the code has and the table lacks, a row with no action behind it, a kind
 * the code lets through that the table refuses, and the reverse.
 */
export function differences(code: Record<string, PermissionTable>, rows: readonly DocumentedRow[]): string[] {
  const out: string[] = [];
  const documented = new Map(rows.map((row) => [row.key, row]));
  const inCode = new Set<string>();
  for (const [fn, table] of Object.entries(code)) {
    for (const [action, allow] of Object.entries(table)) {
      const key = `${fn}.${action}`;
      inCode.add(key);
      const row = documented.get(key);
      if (!row) {
        out.push(`${key}: in the code, not in docs/permissions.md`);
        continue;
      }
      for (const kind of KINDS) {
        const codeAllows = allow === 'anyone' || (kind !== 'anonymous' && (allow as readonly string[]).includes(kind));
        if (codeAllows && !row.allowed[kind]) out.push(`${key} × ${kind}: the code lets it through, docs/permissions.md says ✗`);
        if (!codeAllows && row.allowed[kind]) out.push(`${key} × ${kind}: docs/permissions.md says ✓, the code refuses it`);
      }
    }
  }
  for (const row of rows) if (!inCode.has(row.key)) out.push(`${row.key}: in docs/permissions.md, no such action in the code`);
  return out;
}
