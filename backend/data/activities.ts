/**
 * The `activities` collection (履职登记): one document per recorded activity, its events inside
 * it. The only code that reads or writes it. Every change is conditional on the status and the
 * number of events it was read with, so of two racing changes one applies and the other finds
 * nothing to update. Indexes: deputy_status_date (a deputy's list, the duty record),
 * stations_date (multikey: an officer's stations' list, the station figures), districts_date
 * (the district office's list and figures).
 */
import type { ActivityStatus } from '../../typings/activity';
import type { ActivityEvent, ActivityRecord } from '../domain/activity';
import type { DutyOffline } from '../domain/duty';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

export const ACTIVITIES = 'activities';

const date = (value: unknown) => (value instanceof Date ? value : new Date(value as string));

export function activityFromDocument(doc: Record<string, unknown>): ActivityRecord {
  const events = ((doc.events as Record<string, unknown>[] | undefined) ?? []).map((e): ActivityEvent => ({
    seq: Number(e.seq),
    kind: e.kind as ActivityEvent['kind'],
    at: date(e.at),
    actorRole: e.actorRole === 'deputy' ? 'deputy' : 'officer',
    actorId: String(e.actorId ?? ''),
    ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
  }));
  return {
    _id: String(doc._id),
    deputyId: String(doc.deputyId ?? ''),
    deputyName: String(doc.deputyName ?? ''),
    stationIds: ((doc.stationIds as string[] | undefined) ?? []).map(String),
    districts: ((doc.districts as string[] | undefined) ?? []).map(String),
    kind: doc.kind as ActivityRecord['kind'],
    date: String(doc.date ?? ''),
    place: String(doc.place ?? ''),
    note: String(doc.note ?? ''),
    photoFileIds: ((doc.photoFileIds as string[] | undefined) ?? []).map(String),
    status: doc.status as ActivityStatus,
    resends: Number(doc.resends ?? 0),
    recordedBy: String(doc.recordedBy ?? ''),
    recordedAt: date(doc.recordedAt),
    updatedAt: date(doc.updatedAt),
    events,
    ...(doc.contentCheck === 'pending' ? { contentCheck: 'pending' as const } : {}),
  };
}

export async function findActivity(db: Database, id: string): Promise<ActivityRecord | undefined> {
  const { data } = await db.collection(ACTIVITIES).where({ _id: id }).limit(1).get();
  const doc = (data as Record<string, unknown>[])[0];
  return doc ? activityFromDocument(doc) : undefined;
}

/** A new activity under its own id: 'exists' when a retry or its twin wrote it already (one insert, one writer). */
export async function insertActivity(db: Database, activity: ActivityRecord): Promise<'inserted' | 'exists'> {
  try {
    await db
      .collection(ACTIVITIES)
      .add({ ...activity, stationIds: [...activity.stationIds], districts: [...activity.districts], photoFileIds: [...activity.photoFileIds], events: [...activity.events] });
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return 'exists';
  }
}

/**
 * The change `fields` and ONE appended event, only if the activity is still as it was read
 * (same status, same number of events): true when it applied.
 */
export async function changeActivity(
  db: Database,
  read: Pick<ActivityRecord, '_id' | 'status' | 'events'>,
  fields: Partial<Pick<ActivityRecord, 'status' | 'resends' | 'kind' | 'date' | 'place' | 'note' | 'photoFileIds' | 'updatedAt'>>,
  event: ActivityEvent,
): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(ACTIVITIES)
    .where({ _id: read._id, status: read.status, events: _.size(read.events.length) })
    .update({ ...fields, ...(fields.photoFileIds ? { photoFileIds: _.set(fields.photoFileIds) } : {}), events: _.push([event]) });
  return Number(updated ?? 0) === 1;
}

export type ActivityScope = { deputyId: string } | { stationIds: readonly string[]; deputyId?: string } | { district: string; deputyId?: string };

/** One page of activities in the scope, latest date first; one more than `limit` tells whether more follow. */
export async function activityPage(db: Database, scope: ActivityScope, status: ActivityStatus | undefined, skip: number, limit: number): Promise<ActivityRecord[]> {
  const _ = db.command;
  const where: Record<string, unknown> = {
    ...('stationIds' in scope ? { stationIds: _.in([...scope.stationIds]) } : {}),
    ...('district' in scope ? { districts: scope.district } : {}),
    ...(scope.deputyId ? { deputyId: scope.deputyId } : {}),
    ...(status ? { status } : {}),
  };
  const { data } = await db.collection(ACTIVITIES).where(where).orderBy('date', 'desc').orderBy('_id', 'desc').skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map(activityFromDocument);
}

/** The deputy's confirmed activities dated in the period, for the duty record. */
export async function confirmedActivities(db: Database, deputyId: string, period: { from: string; to: string }): Promise<DutyOffline[]> {
  const _ = db.command;
  const { data } = await db
    .collection(ACTIVITIES)
    .where({ deputyId, status: 'confirmed', date: _.gte(period.from).and(_.lte(period.to)) })
    .field({ _id: true, kind: true, date: true, place: true, updatedAt: true })
    .orderBy('date', 'desc')
    .limit(MAX_PAGE)
    .get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    id: String(doc._id),
    kind: doc.kind as DutyOffline['kind'],
    date: String(doc.date),
    place: String(doc.place ?? ''),
    confirmedAt: date(doc.updatedAt),
  }));
}

/** Confirmed activities per deputy dated in the period, within the scope (a station's deputies, or a district). */
export async function confirmedCountsByDeputy(
  db: Database,
  scope: { stationId: string } | { district: string },
  period: { from: string; to: string },
): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const { data } = await db
    .collection(ACTIVITIES)
    .aggregate()
    .match({
      ...('stationId' in scope ? { stationIds: scope.stationId } : { districts: scope.district }),
      status: 'confirmed',
      date: _.gte(period.from).and(_.lte(period.to)),
    })
    .group({ _id: '$deputyId', count: $.sum(1) })
    .limit(MAX_PAGE)
    .end();
  return new Map((data as { _id: string; count: number }[]).map((row) => [String(row._id), Number(row.count)]));
}
