/**
 * The district office takes a role back: the account bound to the record becomes a resident
 * (its role, record and the record's copy gone) and the record's openid and account id are
 * cleared, in one transaction — the account's very next call is a resident's. Unbinding an
 * unbound record answers it as it is, so a retried tap is not an error.
 */
import type { PersonView } from '../../../typings/workspace';
import { findUserByOpenid, replaceUserInTransaction, userInTransaction } from '../../data/people';
import { findDeputy, findStaff, personInTransaction, setPersonBindingInTransaction } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { actsAs } from '../../domain/identity';
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
  if (openid === callerOpenid) return fail('CONFLICT', '不能解除自己账号的绑定，请由区人大常委会的其他同事操作');

  if (openid) {
    const kind = person.value.kind;
    // The record names its account; one bound before it did is found by the openid.
    const userId = person.value.record.userId ?? (await findUserByOpenid(db, openid))?._id;
    await inTransaction(db, async (tx) => {
      const current = await personInTransaction(tx, kind, personId);
      // Already unbound (or rebound) since we looked: nothing of ours to undo.
      if (current?.openid !== openid) return;
      const id = current.userId ?? userId;
      const account = id ? await userInTransaction(tx, id) : undefined;
      // Only the account acting as this very record goes back to resident.
      if (account && actsAs(account, kind, personId, openid)) {
        await replaceUserInTransaction(tx, { _id: account._id, openid, role: 'resident', createdAt: new Date(account.createdAt) });
      }
      await setPersonBindingInTransaction(tx, db, kind, personId, null);
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
