/**
 * The WeChat accounts the scheduler tells about 代表建议 (handlerTask): the bound staff of
 * handling units, the district office's admins, and deputies. Read-only. A staff member counts
 * only when their record gives them the unit (or district) AND their account acts in that role
 * for that record, so nobody is told of a task they could not act on; nobody bound, nobody told.
 */
import type { User } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

export interface StaffAudience {
  /** unitId → openids of its bound staff. */
  readonly units: ReadonlyMap<string, string[]>;
  /** district → openids of its bound admins. */
  readonly offices: ReadonlyMap<string, string[]>;
}

interface JoinedStaff {
  _id: string;
  role?: string;
  unitId?: string;
  district?: string;
  accounts?: { openid?: string; role?: string; staffId?: string }[];
}

/**
 * The bound staff of these units and the admins of these districts: ONE aggregate on `staff`
 * (indexes role_unit, role_district) joining the accounts bound to each record (users.staffId).
 */
export async function staffAudience(db: Database, { unitIds, districts }: { unitIds: readonly string[]; districts: readonly string[] }): Promise<StaffAudience> {
  const units = new Map<string, string[]>();
  const offices = new Map<string, string[]>();
  const _ = db.command;
  const branches = [
    ...(unitIds.length ? [{ role: 'unit', unitId: _.in([...new Set(unitIds)]) }] : []),
    ...(districts.length ? [{ role: 'admin', district: _.in([...new Set(districts)]) }] : []),
  ];
  if (branches.length === 0) return { units, offices };
  const $ = db.command.aggregate;
  const { data } = await db
    .collection('staff')
    .aggregate()
    .match(_.or(branches))
    .limit(MAX_PAGE)
    .lookup({ from: 'users', localField: '_id', foreignField: 'staffId', as: 'accounts' })
    .project({
      _id: 1,
      role: 1,
      unitId: 1,
      district: 1,
      accounts: $.map({ input: '$accounts', as: 'u', in: { openid: '$$u.openid', role: '$$u.role', staffId: '$$u.staffId' } }),
    })
    .end();
  for (const staff of data as JoinedStaff[]) {
    const openids = (staff.accounts ?? []).filter((u) => u.role === staff.role && u.staffId === staff._id && !!u.openid).map((u) => String(u.openid));
    const [map, key] = staff.role === 'unit' ? [units, staff.unitId] : [offices, staff.district];
    if (!key || openids.length === 0) continue;
    map.set(key, [...new Set([...(map.get(key) ?? []), ...openids])]);
  }
  return { units, offices };
}

/** deputyId → openids of the accounts acting as that deputy (index deputyId). */
export async function deputyAccounts(db: Database, deputyIds: readonly string[]): Promise<Map<string, string[]>> {
  const byDeputy = new Map<string, string[]>();
  if (deputyIds.length === 0) return byDeputy;
  const { data } = await db
    .collection('users')
    .where({ role: 'deputy', deputyId: db.command.in([...new Set(deputyIds)]) })
    .field({ openid: true, deputyId: true })
    .limit(MAX_PAGE)
    .get();
  for (const user of data as Pick<User, 'openid' | 'deputyId'>[]) {
    if (!user.deputyId || !user.openid) continue;
    byDeputy.set(user.deputyId, [...(byDeputy.get(user.deputyId) ?? []), user.openid]);
  }
  return byDeputy;
}
