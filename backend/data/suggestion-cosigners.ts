/** The deputies an author asks to co-sign: their names and stations (whose district they serve), by id. Read-only. */
import type { Deputy } from '../../typings/models';
import type { Database } from '../platform/cloudbase';

export async function cosignerRecords(db: Database, ids: readonly string[]): Promise<Map<string, Pick<Deputy, '_id' | 'name' | 'stationIds'>>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection('deputies')
    .where({ _id: db.command.in(unique) })
    .field({ _id: true, name: true, stationIds: true })
    .limit(unique.length)
    .get();
  return new Map((data as Deputy[]).map((d) => [String(d._id), { _id: String(d._id), name: String(d.name ?? ''), stationIds: (d.stationIds ?? []).map(String) }]));
}
