/**
 * The WeChat accounts of a case's handlers, for their notices (handlerTask): the liaison
 * officers of a station and a deputy. Read-only. An officer counts only when the station
 * lists them AND their staff record gives them the station (what their powers come from), so
 * nobody is told of a task they could not act on; a person without a bound account gets nothing.
 */
import type { Staff, User } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

export interface HandlerAccount {
  openid: string;
  role: 'officer' | 'deputy';
  /** staff._id for officers, deputies._id for deputies: to leave out whoever acted. */
  personId: string;
}

/** The station's officers and, when given, the deputy: each bound account once. */
export async function handlerAccounts(db: Database, { stationId, deputyId }: { stationId: string; deputyId?: string }): Promise<HandlerAccount[]> {
  const _ = db.command;
  const officerIds = await stationOfficerIds(db, stationId);
  const wanted = [
    ...(officerIds.length ? [{ role: 'officer', staffId: _.in(officerIds) }] : []),
    ...(deputyId ? [{ role: 'deputy', deputyId }] : []),
  ];
  if (wanted.length === 0) return [];
  const { data } = await db.collection('users').where(_.or(wanted)).limit(MAX_PAGE).get();
  const accounts = (data as User[]).map((user) => ({
    openid: user.openid,
    role: user.role as HandlerAccount['role'],
    personId: String(user.role === 'deputy' ? user.deputyId : user.staffId),
  }));
  return accounts.filter((account, index) => accounts.findIndex((other) => other.openid === account.openid) === index);
}

/** The openids of the station's officers and (when given) the deputy, for handlerTask notices. */
export async function handlerOpenids(db: Database, scope: { stationId: string; deputyId?: string }): Promise<string[]> {
  return (await handlerAccounts(db, scope)).map((account) => account.openid);
}

async function stationOfficerIds(db: Database, stationId: string): Promise<string[]> {
  const { data: stations } = await db.collection('stations').where({ _id: stationId }).field({ officerIds: true }).limit(1).get();
  const listed = ((stations[0] as { officerIds?: string[] } | undefined)?.officerIds ?? []).filter(Boolean);
  if (listed.length === 0) return [];
  const { data } = await db
    .collection('staff')
    .where({ _id: db.command.in(listed), role: 'officer', stationIds: stationId })
    .field({ _id: true })
    .limit(MAX_PAGE)
    .get();
  return (data as Pick<Staff, '_id'>[]).map((staff) => staff._id);
}
