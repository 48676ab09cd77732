/**
 * The handling units (承办单位, collection `units`, kept by the district office) a suggestion is
 * assigned to: read by id within the office's district, so another district's unit is as absent
 * as one that does not exist. Read-only.
 */
import type { Database } from '../platform/cloudbase';

export interface UnitName {
  readonly id: string;
  readonly name: string;
}

/** The units of `district` among these ids, by id. */
export async function districtUnits(db: Database, district: string, ids: readonly string[]): Promise<Map<string, UnitName>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection('units')
    .where({ _id: db.command.in(unique), district })
    .field({ _id: true, name: true })
    .limit(unique.length)
    .get();
  return new Map((data as { _id: string; name: string }[]).map((unit) => [String(unit._id), { id: String(unit._id), name: String(unit.name ?? '') }]));
}
