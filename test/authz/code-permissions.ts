/**
 * What the code says: every API function's `main.permissions` (the `allow` of each action,
 * built by backend/platform/define-function.ts). The thing under test, compared with
 * docs/permissions.md — never the expectation. The scheduler takes timer events only and has none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PermissionTable } from '../../backend/platform/define-function';

const functionsRoot = path.resolve(__dirname, '../../backend/functions');

export function codePermissionTables(): Record<string, PermissionTable> {
  const names = fs
    .readdirSync(functionsRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const tables: Record<string, PermissionTable> = {};
  for (const name of names) {
    const entry = require(path.join(functionsRoot, name, 'index.ts')) as { main: { permissions?: PermissionTable } };
    if (entry.main.permissions) tables[name] = entry.main.permissions;
  }
  return tables;
}
