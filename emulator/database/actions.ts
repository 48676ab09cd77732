import type { AdminHandler, AdminRequest, AdminResponse } from '../types';
import { AggregateRunner } from './aggregate';
import { decodeEJSON, encodeEJSON } from './codec';
import { DocId, validId } from './documents';
import { invalidParam, requestFailed } from './errors';
import { compileProjection } from './projection';
import { QueryEngine } from './query-engine';
import { parseSort } from './sort';
import { Store } from './store';
import { TransactionManager } from './transactions';
import { isPlainObject } from './values';
import { Writer } from './writes';

/**
 * The `database.*` actions of CloudBase's `/admin` API, in the shapes @cloudbase/database reads:
 * - getDocument        → data.list: EJSON strings (+ data.limit, data.offset)
 * - calculateDocument  → data.total
 * - insertDocument     → data.insertedIds
 * - modifyDocument     → data.updated, data.matched, data.upsert_id (only when upserted)
 * - modifyAndReturnDoc → data.updated, data.doc (EJSON string, or null)
 * - removeDocument     → data.deleted
 * - aggregateDocuments → data.list: EJSON strings
 * - startTransaction   → transactionId (top level); commit/abortTransaction → {}
 * - legacy get/updateDoc/deleteDocInTransaction → top-level data / updated / deleted (EJSON strings)
 */

// CloudBase pages queries: 100 by default, 1000 at most. The SDK already caps limit at 1000
// before sending; a raw request asking for more is capped the same way rather than refused.
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

interface Services {
  store: Store;
  engine: QueryEngine;
  writer: Writer;
  transactions: TransactionManager;
  aggregates: AggregateRunner;
}

