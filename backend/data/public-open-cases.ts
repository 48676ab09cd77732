/**
 * The open public cases of a station, as 我也遇到 reads them: accepted, still being handled,
 * allowed by their residents, not the caller's own — newest first, a bounded number, and
 * only the fields a look-alike line needs. Content, contact, the owner's openid and the
 * address never leave this module (the location's point is kept for the distance alone).
 * Index: station_status_submitted (stationId, status, submittedAt).
 */
import type { CaseStatus } from '../domain/case';
import { JOINABLE_STATUSES } from '../domain/join';
import type { LatLng } from '../domain/reception/geo';
import type { Database } from '../platform/cloudbase';
import { toGeoPoint } from './documents';

const CASES = 'cases';

export interface PublicOpenCase {
  id: string;
  title: string;
  category: string;
  status: CaseStatus;
  joinCount: number;
  submittedAt: Date;
  point?: LatLng;
}

export async function publicOpenCasesOf(db: Database, stationId: string, notOwnedBy: string, limit: number): Promise<PublicOpenCase[]> {
  const _ = db.command;
  const { data } = await db
    .collection(CASES)
    .where({
      stationId,
      status: _.in([...JOINABLE_STATUSES]),
      publicConsent: true,
      anonymous: false,
      acceptedAt: _.exists(true),
      ownerOpenid: _.neq(notOwnedBy),
    })
    .orderBy('submittedAt', 'desc')
    .field({ _id: true, title: true, category: true, status: true, joinCount: true, submittedAt: true, location: true })
    .limit(limit)
    .get();
  return (data as Record<string, unknown>[]).map(toRow);
}

function toRow(doc: Record<string, unknown>): PublicOpenCase {
  const location = doc.location as { point?: unknown } | undefined;
  const point = location?.point ? toGeoPoint(location.point) : undefined;
  return {
    id: String(doc._id),
    title: String(doc.title ?? ''),
    category: String(doc.category ?? ''),
    status: doc.status as CaseStatus,
    joinCount: Math.max(0, Number(doc.joinCount ?? 0) || 0),
    submittedAt: doc.submittedAt instanceof Date ? doc.submittedAt : new Date(doc.submittedAt as string),
    ...(point ? { point: { longitude: point.coordinates[0], latitude: point.coordinates[1] } } : {}),
  };
}

/** What joining checks of a case: whether it is public and open, and whether the caller owns it (the owner never leaves here). */
export interface JoinTarget {
  id: string;
  stationId: string;
  status: CaseStatus;
  acceptedAt?: Date;
  publicConsent: boolean;
  anonymous: boolean;
  joinCount: number;
  ownedByCaller: boolean;
}

export async function joinTargetOf(db: Database, caseId: string, callerOpenid: string): Promise<JoinTarget | undefined> {
  const { data } = await db
    .collection(CASES)
    .where({ _id: caseId })
    .field({ _id: true, stationId: true, status: true, acceptedAt: true, publicConsent: true, anonymous: true, joinCount: true, ownerOpenid: true })
    .limit(1)
    .get();
  const doc = data[0] as Record<string, unknown> | undefined;
  if (!doc) return undefined;
  return {
    id: String(doc._id),
    stationId: String(doc.stationId),
    status: doc.status as CaseStatus,
    ...(doc.acceptedAt ? { acceptedAt: new Date(doc.acceptedAt as Date) } : {}),
    publicConsent: doc.publicConsent === true,
    anonymous: doc.anonymous !== false,
    joinCount: Math.max(0, Number(doc.joinCount ?? 0) || 0),
    ownedByCaller: !!callerOpenid && doc.ownerOpenid === callerOpenid,
  };
}
