/**
 * seedDatabase through the real @cloudbase/node-sdk, with the SDK's transport swapped for an
 * in-memory stand-in that speaks the same wire format (EJSON documents, `_id: {$in}` queries,
 * projections). It checks how we use the SDK; the emulator suite checks the real thing.
 */
import tcb from '@cloudbase/node-sdk';
import { Db } from '@cloudbase/database';
import { EJSON } from 'bson';
import collectionsConfig from '../../database/collections.json';
import { addDays } from './calendar';
import { generateDemoDistrict } from './demo-district';
import { SEED_BATCH_SIZE, seedDatabase, type CloudBaseDatabase } from './seed-database';

type Doc = Record<string, unknown> & { _id: string };

/** What a CloudBase environment holds, plus knobs for the failures we want to provoke. */
class FakeBackend {
  collections = new Map<string, Map<string, Doc>>();
  addSizes: number[] = [];
  inSizes: number[] = [];
  /** How "already exists" comes back: a returned code (throwOnCode off) or a thrown error. */
  alreadyExists: 'returned' | 'thrown' = 'returned';
  /** Fail every insert after this many have succeeded, as if the process died. */
  insertsBeforeCrash = Infinity;
  /** Refuse to create collections at all (a permissions problem, say). */
  refuseCreate = false;

