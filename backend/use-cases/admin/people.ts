/** The district office's people: its deputies, officers and admins; deputies and officers saved. */
import type { Deputy, Staff } from '../../../typings/models';
import type { DeputyInput, ListPeopleInput, ListPeopleOutput, OfficerInput, PersonView } from '../../../typings/workspace';
import { deputiesServing, districtStaff, insertDeputy, updateDeputyFieldsInTransaction } from '../../data/people';
import { findDeputy, findStaff, personInTransaction, replaceStaffInTransaction } from '../../data/people-by-id';
import { setStationOfficersInTransaction, stationInTransaction, stationNames } from '../../data/stations';
import { inTransaction } from '../../data/transaction';
import { fail, ok, type Result } from '../../domain/result';
import { fieldPath } from '../../domain/validation';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { keepAccountInStep } from '../identity/account-copy';
import { deputyInDistrict, firstOutside, loadDistrict, type District } from './district';
import { deputyView, staffView } from './person-view';
import type { AdminContext } from './save-station';

export const PEOPLE_PER_PAGE = 20;

export async function listPeople(db: Database, who: ResolvedActor, input: ListPeopleInput): Promise<Result<ListPeopleOutput>> {
  const district = await loadDistrict(db, who);
  if (!district.ok) return district;
  const { stations } = district.value;
  if (input.stationId !== undefined && !stations.has(input.stationId)) return fail('NOT_FOUND', '没有找到这个联络站，或不属于本行政区');
  const window = { skip: (input.page ?? 0) * PEOPLE_PER_PAGE, limit: PEOPLE_PER_PAGE + 1 };
  const name = input.query?.trim() || undefined;
  const found =
    input.kind === 'deputy'
      ? await deputiesServing(db, { stationIds: input.stationId ? [input.stationId] : [...stations.keys()], name, ...window })
      : await districtStaff(db, { district: district.value.name, role: input.kind, stationId: input.stationId, name, ...window });
  const shown = found.slice(0, PEOPLE_PER_PAGE);
  const names = await stationNames(
    db,
    shown.flatMap((p) => p.stationIds),
  );
  return ok({
    people: shown.map((p) => (input.kind === 'deputy' ? deputyView(p as Deputy, names) : staffView(p as Staff, names))),
    hasMore: found.length > PEOPLE_PER_PAGE,
  });
}

const personMissing = () => fail('NOT_FOUND', '没有找到这位人员，或不属于本行政区');

function stationsOutside(ids: readonly string[], district: District) {
  const outside = firstOutside(ids, district);
  return outside >= 0 ? fail('INVALID_INPUT', '只能选择本行政区的联络站', fieldPath('stationIds', outside)) : undefined;
}

/**
 * A deputy serves at least one of the district's stations. Stations of other districts the
 * deputy also serves are not this office's to drop, so they are kept.
 */
export async function saveDeputy(ctx: AdminContext, who: ResolvedActor, input: DeputyInput): Promise<Result<PersonView>> {
  const district = await loadDistrict(ctx.db, who);
  if (!district.ok) return district;
  // Another district's record is NOT_FOUND before any other check can say something about it.
  const current = input.id !== undefined ? await findDeputy(ctx.db, input.id) : undefined;
  if (input.id !== undefined && (!current || !deputyInDistrict(current, district.value))) return personMissing();
  const refused = stationsOutside(input.stationIds, district.value);
  if (refused) return refused;
  const fieldsOf = (record: Deputy | undefined) => {
    const elsewhere = (record?.stationIds ?? []).filter((id) => !district.value.stations.has(id));
    return { name: input.name, level: input.level, delegation: input.delegation, occupation: input.occupation, stationIds: [...input.stationIds, ...elsewhere] };
  };
  let deputy: Deputy;
  if (current) {
    // The record and its bound account's copy (name, stations) change together.
    const saved = await inTransaction(ctx.db, async (tx): Promise<Deputy | undefined> => {
      const fresh = (await personInTransaction(tx, 'deputy', current._id)) as Deputy | undefined;
      if (!fresh) return undefined;
      const fields = fieldsOf(fresh);
      await updateDeputyFieldsInTransaction(tx, fresh._id, fields);
      const next = { ...fresh, ...fields };
      await keepAccountInStep(tx, ctx.db, 'deputy', next);
      return next;
    });
    if (!saved) return personMissing();
    deputy = saved;
  } else {
    deputy = { _id: ctx.newId('dp'), ...fieldsOf(undefined), createdAt: ctx.now };
    await insertDeputy(ctx.db, deputy);
  }
  return ok(deputyView(deputy, await stationNames(ctx.db, deputy.stationIds)));
}

/**
 * An officer of the district. The officer's stations and those stations' officer lists are
 * written together, so neither side names the other alone.
 */
export async function saveOfficer(ctx: AdminContext, who: ResolvedActor, input: OfficerInput): Promise<Result<PersonView>> {
  const district = await loadDistrict(ctx.db, who);
  if (!district.ok) return district;
  if (input.id !== undefined) {
    const current = await findStaff(ctx.db, input.id);
    if (!current || current.role !== 'officer' || current.district !== district.value.name) return personMissing();
  }
  const refused = stationsOutside(input.stationIds, district.value);
  if (refused) return refused;
  const id = input.id ?? ctx.newId('sf');
  const outcome = await inTransaction(ctx.db, async (tx): Promise<Result<Staff>> => {
    const current = (await personInTransaction(tx, 'staff', id)) as Staff | undefined;
    if (input.id !== undefined && !current) return personMissing();
    const officer: Staff = {
      ...current,
      _id: id,
      name: input.name,
      role: 'officer',
      phone: input.phone,
      stationIds: input.stationIds,
      district: district.value.name,
      createdAt: current ? new Date(current.createdAt) : ctx.now,
    };
    const before = new Set(current?.stationIds ?? []);
    const after = new Set(officer.stationIds);
    for (const stationId of new Set([...before, ...after])) {
      if (before.has(stationId) === after.has(stationId)) continue;
      const station = await stationInTransaction(tx, stationId);
      if (!station) continue;
      const others = station.officerIds.filter((o) => o !== id);
      await setStationOfficersInTransaction(tx, stationId, after.has(stationId) ? [...others, id] : others);
    }
    await replaceStaffInTransaction(tx, officer);
    // The bound account's copy (name, stations) changes with the record.
    await keepAccountInStep(tx, ctx.db, 'staff', officer);
    return ok(officer);
  });
  if (!outcome.ok) return outcome;
  return ok(staffView(outcome.value, await stationNames(ctx.db, outcome.value.stationIds)));
}
