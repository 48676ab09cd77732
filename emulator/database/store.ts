import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeStored, encodeEJSON } from './codec';
import { DocId } from './documents';
import { DatabaseDigest, digestRows } from './digest';
import { dbError, DbErrorCode } from './errors';
import { BBox, extractGeometries, geometryBBox } from './geo';
import { IndexKey, indexEntries } from './index-keys';
import { splitPath } from './paths';
import { Doc } from './values';

/**
 * The SQLite file behind the emulator. One table per collection (`rid` keeps insertion order,
 * `_id` unique, `doc` is the EJSON text we answer with), one side table per declared index
 * (multikey entries, a UNIQUE primary key for unique indexes) and an R*Tree per 2dsphere index.
 * Nothing is loaded into memory on open; every read goes through SQLite.
 */
export interface IndexSpec {
  name: string;
  keys: Record<string, unknown>;
  unique?: boolean;
}

export interface FieldIndex {
  name: string;
  fields: string[];
  parts: string[][];
  unique: boolean;
  table: string;
  /** Per field: has it ever held an array (MongoDB's multikey flag; never reset). */
  multikey: boolean[];
}

export interface GeoIndex {
  name: string;
  field: string;
  parts: string[];
  table: string;
}

export interface Collection {
  name: string;
  table: string;
  fieldIndexes: FieldIndex[];
  geoIndexes: GeoIndex[];
}

/** An R*Tree entry: row id and stored box. */
export type GeoEntry = [rid: number, minX: number, maxX: number, minY: number, maxY: number];

/** A stored row: `text` is the EJSON text, `doc` its parsed form. */
export interface StoredDoc {
  rid: number;
  text: string;
  doc: Doc;
}

const COLLECTION_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/;
const SCAN_CHUNK = 512;

export class Store {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  private readonly statements = new Map<string, Database.Statement>();
  /** Monotonic write counter; transactions compare against it to detect conflicts. */
  private writeSeq = 0;
  private trackers = 0;
  private readonly lastWrites = new Map<string, number>();

