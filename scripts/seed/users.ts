/** The demo users: one per demo account, linked to the deputy or staff record they act as. */
import type { User } from '../../typings/models';
import { DEMO_ACCOUNTS } from './demo-accounts';

export function buildUsers(createdAt: Date): User[] {
  return Object.values(DEMO_ACCOUNTS).map((account) => ({
    _id: account.userId,
    openid: account.openid,
    role: account.role,
    ...(account.deputyId ? { deputyId: account.deputyId } : {}),
    ...(account.staffId ? { staffId: account.staffId } : {}),
    createdAt,
  }));
}
