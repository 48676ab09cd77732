/**
 * The district office's handling units (承办单位): list them with their staff, create or rename
 * one, add or edit a staff member. A staff member gets the unit role by invite code
 * (admin.createInvite with role 'unit'), exactly as officers do, and acts for their unit only.
 */
import type { Staff, Unit } from '../../../typings/models';
import type { ListUnitsOutput, SaveUnitInput, UnitStaffInput, UnitView } from '../../../typings/unit';
import { findStaff, personInTransaction, replaceStaffInTransaction } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { findUnit, replaceUnitInTransaction, staffOfUnits, unitInTransaction, unitNamed, unitsOfDistrict } from '../../data/units';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { keepAccountInStep } from '../identity/account-copy';
import { districtOf } from './district';
import type { AdminContext } from './save-station';

export async function listUnits(db: Database, who: ResolvedActor): Promise<Result<ListUnitsOutput>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  const units = await unitsOfDistrict(db, district.value);
  const staff = await staffOfUnits(
    db,
    units.map((u) => u._id),
  );
  return ok({ units: units.map((unit) => unitView(unit, staff)) });
}

const unitMissing = (field?: string) => fail('NOT_FOUND', '没有找到这个承办单位，或不属于本行政区', field);
const nameTaken = (name: string) => fail('CONFLICT', `本区已有名为「${name}」的承办单位`, 'name');

/** A new unit, or a renamed one; the name is unique in the district (its staff's accounts name the unit by id, so nothing else changes). */
export async function saveUnit(ctx: AdminContext, who: ResolvedActor, input: SaveUnitInput): Promise<Result<UnitView>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  // Another district's unit is NOT_FOUND before the name can say anything about it.
  if (input.id !== undefined && (await findUnit(ctx.db, input.id))?.district !== district.value) return unitMissing();
  const holder = await unitNamed(ctx.db, district.value, input.name);
  if (holder && holder._id !== input.id) return nameTaken(input.name);

  const id = input.id ?? ctx.newId('unit');
  let saved: Unit;
  try {
    const outcome = await inTransaction(ctx.db, async (tx): Promise<Result<Unit>> => {
      const current = await unitInTransaction(tx, id);
      if (input.id !== undefined && current?.district !== district.value) return unitMissing();
      if (input.id === undefined && current) throw new Error(`new unit id ${id} is taken`);
      const unit: Unit = { _id: id, name: input.name, kind: input.kind, district: district.value, createdAt: current ? new Date(current.createdAt) : ctx.now };
      await replaceUnitInTransaction(tx, unit);
      return ok(unit);
    });
    if (!outcome.ok) return outcome;
    saved = outcome.value;
  } catch (error) {
    // Another admin took the name between our check and the write: the unique index said no.
    if ((error as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE') return nameTaken(input.name);
    throw error;
  }
  return ok(unitView(saved, await staffOfUnits(ctx.db, [saved._id])));
}

/**
 * A unit's staff member: a `staff` record of role 'unit' naming the unit. Moving them to
 * another unit of the district rewrites their bound account's copy in the same transaction,
 * so from their next call they act for the new unit only. Answers the unit they now belong to.
 */
export async function saveUnitStaff(ctx: AdminContext, who: ResolvedActor, input: UnitStaffInput): Promise<Result<UnitView>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  const unit = await findUnit(ctx.db, input.unitId);
  if (unit?.district !== district.value) return unitMissing('unitId');
  if (input.id !== undefined && !isUnitStaffOf(await findStaff(ctx.db, input.id), district.value)) return staffMissing();

  const id = input.id ?? ctx.newId('sf');
  const outcome = await inTransaction(ctx.db, async (tx): Promise<Result<Staff>> => {
    const current = (await personInTransaction(tx, 'staff', id)) as Staff | undefined;
    if (input.id !== undefined && !isUnitStaffOf(current, district.value)) return staffMissing();
    if (input.id === undefined && current) throw new Error(`new staff id ${id} is taken`);
    const staff: Staff = {
      // The binding (openid, userId) is the redeem's and stays as it is.
      ...current,
      _id: id,
      name: input.name,
      role: 'unit',
      phone: input.phone,
      stationIds: [],
      district: district.value,
      unitId: unit!._id,
      createdAt: current ? new Date(current.createdAt) : ctx.now,
    };
    await replaceStaffInTransaction(tx, staff);
    await keepAccountInStep(tx, ctx.db, 'staff', staff);
    return ok(staff);
  });
  if (!outcome.ok) return outcome;
  return ok(unitView(unit!, await staffOfUnits(ctx.db, [unit!._id])));
}

const staffMissing = () => fail('NOT_FOUND', '没有找到这位承办单位人员，或不属于本行政区', 'id');

function isUnitStaffOf(staff: Staff | undefined, district: string): boolean {
  return staff?.role === 'unit' && staff.district === district;
}

export function unitView(unit: Unit, staff: readonly Staff[]): UnitView {
  return {
    id: unit._id,
    name: unit.name,
    kind: unit.kind,
    district: unit.district,
    staff: staff.filter((s) => s.unitId === unit._id).map((s) => ({ id: s._id, name: s.name, phone: s.phone, bound: Boolean(s.openid) })),
  };
}
