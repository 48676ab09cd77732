/**
 * Who is calling, for every function: the openid WeChat vouched for (never the request body)
 * → its `users` document, which carries the role, the record it acts as and that record's
 * copy (name, stations, district) — one read. The copy is rewritten in the same transaction
 * as every change of the record (redeem, unbind, admin.saveDeputy/saveOfficer/saveStation),
 * so nothing cached keeps a revoked or changed role alive. A document without the copy
 * (written before it existed, or by hand) reads the record as well. Deny by default: a role
 * whose record is missing acts on nothing; an unknown openid is a resident.
 */
import type { User } from '../../typings/models';
import { actingAsOf, identityOf, type Identity } from '../domain/identity';
import { fail, ok } from '../domain/result';
import type { Result } from '../domain/result';
import { findUserByOpenid } from '../data/people';
import { findDeputy, findStaff } from '../data/people-by-id';
import type { Database } from '../platform/cloudbase';

export { named } from '../domain/identity';

/** The caller as the functions' actions receive it. */
export type ResolvedActor = Identity;

export async function resolveActor(db: Database, openid: string): Promise<Result<ResolvedActor>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const user = await findUserByOpenid(db, openid);
  return ok(await identityFromAccount(db, openid, user));
}

/** The identity a users document gives (none: a resident), reading the record only for a document without its copy. */
async function identityFromAccount(db: Database, openid: string, user: User | undefined): Promise<Identity> {
  const role = user?.role;
  if (!user || role === undefined || role === 'resident') return identityOf(openid, 'resident', undefined, undefined);
  const personId = role === 'deputy' ? user.deputyId : user.staffId;
  if (user.actingAs) return identityOf(openid, role, personId, user.actingAs);
  // An older document: the record itself, as before the copy existed.
  const record = !personId ? undefined : role === 'deputy' ? await findDeputy(db, personId) : await findStaff(db, personId);
  return identityOf(openid, role, personId, record ? actingAsOf(role, record) : undefined);
}
