import { DocId, generateId, validId, withId } from './documents';
import { invalidParam, requestFailed } from './errors';
import { isOperatorObject } from './matcher';
import { setAtPath, splitPath } from './paths';
import { decodeStored } from './codec';
import { QueryEngine } from './query-engine';
import { Collection, Store, StoredDoc } from './store';
import { applyUpdate, parseUpdate, UpdateSpec } from './update-operators';
import { cloneValue, Doc, isPlainObject } from './values';

/**
 * Inserts, updates and removes. Each call runs in one SQLite transaction, so a multi-document
 * update or a batch insert is all-or-nothing (a unique-index violation leaves nothing written).
 */
// Documents read back per step of a multi-document write.
const WRITE_CHUNK = 500;

export interface ModifyRequest {
  filter: unknown;
  data: unknown;
  /** true: `data` holds update operators (update()); false: it replaces the document (set()). */
  merge: boolean;
  multi: boolean;
  upsert: boolean;
  now: number;
}

/**
 * What `updated` counts, per CloudBase:
 * - update() (operators, doc().update / where().update): the documents whose content changed —
 *   MongoDB's nModified; the same values again answer 0 (WeChat's cloud database reports
 *   `stats.updated: 0` then — developers.weixin.qq.com/community/develop/doc/000a2e28284f305bf99733ddd56800 —
 *   and CloudBase's HTTP API answers `updated` beside `matched`).
 * - set() (replacement): 1 when the document existed, even with identical content
 *   (node-sdk test/database/unit/geo.test.ts "GEO Point - CRUD": add, then set the same data → 1).
 * - updateAndReturn() (findAndModify, which reports matches, not modifications): 1 when a document matched.
 * Transactions (transactions.ts) follow the same rules.
 */
export interface ModifyResult {
  updated: number;
  matched: number;
  upsertId?: DocId;
}

export class Writer {
  constructor(
    private readonly store: Store,
    private readonly engine: QueryEngine,
  ) {}

  insertMany(collection: Collection, docs: unknown[]): DocId[] {
    const prepared = docs.map(prepareInsert);
    return this.store.transaction(() => {
      for (const doc of prepared) this.store.insert(collection, doc);
      return prepared.map((doc) => doc._id as DocId);
    });
  }

  modify(collection: Collection, request: ModifyRequest): ModifyResult {
    const spec = request.merge ? parseUpdate(request.data) : undefined;
    const replacement = request.merge ? undefined : parseReplacement(request.data);
    return this.store.transaction(() => {
      let updated = 0;
      let matched = 0;
      for (const target of this.targets(collection, request.filter, request.multi)) {
        matched++;
        const next = spec ? applyTo(target.doc, spec, request.now) : replaced(target.doc, replacement!);
        const changed = this.store.replace(collection, target, next);
        if (changed || !spec) updated++;
      }
      const result: ModifyResult = { updated, matched };
      if (matched === 0 && request.upsert) {
        const doc = upserted(request.filter, spec, replacement, request.now);
        this.store.insert(collection, doc);
        result.upsertId = doc._id as DocId;
      }
      return result;
    });
  }

  /** updateAndReturn: the first match, updated, and the document after the update. */
  modifyAndReturn(collection: Collection, filter: unknown, data: unknown, now: number): { updated: number; doc: Doc | null } {
    const spec = parseUpdate(data);
    return this.store.transaction(() => {
      const [target] = this.targets(collection, filter, false);
      if (!target) return { updated: 0, doc: null };
      const next = applyTo(target.doc, spec, now);
      this.store.replace(collection, target, next);
      return { updated: 1, doc: next };
    });
  }

  remove(collection: Collection, filter: unknown, multi: boolean): number {
    return this.store.transaction(() => {
      let deleted = 0;
      for (const target of this.targets(collection, filter, multi)) {
        this.store.remove(collection, target);
        deleted++;
      }
      return deleted;
    });
  }

  /**
   * The documents to write: their row ids are collected first (a scan never meets its own
   * writes), then the documents are read back in chunks, so memory stays bounded.
   */
  private *targets(collection: Collection, filter: unknown, multi: boolean): Generator<StoredDoc> {
    const rids: number[] = [];
    for (const found of this.engine.select(collection, filter)) {
      if (!multi) {
        yield found;
        return;
      }
      rids.push(found.rid);
    }
    for (let i = 0; i < rids.length; i += WRITE_CHUNK) {
      for (const row of this.store.scan(collection, rids.slice(i, i + WRITE_CHUNK))) yield { ...row, doc: decodeStored(row.text) };
    }
  }
}

export function prepareInsert(data: unknown): Doc {
  if (!isPlainObject(data)) throw invalidParam('document must be an object');
  const id = data._id === undefined ? generateId() : data._id;
  if (!validId(id)) throw requestFailed('_id must be a non-empty string or a number');
  return withId(data, id);
}

function parseReplacement(data: unknown): Doc {
  if (!isPlainObject(data)) throw invalidParam('document must be an object');
  if (Object.keys(data).some((k) => k.startsWith('$'))) throw requestFailed('replacement document must not contain update operators');
  return data;
}

function applyTo(doc: Doc, spec: UpdateSpec, now: number): Doc {
  const next = cloneValue(doc);
  applyUpdate(next, spec, { inserting: false, now });
  return next;
}

function replaced(doc: Doc, replacement: Doc): Doc {
  if (replacement._id !== undefined && replacement._id !== doc._id) {
    throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return withId(cloneValue(replacement), doc._id as DocId);
}

/** The document an upsert creates: the query's equality fields, then the update or replacement. */
function upserted(filter: unknown, spec: UpdateSpec | undefined, replacement: Doc | undefined, now: number): Doc {
  const seed: Doc = {};
  seedFromFilter(filter, seed);
  const base = replacement ? { ...cloneValue(replacement), _id: replacement._id ?? seed._id } : seed;
  const id = base._id ?? generateId();
  if (!validId(id)) throw requestFailed('_id must be a non-empty string or a number');
  const doc = withId(base, id);
  if (spec) applyUpdate(doc, spec, { inserting: true, now });
  return withId(doc, id);
}

function seedFromFilter(filter: unknown, seed: Doc): void {
  if (!isPlainObject(filter)) return;
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) condition.forEach((sub) => seedFromFilter(sub, seed));
    if (key.startsWith('$')) continue;
    const value = isOperatorObject(condition) ? (Object.keys(condition).length === 1 ? condition.$eq : undefined) : condition;
    if (value === undefined || value instanceof RegExp) continue;
    setAtPath(seed, splitPath(key), cloneValue(value));
  }
}