  send(api: string, params: Record<string, unknown>): unknown {
    const name = params.collectionName as string;
    const coll = this.collections.get(name);
    switch (api) {
      case 'database.addCollection':
        if (this.refuseCreate) return { code: 'PERMISSION_DENIED', message: 'no' };
        if (coll) {
          const failure = { code: 'DATABASE_COLLECTION_ALREADY_EXIST', message: `${name} exists` };
          if (this.alreadyExists === 'thrown') throw Object.assign(new Error(failure.message), failure);
          return failure;
        }
        this.collections.set(name, new Map());
        return { requestId: 'r' };
      case 'database.getDocument': {
        if (!coll) return { code: 'DATABASE_COLLECTION_NOT_EXIST', message: `${name} does not exist` };
        const query = params.query ? (EJSON.parse(params.query as string) as Record<string, unknown>) : {};
        let docs = [...coll.values()];
        if (Object.keys(query).length > 0) {
          const ids = (query._id as { $in?: string[] } | undefined)?.$in;
          if (!ids || Object.keys(query).length !== 1) throw new Error(`fake: unexpected query ${params.query}`);
          this.inSizes.push(ids.length);
          docs = docs.filter((d) => ids.includes(d._id));
        }
        const projection = params.projection ? (EJSON.parse(params.projection as string) as Record<string, number>) : undefined;
        const shown = docs.slice(0, params.limit as number).map((d) => (projection ? pick(d, projection) : d));
        return { requestId: 'r', data: { list: shown.map((d) => EJSON.stringify(d, { relaxed: false })) } };
      }
      case 'database.insertDocument': {
        if (!coll) return { code: 'DATABASE_COLLECTION_NOT_EXIST', message: `${name} does not exist` };
        if (this.insertsBeforeCrash <= 0) throw new Error('fake: connection lost');
        this.insertsBeforeCrash--;
        const docs = (params.data as string[]).map((text) => EJSON.parse(text) as Doc);
        if (docs.some((d) => coll.has(d._id))) return { code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate _id' };
        this.addSizes.push(docs.length);
        docs.forEach((d) => coll.set(d._id, d));
        return { requestId: 'r', data: { insertedIds: docs.map((d) => d._id) } };
      }
      default:
        throw new Error(`fake: unexpected ${api}`);
    }
  }

  count(name: string): number {
    return this.collections.get(name)?.size ?? 0;
  }
}

function pick(doc: Doc, projection: Record<string, number>): Doc {
  const shown: Doc = { _id: doc._id };
  for (const [key, on] of Object.entries(projection)) if (on) shown[key] = doc[key];
  return shown;
}

let backend: FakeBackend;

/** Stands in for the SDK's HTTP requester: `Db` constructs one per query with `new Db.reqClass(config)`. */
class FakeRequester {
  async send(api: string, params: Record<string, unknown>): Promise<unknown> {
    return backend.send(api, params);
  }
}

const app = tcb.init({ env: 'seed-test', secretId: 'test', secretKey: 'test' });
const database = (): CloudBaseDatabase => {
  const db = app.database();
  // `app.database()` installs the HTTP requester; swap it afterwards.
  Db.reqClass = FakeRequester;
  return db;
};

const TODAY = '2025-06-03';
const expected = generateDemoDistrict({ today: TODAY });
const expectedCounts = {
  stations: expected.stations.length,
  units: expected.units.length,
  staff: expected.staff.length,
  deputies: expected.deputies.length,
  receptions: expected.receptions.length,
  users: expected.users.length,
};

beforeEach(() => {
  backend = new FakeBackend();
});

describe('seedDatabase', () => {
  it('creates every declared collection and inserts the whole district into an empty database', async () => {
    const { inserted } = await seedDatabase(database(), { today: TODAY });
    expect(inserted).toEqual(expectedCounts);
    expect([...backend.collections.keys()].sort()).toEqual(Object.keys(collectionsConfig.collections).sort());
    for (const [name, n] of Object.entries(expectedCounts)) expect(backend.count(name)).toBe(n);
  });

  it('writes in batches of at most 100 and asks about at most 100 ids at a time', async () => {
    await seedDatabase(database(), { today: TODAY });
    expect(Math.max(...backend.addSizes)).toBeLessThanOrEqual(SEED_BATCH_SIZE);
    expect(Math.max(...backend.inSizes)).toBeLessThanOrEqual(SEED_BATCH_SIZE);
    expect(backend.addSizes.some((n) => n === SEED_BATCH_SIZE)).toBe(true);
  });

  it('stores station locations as GeoJSON points and dates as dates', async () => {
    await seedDatabase(database(), { today: TODAY });
    const source = expected.stations[0];
    const stored = backend.collections.get('stations')?.get(source._id) as Doc;
    expect(stored.location).toEqual({ type: 'Point', coordinates: source.location.coordinates });
    expect(stored.createdAt).toEqual(source.createdAt);
    const reception = backend.collections.get('receptions')?.get(expected.receptions[0]._id) as Doc;
    expect(reception.publishedAt).toEqual(expected.receptions[0].publishedAt);
    expect(reception.slots).toEqual(expected.receptions[0].slots);
  });

  it.each(['returned', 'thrown'] as const)('changes nothing when run twice ("already exists" %s)', async (mode) => {
    await seedDatabase(database(), { today: TODAY });
    backend.alreadyExists = mode;
    backend.addSizes = [];
    const { inserted } = await seedDatabase(database(), { today: TODAY });
    expect(Object.values(inserted).every((n) => n === 0)).toBe(true);
    expect(backend.addSizes).toEqual([]);
    for (const [name, n] of Object.entries(expectedCounts)) expect(backend.count(name)).toBe(n);
  });

  it('completes a run that stopped half-way', async () => {
    backend.insertsBeforeCrash = 3;
    await expect(seedDatabase(database(), { today: TODAY })).rejects.toThrow('connection lost');
    const before = [...backend.collections.values()].reduce((sum, c) => sum + c.size, 0);
    expect(before).toBeGreaterThan(0);

    backend.insertsBeforeCrash = Infinity;
    const { inserted } = await seedDatabase(database(), { today: TODAY });
    const total = Object.values(expectedCounts).reduce((a, b) => a + b, 0);
    expect(Object.values(inserted).reduce((a, b) => a + b, 0)).toBe(total - before);
    for (const [name, n] of Object.entries(expectedCounts)) expect(backend.count(name)).toBe(n);
  });

  it('on a later day adds only the receptions of the new days', async () => {
    await seedDatabase(database(), { today: TODAY });
    const stored = new Set(backend.collections.get('receptions')?.keys());
    const later = addDays(TODAY, 20);
    const { inserted } = await seedDatabase(database(), { today: later });
    const newDays = generateDemoDistrict({ today: later }).receptions.filter((r) => !stored.has(r._id));
    expect(newDays.length).toBeGreaterThan(0);
    for (const r of newDays) expect(r.date > addDays(TODAY, 59)).toBe(true);
    expect(inserted).toEqual({ stations: 0, units: 0, staff: 0, deputies: 0, receptions: newDays.length, users: 0 });
    expect(backend.count('receptions')).toBe(stored.size + newDays.length);
  });

  it('reports a collection it could not create', async () => {
    backend.refuseCreate = true;
    await expect(seedDatabase(database(), { today: TODAY })).rejects.toThrow(/PERMISSION_DENIED/);
  });
});
