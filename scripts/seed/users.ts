/**
 * The demo users: one per demo account, linked to the deputy or staff record they act as and
 * carrying that record's copy, as a redeemed invite leaves them (backend/domain/identity).
 */
import type { Deputy, Staff, User } from '../../typings/models';
import { actingAsOf } from '../../backend/domain/identity';
import { DEMO_ACCOUNTS } from './demo-accounts';

export function buildUsers(createdAt: Date, people: { deputies: readonly Deputy[]; staff: readonly Staff[] }): User[] {
  return Object.values(DEMO_ACCOUNTS).map((account) => {
    const record = account.deputyId ? people.deputies.find((d) => d._id === account.deputyId) : people.staff.find((s) => s._id === account.staffId);
    if ((account.deputyId || account.staffId) && !record) throw new Error(`demo account ${account.openid}: its record is missing`);
    const actingAs = record && account.role !== 'resident' ? actingAsOf(account.role, record) : undefined;
    return {
      _id: account.userId,
      openid: account.openid,
      role: account.role,
      ...(account.deputyId ? { deputyId: account.deputyId } : {}),
      ...(account.staffId ? { staffId: account.staffId } : {}),
      ...(actingAs ? { actingAs } : {}),
      createdAt,
    };
  });
}
