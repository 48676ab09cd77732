/**
 * The district office takes a role back: the account bound to the record becomes a resident
 * and the record's openid is cleared, in one transaction. Unbinding an unbound record answers
 * it as it is, so a retried tap is not an error.
 */
import type { PersonView } from '../../../typings/workspace';
import { findUserByOpenid, replaceUserInTransaction, userInTransaction } from '../../data/people';
import { findDeputy, findStaff, personInTransaction, setPersonOpenidInTransaction } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { findDistrictPerson, loadDistrict } from '../admin/district';
import { deputyView, staffView } from '../admin/person-view';
import { stationNames } from '../../data/stations';

export async function unbindPerson(db: Database, who: ResolvedActor, callerOpenid: string, personId: string): Promise<Result<PersonView>> {
  const district = await loadDistrict(db, who);
  if (!district.ok) return district;
  const person = await findDistrictPerson(db, district.value, personId);
  if (!person.ok) return person;
  const openid = person.value.record.openid;
  if (openid === callerOpenid) return fail('CONFLICT', '不能解除自己账号的绑定，请由其他工作人员操作');

  if (openid) {
    const kind = person.value.kind;
    const user = await findUserByOpenid(db, openid);
    await inTransaction(db, async (tx) => {
      const current = await personInTransaction(tx, kind, personId);
      // Already unbound (or rebound) since we looked: nothing of ours to undo.
      if (current?.openid !== openid) return;
      const account = user ? await userInTransaction(tx, user._id) : undefined;
      // Only the account acting as this very record goes back to resident.
      if (account && account.openid === openid && (account.deputyId === personId || account.staffId === personId)) {
        await replaceUserInTransaction(tx, { _id: account._id, openid, role: 'resident', createdAt: new Date(account.createdAt) });
      }
      await setPersonOpenidInTransaction(tx, db, kind, personId, null);
    });
  }

  const names = await stationNames(db, person.value.record.stationIds);
  if (person.value.kind === 'deputy') {
    const deputy = await findDeputy(db, personId);
    return ok(deputyView(deputy!, names));
  }
  const staff = await findStaff(db, personId);
  return ok(staffView(staff!, names));
}
