/**
 * Creates or edits a station of the admin's district. A station's officers and each officer's
 * stations name each other (the seed keeps them equal), so the station and every officer it
 * gains or drops are written in one transaction.
 */
import type { Station } from '../../../typings/models';
import type { AdminStation } from '../../../typings/workspace';
import { staffByIds } from '../../data/people';
import { personInTransaction, setStaffStationsInTransaction } from '../../data/people-by-id';
import { findStation, replaceStationInTransaction, stationInTransaction } from '../../data/stations';
import { inTransaction } from '../../data/transaction';
import type { CheckedStationInput } from '../../domain/admin';
import { fail, ok, type Result } from '../../domain/result';
import { fieldPath } from '../../domain/validation';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { keepAccountInStep } from '../identity/account-copy';
import { districtOf } from './district';
import { adminStations } from './stations';

export interface AdminContext {
  db: Database;
  now: Date;
  /** A new record id with this prefix ('st', 'dp', 'sf'). */
  newId: (prefix: string) => string;
}

const notFound = () => fail('NOT_FOUND', '没有找到这个联络站，或不属于本行政区');

export async function saveStation(ctx: AdminContext, who: ResolvedActor, input: CheckedStationInput): Promise<Result<AdminStation>> {
  const { db } = ctx;
  const district = districtOf(who);
  if (!district.ok) return district;
  // Another district's station is NOT_FOUND before any other check can say something about it.
  if (input.id !== undefined) {
    const existing = await findStation(db, { id: input.id });
    if (existing?.district !== district.value) return notFound();
  }
  const holder = await findStation(db, { code: input.code });
  if (holder && holder._id !== input.id) return codeTaken(input.code, holder.name);
  const officers = await staffByIds(db, input.officerIds);
  const valid = new Set(officers.filter((o) => o.role === 'officer' && o.district === district.value).map((o) => o._id));
  const invalid = input.officerIds.findIndex((id) => !valid.has(id));
  if (invalid >= 0) return fail('INVALID_INPUT', '只能选择本行政区的联络员', fieldPath('officerIds', invalid));

  const id = input.id ?? ctx.newId('st');
  let saved: Station;
  try {
    const outcome = await inTransaction(db, async (tx): Promise<Result<Station>> => {
      const current = await stationInTransaction(tx, id);
      if (input.id !== undefined && current?.district !== district.value) return notFound();
      if (input.id === undefined && current) throw new Error(`new station id ${id} is taken`);
      const station = stationDocument(id, district.value, input, current ? new Date(current.createdAt) : ctx.now);
      const before = new Set(current?.officerIds ?? []);
      const after = new Set(station.officerIds);
      for (const officerId of new Set([...before, ...after])) {
        if (before.has(officerId) === after.has(officerId)) continue;
        const officer = await personInTransaction(tx, 'staff', officerId);
        if (!officer) continue; // a dropped officer whose record is gone: nothing to keep in step
        const others = officer.stationIds.filter((s) => s !== id);
        const stationIds = after.has(officerId) ? [...others, id] : others;
        await setStaffStationsInTransaction(tx, officerId, stationIds);
        // The officer's account acts on its new stations from its very next call.
        await keepAccountInStep(tx, db, 'staff', { ...officer, stationIds });
      }
      await replaceStationInTransaction(tx, db, station);
      return ok(station);
    });
    if (!outcome.ok) return outcome;
    saved = outcome.value;
  } catch (error) {
    // Another admin took the code between our check and the write: the unique index said no.
    if ((error as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE') return codeTaken(input.code);
    throw error;
  }
  return ok((await adminStations(db, [saved]))[0]);
}

function codeTaken(code: string, holderName?: string) {
  return fail('CONFLICT', holderName ? `联络站代码 ${code} 已被「${holderName}」使用` : `联络站代码 ${code} 已被使用`, 'code');
}

/** Only fields with a value: CloudBase stores no `undefined`, and an edit drops a cleared one. */
function stationDocument(id: string, district: string, input: CheckedStationInput, createdAt: Date): Station {
  return {
    _id: id,
    code: input.code,
    name: input.name,
    kind: input.kind,
    ...(input.sector ? { sector: input.sector } : {}),
    district,
    street: input.street,
    ...(input.community ? { community: input.community } : {}),
    address: input.address,
    location: { type: 'Point', coordinates: [input.longitude, input.latitude] },
    phone: input.phone,
    hours: input.hours,
    officerIds: input.officerIds,
    rules: input.rules,
    createdAt,
  };
}
