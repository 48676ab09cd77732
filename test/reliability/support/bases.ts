/**
 * A valid input per action, and the caller it is valid for, arranged through the API from the
 * permission matrix's scope rows (test/authz/scope-rows.ts): the fuzzer breaks inputs that
 * would otherwise pass, so its mutations reach the checks behind the first field.
 */
import type { PermissionTable } from '../../../backend/platform/define-function';
import type { UserRole } from '../../../typings/models';
import type { Backend } from '../../backend/harness';
import { CALLERS, type CallerKind } from '../../authz/callers';
import { SCOPE_ROWS } from '../../authz/scope-rows';
import { Subjects } from '../../authz/subjects';

export interface ActionUnderTest {
  fn: string;
  action: string;
  allow: 'anyone' | readonly UserRole[];
  /** A valid input, and who it is valid for. */
  base: Record<string, unknown>;
  insider: string | undefined;
}

/** The insider's role: the workspace roles first, whose demo accounts reach the demo subjects. */
const PREFERRED: UserRole[] = ['officer', 'admin', 'deputy', 'resident', 'unit'];

export async function arrangeBases(backend: Backend, tables: Record<string, PermissionTable>): Promise<ActionUnderTest[]> {
  const subjects = new Subjects(backend);
  const out: ActionUnderTest[] = [];
  for (const [fn, table] of Object.entries(tables)) {
    for (const [action, allow] of Object.entries(table)) {
      const row = SCOPE_ROWS[`${fn}.${action}`];
      if (!row) throw new Error(`no scope row (valid input) for ${fn}.${action}`);
      const kind: CallerKind = allow === 'anyone' ? 'resident' : PREFERRED.find((role) => allow.includes(role))!;
      const arranged = await row(kind, subjects);
      out.push({ fn, action, allow, base: arranged.input, insider: arranged.caller ?? CALLERS[kind] });
    }
  }
  return out;
}
