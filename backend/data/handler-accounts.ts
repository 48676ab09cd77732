/**
 * The WeChat accounts of a case's handlers, for their notices (handlerTask): the liaison
 * officers of a station and a deputy. Read-only. An officer counts only when the station
 * lists them AND their staff record gives them the station (what their powers come from), so
 * nobody is told of a task they could not act on; a person without a bound account gets nothing.
 */
import type { User } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

export interface HandlerAccount {
  openid: string;
  role: 'officer' | 'deputy';
  /** staff._id for officers, deputies._id for deputies: to leave out whoever acted. */
  personId: string;
}

/**
 * The station's officers and, when given, the deputy: each bound account once. ONE aggregate
 * on the station joins the officers' records and the accounts bound to them (and the deputy's),
 * so a notice's recipients cost one round trip.
 */
export async function handlerAccounts(db: Database, { stationId, deputyId }: { stationId: string; deputyId?: string }): Promise<HandlerAccount[]> {
  const $ = db.command.aggregate;
  const account = (u: string) => ({ openid: `$$${u}.openid`, role: `$$${u}.role`, staffId: `$$${u}.staffId`, deputyId: `$$${u}.deputyId` });
  const { data } = await db
    .collection('stations')
    .aggregate()
    .match({ _id: stationId })
    .limit(1)
    .lookup({ from: 'staff', localField: 'officerIds', foreignField: '_id', as: 'officerRecords' })
    .lookup({ from: 'users', localField: 'officerIds', foreignField: 'staffId', as: 'officerAccounts' })
    // The deputy's accounts joined by a constant: '' names no deputy, so none is found.
    .addFields({ deputyKey: $.literal(deputyId ?? '') })
    .lookup({ from: 'users', localField: 'deputyKey', foreignField: 'deputyId', as: 'deputyAccounts' })
    .project({
      _id: 0,
      officerIds: 1,
      officerRecords: $.map({ input: '$officerRecords', as: 's', in: { _id: '$$s._id', role: '$$s.role', stationIds: '$$s.stationIds' } }),
      officerAccounts: $.map({ input: '$officerAccounts', as: 'u', in: account('u') }),
      deputyAccounts: $.map({ input: '$deputyAccounts', as: 'u', in: account('u') }),
    })
    .end();
  const found = (data as Joined[])[0];
  const deputyAccounts = found ? (found.deputyAccounts ?? []) : deputyId ? await accountsOfDeputy(db, deputyId) : [];
  const listed = new Set((found?.officerIds ?? []).filter(Boolean));
  // An officer counts only when the station lists them AND their staff record gives them the station.
  const staffing = new Set(
    (found?.officerRecords ?? []).filter((s) => listed.has(s._id) && s.role === 'officer' && (s.stationIds ?? []).includes(stationId)).map((s) => s._id),
  );
  const accounts: HandlerAccount[] = [
    ...(found?.officerAccounts ?? [])
      .filter((u) => u.role === 'officer' && !!u.staffId && staffing.has(u.staffId))
      .map((u) => ({ openid: u.openid, role: 'officer' as const, personId: String(u.staffId) })),
    ...(deputyId
      ? deputyAccounts.filter((u) => u.role === 'deputy' && u.deputyId === deputyId).map((u) => ({ openid: u.openid, role: 'deputy' as const, personId: deputyId }))
      : []),
  ];
  return accounts.filter((one, index) => accounts.findIndex((other) => other.openid === one.openid) === index);
}

interface JoinedAccount {
  openid: string;
  role?: string;
  staffId?: string;
  deputyId?: string;
}

interface Joined {
  officerIds?: string[];
  officerRecords?: { _id: string; role?: string; stationIds?: string[] }[];
  officerAccounts?: JoinedAccount[];
  deputyAccounts?: JoinedAccount[];
}

/** The openids of the station's officers and (when given) the deputy, for handlerTask notices. */
export async function handlerOpenids(db: Database, scope: { stationId: string; deputyId?: string }): Promise<string[]> {
  return (await handlerAccounts(db, scope)).map((account) => account.openid);
}

/** Only when the station itself is gone: the deputy's accounts by their own query. */
async function accountsOfDeputy(db: Database, deputyId: string): Promise<JoinedAccount[]> {
  const { data } = await db.collection('users').where({ role: 'deputy', deputyId }).limit(MAX_PAGE).get();
  return (data as User[]).map((user) => ({ openid: user.openid, role: user.role, deputyId: user.deputyId }));
}