  constructor(dataDir: string, declared: Record<string, IndexSpec[]>) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'database.sqlite');
    this.db = new Database(this.file);
    // WAL + FULL: an acknowledged write is fsynced and survives a SIGKILL.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, tid INTEGER NOT NULL UNIQUE, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS _indexes (tid INTEGER NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, tbl TEXT NOT NULL, multikey TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (tid, name));
    `);
    try {
      this.db.transaction(() => this.load(declared))();
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- collections & indexes -------------------------------------------------------------

  private load(declared: Record<string, IndexSpec[]>): void {
    const rows = this.db.prepare('SELECT name, tid FROM _collections').all() as { name: string; tid: number }[];
    for (const row of rows) this.collections.set(row.name, this.openCollection(row.name, row.tid));
    for (const [name, indexes] of Object.entries(declared)) {
      if (!this.collections.has(name)) this.createCollection(name);
      this.syncIndexes(this.collections.get(name)!, indexes);
    }
  }

  private tid(name: string): number {
    return (this.db.prepare('SELECT tid FROM _collections WHERE name = ?').get(name) as { tid: number }).tid;
  }

  private openCollection(name: string, tid: number): Collection {
    const collection: Collection = { name, table: `c${tid}`, fieldIndexes: [], geoIndexes: [] };
    const indexes = this.db.prepare('SELECT name, spec, tbl, multikey FROM _indexes WHERE tid = ? ORDER BY rowid').all(tid) as {
      name: string;
      spec: string;
      tbl: string;
      multikey: string;
    }[];
    for (const index of indexes) {
      this.attachIndex(collection, JSON.parse(index.spec) as IndexSpec, index.tbl, JSON.parse(index.multikey) as boolean[]);
    }
    return collection;
  }

  private attachIndex(collection: Collection, spec: IndexSpec, table: string, multikey: boolean[] = []): void {
    const entries = Object.entries(spec.keys);
    const geo = entries.find(([, kind]) => kind === '2dsphere');
    if (geo) {
      if (entries.length !== 1) throw new Error(`[emulator] index ${spec.name}: compound 2dsphere indexes are not supported`);
      collection.geoIndexes.push({ name: spec.name, field: geo[0], parts: splitPath(geo[0]), table });
      return;
    }
    const fields = entries.map(([field]) => field);
    collection.fieldIndexes.push({
      name: spec.name,
      fields,
      parts: fields.map(splitPath),
      unique: !!spec.unique,
      table,
      multikey: fields.map((_, i) => !!multikey[i]),
    });
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collection(name: unknown): Collection {
    const collection = typeof name === 'string' ? this.collections.get(name) : undefined;
    if (!collection) throw dbError(DbErrorCode.collectionNotExist, `Db or Table not exist: ${String(name)}`);
    return collection;
  }

  createCollection(name: string): Collection {
    if (!COLLECTION_NAME.test(name)) throw dbError(DbErrorCode.invalidParam, `invalid collection name: ${name}`);
    if (this.collections.has(name)) throw dbError(DbErrorCode.collectionAlreadyExist, `collection already exists: ${name}`);
    const next = this.db.prepare('SELECT COALESCE(MAX(tid), 0) + 1 AS tid FROM _collections').get() as { tid: number };
    const table = `c${next.tid}`;
    this.db.exec(`CREATE TABLE ${table} (rid INTEGER PRIMARY KEY, _id UNIQUE NOT NULL, doc TEXT NOT NULL)`);
    this.db.prepare('INSERT INTO _collections (name, tid, created_at) VALUES (?, ?, ?)').run(name, next.tid, Date.now());
    const collection: Collection = { name, table, fieldIndexes: [], geoIndexes: [] };
    this.collections.set(name, collection);
    return collection;
  }

  /** Makes the stored indexes match the declared ones: builds new ones, drops stale ones. */
  private syncIndexes(collection: Collection, declared: IndexSpec[]): void {
    const tid = this.tid(collection.name);
    const existing = this.db.prepare('SELECT name, spec, tbl FROM _indexes WHERE tid = ?').all(tid) as {
      name: string;
      spec: string;
      tbl: string;
    }[];
    const wanted = new Map(declared.map((spec) => [spec.name, JSON.stringify({ name: spec.name, keys: spec.keys, unique: !!spec.unique })]));
    for (const index of existing) {
      if (wanted.get(index.name) === index.spec) continue;
      this.db.exec(`DROP TABLE IF EXISTS ${index.tbl}`);
      this.db.prepare('DELETE FROM _indexes WHERE tid = ? AND name = ?').run(tid, index.name);
    }
    const kept = new Set(existing.filter((index) => wanted.get(index.name) === index.spec).map((index) => index.name));
    collection.fieldIndexes = collection.fieldIndexes.filter((index) => kept.has(index.name));
    collection.geoIndexes = collection.geoIndexes.filter((index) => kept.has(index.name));
    for (const spec of declared) {
      if (kept.has(spec.name)) continue;
      const serial = this.db.prepare('SELECT COALESCE(MAX(rowid), 0) + 1 AS n FROM _indexes').get() as { n: number };
      const table = `${collection.table}_x${serial.n}`;
      this.attachIndex(collection, JSON.parse(wanted.get(spec.name)!) as IndexSpec, table);
      this.createIndexTable(collection, spec.name, table);
      this.db.prepare('INSERT INTO _indexes (tid, name, spec, tbl) VALUES (?, ?, ?, ?)').run(tid, spec.name, wanted.get(spec.name), table);
      try {
        this.backfill(collection, spec.name);
      } catch (error) {
        throw new Error(`[emulator] cannot build index ${spec.name} on ${collection.name} from existing documents: ${(error as Error).message}`);
      }
    }
  }

  private createIndexTable(collection: Collection, name: string, table: string): void {
    const geo = collection.geoIndexes.find((index) => index.name === name);
    if (geo) {
      this.db.exec(`CREATE VIRTUAL TABLE ${table} USING rtree(id, minX, maxX, minY, maxY)`);
      return;
    }
    const index = collection.fieldIndexes.find((i) => i.name === name)!;
    const columns = index.fields.map((_, i) => `k${i}`);
    const key = index.unique ? columns : [...columns, 'rid'];
    this.db.exec(`CREATE TABLE ${table} (${columns.join(', ')}, rid INTEGER NOT NULL, PRIMARY KEY (${key.join(', ')})) WITHOUT ROWID`);
  }

  private backfill(collection: Collection, name: string): void {
    for (const row of this.scan(collection)) {
      const doc = decodeStored(row.text);
      this.writeIndexEntries(collection, row.rid, doc, (index) => index.name === name);
    }
  }

  // ---- statements ------------------------------------------------------------------------

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs fn in one SQLite transaction: every request is all-or-nothing. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  // ---- reads -----------------------------------------------------------------------------

  findById(collection: Collection, id: DocId): StoredDoc | undefined {
    const row = this.statement(`SELECT rid, doc FROM ${collection.table} WHERE _id = ?`).get(id) as { rid: number; doc: string } | undefined;
    return row && { rid: row.rid, text: row.doc, doc: decodeStored(row.doc) };
  }

  count(collection: Collection): number {
    return (this.statement(`SELECT COUNT(*) AS n FROM ${collection.table}`).get() as { n: number }).n;
  }

  /** Row ids chosen by a candidate query (see planner), in natural order. */
  candidateRids(sql: string, params: unknown[]): number[] {
    const rids = this.statement(sql)
      .pluck()
      .all(...params) as number[];
    return rids.sort((a, b) => a - b);
  }

  /**
   * Streams rows in natural order, in chunks, so no SQLite cursor stays open between yields
   * (other statements may run while a scan is being consumed). `rids` restricts the scan;
   * `needles` (all groups must hold, any needle within a group) skips rows whose text cannot
   * match before they ever reach JavaScript.
   */
  *scan(collection: Collection, rids?: number[], needles: string[][] = []): Generator<{ rid: number; text: string }> {
    const params = needles.flat();
    const textFilter = needles.map((group) => ` AND (${group.map(() => 'instr(doc, ?) > 0').join(' OR ')})`).join('');
    if (rids) {
      const byRids = this.statement(`SELECT rid, doc FROM ${collection.table} WHERE rid IN (SELECT value FROM json_each(?))${textFilter} ORDER BY rid`);
      for (let i = 0; i < rids.length; i += SCAN_CHUNK) {
        const chunk = byRids.all(JSON.stringify(rids.slice(i, i + SCAN_CHUNK)), ...params) as { rid: number; doc: string }[];
        for (const row of chunk) yield { rid: row.rid, text: row.doc };
      }
      return;
    }
    const after = this.statement(`SELECT rid, doc FROM ${collection.table} WHERE rid > ?${textFilter} ORDER BY rid LIMIT ${SCAN_CHUNK}`);
    let last = -Infinity;
    for (;;) {
      const chunk = after.all(last, ...params) as { rid: number; doc: string }[];
      for (const row of chunk) yield { rid: row.rid, text: row.doc };
      if (chunk.length < SCAN_CHUNK) return;
      last = chunk[chunk.length - 1].rid;
    }
  }

  /**
   * Streams [rid, json_type, json_extract] per top-level field for every row, in natural order,
   * without handing whole documents to JavaScript (for sorting a collection by a few fields).
   */
  *fieldScan(collection: Collection, fields: string[]): Generator<unknown[]> {
    const columns = fields.map(() => 'json_type(doc, ?), json_extract(doc, ?)').join(', ');
    const statement = this.statement(`SELECT rid, ${columns} FROM ${collection.table} WHERE rid > ? ORDER BY rid LIMIT ${SCAN_CHUNK}`).raw();
    const paths = fields.flatMap((field) => [`$."${field}"`, `$."${field}"`]);
    let last = -Infinity;
    for (;;) {
      const chunk = statement.all(...paths, last) as unknown[][];
      yield* chunk;
      if (chunk.length < SCAN_CHUNK) return;
      last = chunk[chunk.length - 1][0] as number;
    }
  }

  /**
   * R*Tree entries overlapping the `outer` boxes but not the `inner` ones (a ring between two
   * searches), as [rid, minX, maxX, minY, maxY] rows; with `count`, only how many. For one inner
   * and one outer box the ring is four disjoint strips the R*Tree answers directly, so nothing
   * already seen is read again; otherwise (antimeridian splits) the outer boxes are read whole.
   */
  geoRing(index: GeoIndex, outer: BBox[], inner: BBox[], count: true): number;
  geoRing(index: GeoIndex, outer: BBox[], inner: BBox[], count: false): GeoEntry[];
  geoRing(index: GeoIndex, outer: BBox[], inner: BBox[], count: boolean): number | GeoEntry[] {
    const overlap = 'maxX >= ? AND minX <= ? AND maxY >= ? AND minY <= ?';
    const queries: { where: string; params: number[] }[] = [];
    for (const o of outer) {
      const base = [o.minX, o.maxX, o.minY, o.maxY];
      if (inner.length === 1 && outer.length === 1) {
        const i = inner[0];
        queries.push(
          { where: `${overlap} AND minX > ?`, params: [...base, i.maxX] },
          { where: `${overlap} AND maxX < ?`, params: [...base, i.minX] },
          { where: `${overlap} AND minX <= ? AND maxX >= ? AND minY > ?`, params: [...base, i.maxX, i.minX, i.maxY] },
          { where: `${overlap} AND minX <= ? AND maxX >= ? AND maxY < ?`, params: [...base, i.maxX, i.minX, i.minY] },
        );
      } else queries.push({ where: overlap, params: base });
    }
    if (count) {
      let n = 0;
      for (const q of queries)
        n += this.statement(`SELECT COUNT(*) FROM ${index.table} WHERE ${q.where}`)
          .pluck()
          .get(...q.params) as number;
      return n;
    }
    const rows: GeoEntry[] = [];
    for (const q of queries) {
      rows.push(
        ...(this.statement(`SELECT id, minX, maxX, minY, maxY FROM ${index.table} WHERE ${q.where}`)
          .raw()
          .all(...q.params) as GeoEntry[]),
      );
    }
    return rows;
  }

  // ---- writes ----------------------------------------------------------------------------

  insert(collection: Collection, doc: Doc): number {
    const text = encodeEJSON(doc);
    let rid: number;
    try {
      rid = Number(this.statement(`INSERT INTO ${collection.table} (_id, doc) VALUES (?, ?)`).run(doc._id, text).lastInsertRowid);
    } catch (error) {
      throw this.translateConstraint(error, collection, '_id_', { _id: doc._id });
    }
    this.writeIndexEntries(collection, rid, doc);
    this.noteWrite(collection, doc._id as DocId);
    return rid;
  }

  /** Replaces a stored document (same `_id`); answers false when nothing changed. */
  replace(collection: Collection, old: StoredDoc, doc: Doc): boolean {
    const text = encodeEJSON(doc);
    if (text === old.text) return false;
    this.statement(`UPDATE ${collection.table} SET doc = ? WHERE rid = ?`).run(text, old.rid);
    this.deleteIndexEntries(collection, old.rid, old.doc);
    this.writeIndexEntries(collection, old.rid, doc);
    this.noteWrite(collection, doc._id as DocId);
    return true;
  }

  remove(collection: Collection, old: StoredDoc): void {
    this.statement(`DELETE FROM ${collection.table} WHERE rid = ?`).run(old.rid);
    this.deleteIndexEntries(collection, old.rid, old.doc);
    this.noteWrite(collection, old.doc._id as DocId);
  }

  private writeIndexEntries(collection: Collection, rid: number, doc: Doc, only?: (index: { name: string }) => boolean): void {
    for (const index of collection.fieldIndexes) {
      if (only && !only(index)) continue;
      const placeholders = index.fields.map(() => '?').join(', ');
      const insert = this.statement(`INSERT INTO ${index.table} VALUES (${placeholders}, ?)`);
      const { entries, arrays } = indexEntries(doc, index.parts);
      if (arrays.some((isArray, i) => isArray && !index.multikey[i])) {
        index.multikey = index.multikey.map((flag, i) => flag || arrays[i]);
        this.statement('UPDATE _indexes SET multikey = ? WHERE tbl = ?').run(JSON.stringify(index.multikey), index.table);
      }
      for (const entry of entries) {
        try {
          insert.run(...entry, rid);
        } catch (error) {
          throw this.translateConstraint(error, collection, index.name, Object.fromEntries(index.fields.map((f, i) => [f, entry[i]])));
        }
      }
    }
    for (const index of collection.geoIndexes) {
      if (only && !only(index)) continue;
      const geometries = extractGeometries(doc, index.parts, index.field);
      if (geometries.length === 0) continue;
      const box = geometryBBox(geometries);
      this.statement(`INSERT INTO ${index.table} VALUES (?, ?, ?, ?, ?)`).run(rid, box.minX, box.maxX, box.minY, box.maxY);
    }
  }

  private deleteIndexEntries(collection: Collection, rid: number, doc: Doc): void {
    for (const index of collection.fieldIndexes) {
      const where = index.fields.map((_, i) => `k${i} = ?`).join(' AND ');
      const remove = this.statement(`DELETE FROM ${index.table} WHERE ${where} AND rid = ?`);
      for (const entry of indexEntries(doc, index.parts).entries) remove.run(...entry, rid);
    }
    for (const index of collection.geoIndexes) this.statement(`DELETE FROM ${index.table} WHERE id = ?`).run(rid);
  }

  private translateConstraint(error: unknown, collection: Collection, index: string, key: Record<string, unknown>): Error {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CONSTRAINT')) return error as Error;
    const shown = Object.entries(key)
      .map(([field, value]) => `${field}: ${JSON.stringify(displayKey(value as IndexKey))}`)
      .join(', ');
    return dbError(DbErrorCode.duplicateWrite, `E11000 duplicate key error collection: ${collection.name} index: ${index} dup key: { ${shown} }`);
  }

  // ---- write tracking for transactions ---------------------------------------------------

  get sequence(): number {
    return this.writeSeq;
  }

  /** While any transaction is open, remember when each document was last written. */
  trackWrites(on: boolean): void {
    this.trackers += on ? 1 : -1;
    if (this.trackers <= 0) {
      this.trackers = 0;
      this.lastWrites.clear();
    }
  }

  lastWrite(collection: string, id: DocId): number {
    return this.lastWrites.get(writeKey(collection, id)) ?? 0;
  }

  private noteWrite(collection: Collection, id: DocId): void {
    this.writeSeq++;
    if (this.trackers > 0) this.lastWrites.set(writeKey(collection.name, id), this.writeSeq);
  }

  // ---- digest (tests: "this call changed nothing") -------------------------------------

  /** Rows inserted, updated or deleted through this connection since it opened. */
  totalChanges(): number {
    return this.statement('SELECT total_changes() AS n').pluck().get() as number;
  }

  /** Every collection by name, its rows in natural order, hashed (see digest.ts); one read transaction. */
  digest(): DatabaseDigest {
    return this.transaction(() => {
      const names = [...this.collections.keys()].sort();
      const collections = names.map((name) => ({
        name,
        // Read one collection at a time, when the hash reaches it: never every row at once.
        rows: () =>
          this.statement(`SELECT _id, doc FROM ${this.collections.get(name)!.table} ORDER BY rid`)
            .raw()
            .all() as [unknown, string][],
      }));
      return digestRows(collections, this.totalChanges());
    });
  }

  /** A read-only connection pinned to the current committed state (WAL snapshot). */
  openSnapshot(): Database.Database {
    const snapshot = new Database(this.file, { readonly: true, fileMustExist: true });
    snapshot.exec('BEGIN');
    snapshot.prepare('SELECT COUNT(*) FROM _collections').get();
    return snapshot;
  }
}

function writeKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${id}`;
}

function displayKey(key: IndexKey): unknown {
  if (typeof key === 'number') return key;
  if (key === 'n') return null;
  return key.slice(2);
}
