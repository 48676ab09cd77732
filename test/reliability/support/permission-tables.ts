/**
 * Who may call what, for the reliability suites: the documented table (docs/permissions.md,
 * the product's rule) is their expectation — which roles a valid input is arranged for —
 * and the code's own tables say which actions exist, so none goes unexercised.
 */
import type { PermissionTable } from '../../../backend/platform/define-function';
import { asPermissionTables, documentedTable } from '../../authz/documented-table';

export { codePermissionTables } from '../../authz/code-permissions';

/** docs/permissions.md in the shape of `main.permissions` ('anyone' for a row open to every caller). */
export function permissionTables(): Record<string, PermissionTable> {
  return asPermissionTables(documentedTable());
}
