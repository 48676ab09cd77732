/**
 * The district office's handling units (承办单位, collection `units`) and their staff (`staff`
 * records of role 'unit'). A unit's name is unique in its district by index
 * (`district_name_unique`): a second unit of the same name fails to write, whoever checked first.
 */
import type { Staff, Unit } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import { getInTransaction, replaceInTransaction, type Transaction } from './transaction';

/** The district's units, by name. A district keeps a few dozen. */
export async function unitsOfDistrict(db: Database, district: string): Promise<Unit[]> {
  const { data } = await db.collection('units').where({ district }).orderBy('name', 'asc').orderBy('_id', 'asc').limit(MAX_PAGE).get();
  return data as Unit[];
}

export async function findUnit(db: Database, id: string): Promise<Unit | undefined> {
  const { data } = await db.collection('units').where({ _id: id }).limit(1).get();
  return data[0] as Unit | undefined;
}

/** The unit of this name in the district, if any (what the unique index would refuse). */
export async function unitNamed(db: Database, district: string, name: string): Promise<Unit | undefined> {
  const { data } = await db.collection('units').where({ district, name }).limit(1).get();
  return data[0] as Unit | undefined;
}

export async function unitInTransaction(tx: Transaction, id: string): Promise<Unit | undefined> {
  return getInTransaction<Unit>(tx, 'units', id);
}

/** Creates or renames a unit; fails with DATABASE_DUPLICATE_WRITE when the district has the name already. */
export async function replaceUnitInTransaction(tx: Transaction, unit: Unit): Promise<void> {
  await replaceInTransaction(tx, 'units', unit);
}

/** The staff of these units (index `unitId`), by name. */
export async function staffOfUnits(db: Database, unitIds: readonly string[]): Promise<Staff[]> {
  if (unitIds.length === 0) return [];
  const { data } = await db
    .collection('staff')
    .where({ role: 'unit', unitId: db.command.in([...unitIds]) })
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .limit(MAX_PAGE)
    .get();
  return data as Staff[];
}