export function createActions(services: Services): Record<string, AdminHandler> {
  const { store, engine, writer, transactions, aggregates } = services;

  const handlers: Record<string, (req: AdminRequest, now: number) => AdminResponse> = {
    addCollection(req) {
      store.createCollection(requireName(req.collectionName));
      return {};
    },

    getDocument(req, now) {
      const collection = store.collection(req.collectionName);
      const filter = decodeEJSON(req.query, now, 'query') ?? {};
      if (req.transactionId !== undefined) {
        const doc = transactions.get(req.transactionId, collection.name, docIdOf(filter));
        const project = compileProjection(decodeEJSON(req.projection, now, 'projection'));
        return { data: { list: doc ? [encodeEJSON(project ? project(doc) : doc)] : [] } };
      }
      const offset = nonNegative(req.offset, 'offset') ?? 0;
      const requested = nonNegative(req.limit, 'limit');
      const limit = Math.min(requested || DEFAULT_LIMIT, MAX_LIMIT);
      const sort = parseSort(decodeEJSON(req.order, now, 'order'));
      const project = compileProjection(decodeEJSON(req.projection, now, 'projection'));
      const found = engine.find(collection, filter, { sort, skip: offset, limit });
      const list = found.map((f) => (project ? encodeEJSON(project(f.doc)) : f.text));
      return { data: { list, limit, offset } };
    },

    calculateDocument(req, now) {
      const collection = store.collection(req.collectionName);
      return { data: { total: engine.count(collection, decodeEJSON(req.query, now, 'query') ?? {}) } };
    },

    insertDocument(req, now) {
      const collection = store.collection(req.collectionName);
      const data = Array.isArray(req.data) ? req.data : [req.data];
      if (data.length === 0) throw invalidParam('data must not be empty');
      const docs = data.map((item) => decodeEJSON(item, now, 'data'));
      const insertedIds = req.transactionId !== undefined ? transactions.insert(req.transactionId, collection.name, docs) : writer.insertMany(collection, docs);
      return { data: { insertedIds } };
    },

    modifyDocument(req, now) {
      const collection = store.collection(req.collectionName);
      const filter = decodeEJSON(req.query, now, 'query') ?? {};
      const data = decodeEJSON(req.data, now, 'data');
      const merge = req.merge !== false;
      if (req.transactionId !== undefined) {
        const id = docIdOf(filter);
        if (!merge) {
          const result = transactions.set(req.transactionId, collection.name, id, data);
          return { data: { updated: result.updated, upsert_id: result.upsertId } };
        }
        return { data: { updated: transactions.update(req.transactionId, collection.name, id, data, now) } };
      }
      const result = writer.modify(collection, { filter, data, merge, multi: req.multi === true, upsert: req.upsert === true, now });
      return { data: { updated: result.updated, matched: result.matched, upsert_id: result.upsertId } };
    },

    modifyAndReturnDoc(req, now) {
      const collection = store.collection(req.collectionName);
      const filter = decodeEJSON(req.query, now, 'query') ?? {};
      const data = decodeEJSON(req.data, now, 'data');
      if (req.transactionId !== undefined) {
        const result = transactions.updateAndReturn(req.transactionId, collection.name, docIdOf(filter), data, now);
        return { data: { updated: result.updated, doc: result.doc ? encodeEJSON(result.doc) : null } };
      }
      const result = writer.modifyAndReturn(collection, filter, data, now);
      return { data: { updated: result.updated, doc: result.doc ? encodeEJSON(result.doc) : null } };
    },

    removeDocument(req, now) {
      const collection = store.collection(req.collectionName);
      const filter = decodeEJSON(req.query, now, 'query') ?? {};
      if (req.transactionId !== undefined) {
        return { data: { deleted: transactions.remove(req.transactionId, collection.name, docIdOf(filter)) } };
      }
      return { data: { deleted: writer.remove(collection, filter, req.multi === true) } };
    },

    aggregateDocuments(req, now) {
      const collection = store.collection(req.collectionName);
      return { data: { list: aggregates.run(collection, req.stages, now).map(encodeEJSON) } };
    },

    startTransaction() {
      return { transactionId: transactions.start() };
    },

    commitTransaction(req) {
      transactions.commit(req.transactionId);
      return {};
    },

    abortTransaction(req) {
      transactions.abort(req.transactionId);
      return {};
    },

    // The SDK's legacy Transaction class (src/transaction.ts) speaks these.
    getInTransaction(req) {
      const doc = transactions.get(req.transactionId, requireName(req.collectionName), requireId(req._id));
      return { data: encodeEJSON(doc ?? null) };
    },

    updateDocInTransaction(req, now) {
      const name = requireName(req.collectionName);
      const id = requireId(req._id);
      const data = decodeEJSON(req.data, now, 'data');
      if (req.upsert === true) {
        const result = transactions.set(req.transactionId, name, id, data);
        return {
          updated: encodeEJSON(result.updated),
          upserted: result.upsertId === undefined ? undefined : JSON.stringify([{ _id: result.upsertId }]),
        };
      }
      return { updated: encodeEJSON(transactions.update(req.transactionId, name, id, data, now)) };
    },

    deleteDocInTransaction(req) {
      return { deleted: encodeEJSON(transactions.remove(req.transactionId, requireName(req.collectionName), requireId(req._id))) };
    },
  };

  const actions: Record<string, AdminHandler> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    // better-sqlite3 is synchronous: each request runs start to finish without interleaving.
    actions[`database.${name}`] = async (req) => handler(req, Date.now());
  }
  return actions;
}

function requireName(name: unknown): string {
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName is required');
  return name;
}

function requireId(id: unknown): DocId {
  if (!validId(id)) throw invalidParam('_id must be a non-empty string or a number');
  return id;
}

function nonNegative(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidParam(`${name} must be a non-negative integer`);
  return value;
}

/** Inside a transaction CloudBase only allows single-document operations addressed by `_id`. */
function docIdOf(filter: unknown): DocId {
  if (isPlainObject(filter) && Object.keys(filter).length === 1 && validId(filter._id)) return filter._id;
  throw requestFailed('only single-document operations by _id (doc().get/set/update/remove, add) are supported in a transaction');
}
