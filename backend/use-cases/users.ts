import type { WhoAmIOutput } from '../../typings/api';
import { fail, ok, Result } from '../domain/result';
import { findUserByOpenid } from '../data/people';
import type { Database } from '../platform/cloudbase';

/** Everyone who opens the mini-program is a resident until an invite binds another role. */
export async function whoAmI(db: Database, openid: string): Promise<Result<WhoAmIOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const user = await findUserByOpenid(db, openid);
  return ok({ openid, role: user?.role ?? 'resident' });
}
