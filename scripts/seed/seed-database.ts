/**
 * Loads the demo district into a CloudBase database through the real SDK (the local emulator
 * in development, a real environment if pointed there).
 *
 * Idempotent by construction: every document has a stable `_id`, and only ids not yet in the
 * collection are inserted. Running it twice changes nothing; a run that stopped half-way is
 * completed by the next. Nothing is ever updated or deleted, so data the demo created
 * (cases, bookings, bound openids) survives a re-seed.
 *
 * The reception schedule covers the 60 days from `today`. Seeding again on a later day only
 * adds the receptions of days that were not yet in the window; receptions already stored keep
 * their content, and their ids (station + date) match what the new run computes.
 */
import collectionsConfig from '../../database/collections.json';
import { generateDemoDistrict, type DemoDistrict } from './demo-district';

export type CloudBaseDatabase = ReturnType<ReturnType<typeof import('@cloudbase/node-sdk').init>['database']>;

export type SeededCollection = keyof DemoDistrict;

export interface SeedResult {
  /** Documents added by this run, per collection; all zero when everything was already there. */
  inserted: Record<SeededCollection, number>;
}

/** CloudBase takes an array in one `add`; we keep each request (and each `_.in`) to 100 ids. */
export const SEED_BATCH_SIZE = 100;

/** Referenced documents first, so an interrupted run never leaves a user pointing at nothing. */
const SEED_ORDER: readonly SeededCollection[] = ['stations', 'units', 'staff', 'deputies', 'receptions', 'users'];

type StoredDocument = { _id: string } & Record<string, unknown>;

export async function seedDatabase(db: CloudBaseDatabase, { today }: { today: string }): Promise<SeedResult> {
  const district = generateDemoDistrict({ today });
  const declared = Object.keys(collectionsConfig.collections);
  for (const name of SEED_ORDER) {
    if (!declared.includes(name)) throw new Error(`collection '${name}' is not declared in database/collections.json`);
  }

  // Every declared collection, not only the seeded ones: on CloudBase, querying a collection
  // that does not exist is an error, and the app reads `cases` etc. from its first request.
  for (const name of declared) await ensureCollection(db, name);

  const documents: Record<SeededCollection, StoredDocument[]> = {
    stations: district.stations.map((station) => ({
      ...station,
      // Written as a Geo.Point so CloudBase stores a GeoJSON point the 2dsphere index can use.
      location: new db.Geo.Point(...station.location.coordinates),
    })),
    units: district.units.map(asDocument),
    staff: district.staff.map(asDocument),
    deputies: district.deputies.map(asDocument),
    receptions: district.receptions.map(asDocument),
    users: district.users.map(asDocument),
  };

  const inserted = { stations: 0, units: 0, staff: 0, deputies: 0, receptions: 0, users: 0 };
  for (const name of SEED_ORDER) inserted[name] = await insertMissing(db, name, documents[name]);
  return { inserted };
}

function asDocument<T extends { _id: string }>(doc: T): StoredDocument {
  return { ...doc };
}

async function insertMissing(db: CloudBaseDatabase, collection: string, docs: StoredDocument[]): Promise<number> {
  const _ = db.command;
  let inserted = 0;
  for (let i = 0; i < docs.length; i += SEED_BATCH_SIZE) {
    const batch = docs.slice(i, i + SEED_BATCH_SIZE);
    const found = await db
      .collection(collection)
      .where({ _id: _.in(batch.map((d) => d._id)) })
      .field({ _id: true })
      .limit(1000)
      .get();
    failOnErrorCode(found, `reading ${collection}`);
    const existing = new Set(found.data.map((d: { _id: string }) => d._id));
    const missing = batch.filter((d) => !existing.has(d._id));
    if (missing.length === 0) continue;

    const added = await db.collection(collection).add(missing);
    failOnErrorCode(added, `adding to ${collection}`);
    if (Array.isArray(added.ids) && added.ids.length !== missing.length) {
      throw new Error(`adding to ${collection}: sent ${missing.length} documents, ${added.ids.length} were inserted`);
    }
    inserted += missing.length;
  }
  return inserted;
}

/**
 * Creates the collection unless it exists. How "already exists" is reported depends on the
 * backend and on the SDK's throwOnCode setting (a thrown error or a returned `code`), so
 * rather than trusting one wording we ask the collection itself: if it answers a query, it exists.
 */
async function ensureCollection(db: CloudBaseDatabase, name: string): Promise<void> {
  let failure: unknown;
  try {
    const created: unknown = await db.createCollection(name);
    if (!errorCode(created)) return;
    failure = created;
  } catch (error) {
    failure = error;
  }
  if (await collectionAnswers(db, name)) return;
  throw new Error(`creating collection '${name}' failed: ${describe(failure)}`);
}

async function collectionAnswers(db: CloudBaseDatabase, name: string): Promise<boolean> {
  try {
    const res: unknown = await db.collection(name).limit(1).get();
    return !errorCode(res);
  } catch {
    return false;
  }
}

/** With throwOnCode off the SDK resolves to `{ code, message }` instead of throwing. */
function errorCode(res: unknown): string | undefined {
  if (typeof res !== 'object' || res === null) return undefined;
  const code = (res as { code?: unknown }).code;
  return code ? String(code) : undefined;
}

function failOnErrorCode(res: unknown, what: string): void {
  if (errorCode(res)) throw new Error(`${what} failed: ${describe(res)}`);
}

/** SDK errors carry `code` and `message` whether thrown (as an Error) or returned. */
function describe(failure: unknown): string {
  const { code, message } = (failure ?? {}) as { code?: unknown; message?: unknown };
  return [code, message].filter(Boolean).map(String).join(' ') || String(failure);
}
