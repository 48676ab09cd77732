import { randomBytes } from 'node:crypto';
import { encodeEJSON } from './codec';
import { DocId, validId, withId } from './documents';
import { dbError, DbErrorCode, requestFailed } from './errors';
import { Snapshot, SnapshotPool } from './snapshots';
import { Store } from './store';
import { applyUpdate, parseUpdate } from './update-operators';
import { prepareInsert } from './writes';
import { cloneValue, Doc, isPlainObject } from './values';

/**
 * CloudBase transactions: single-document operations by `_id`, snapshot reads (see snapshots.ts),
 * writes buffered until commit. Conflicts are detected when a transaction writes, as MongoDB
 * (under CloudBase) does: the first writer of a document wins, and a later write to it — by
 * another open transaction, or over a change committed after this one started — fails with
 * DATABASE_TRANSACTION_CONFLICT and aborts the transaction; the SDK's runTransaction retries.
 * A plain write to a document a transaction has staged (MongoDB would make it wait) fails
 * that transaction at commit instead. Nothing is lost either way.
 *
 * `updated` follows the rules in writes.ts: update → documents changed; set and
 * updateAndReturn → 1 when the document existed.
 */
interface Staged {
  collection: string;
  id: DocId;
  /** null = delete. */
  doc: Doc | null;
}

interface Transaction {
  id: string;
  startSeq: number;
  startedAt: number;
  snapshot: Snapshot;
  staged: Map<string, Staged>;
}

export interface TransactionOptions {
  /** CloudBase aborts a transaction 30 s after it started; tests may shorten it. */
  lifetimeMs?: number;
  now?: () => number;
}

export const TRANSACTION_LIFETIME_MS = 30_000;

// CloudBase's own wording (the node-sdk's transaction tests assert these messages).
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  /** Document (stageKey) → the open transaction that wrote it first. */
  private readonly writers = new Map<string, string>();
  private readonly snapshots: SnapshotPool;
  private readonly lifetimeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    options: TransactionOptions = {},
  ) {
    this.snapshots = new SnapshotPool(store);
    this.lifetimeMs = options.lifetimeMs ?? TRANSACTION_LIFETIME_MS;
    this.now = options.now ?? (() => Date.now());
  }

  start(): string {
    this.expire();
    const tx: Transaction = {
      id: randomBytes(16).toString('hex'),
      startSeq: this.store.sequence,
      startedAt: this.now(),
      snapshot: this.snapshots.take(),
      staged: new Map(),
    };
    this.store.trackWrites(true);
    this.open.set(tx.id, tx);
    return tx.id;
  }

  /** The document as this transaction sees it: its own writes over the start snapshot. */
  get(txId: unknown, collection: string, id: DocId): Doc | undefined {
    return this.read(this.use(txId), collection, id);
  }

  insert(txId: unknown, collection: string, docs: unknown[]): DocId[] {
    const tx = this.use(txId);
    const prepared = docs.map(prepareInsert);
    for (const doc of prepared) {
      const id = doc._id as DocId;
      if (this.read(tx, collection, id)) {
        throw dbError(DbErrorCode.duplicateWrite, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);
      }
      this.stage(tx, collection, id, doc);
    }
    return prepared.map((doc) => doc._id as DocId);
  }

  /** set(): replace or create. */
  set(txId: unknown, collection: string, id: DocId, data: unknown): { updated: number; upsertId?: DocId } {
    const tx = this.use(txId);
    if (!isPlainObject(data)) throw requestFailed('document must be an object');
    const existing = this.read(tx, collection, id);
    const next = withId(cloneValue(data), id);
    if (!existing || encodeEJSON(existing) !== encodeEJSON(next)) this.stage(tx, collection, id, next);
    return existing ? { updated: 1 } : { updated: 0, upsertId: id };
  }

  /** update(): the number of documents changed (0 when the operators change nothing). */
  update(txId: unknown, collection: string, id: DocId, data: unknown, now: number): number {
    return this.modify(txId, collection, id, data, now).changed ? 1 : 0;
  }

  /** updateAndReturn(): `updated` is 1 whenever the document exists, as for findAndModify. */
  updateAndReturn(txId: unknown, collection: string, id: DocId, data: unknown, now: number): { updated: number; doc: Doc | null } {
    const { doc } = this.modify(txId, collection, id, data, now);
    return { updated: doc ? 1 : 0, doc };
  }

  remove(txId: unknown, collection: string, id: DocId): number {
    const tx = this.use(txId);
    if (!this.read(tx, collection, id)) return 0;
    this.stage(tx, collection, id, null);
    return 1;
  }

  commit(txId: unknown): void {
    const tx = this.use(txId);
    for (const staged of tx.staged.values()) this.checkCommitted(tx, staged.collection, staged.id);
    try {
      this.store.transaction(() => {
        for (const { collection: name, id, doc } of tx.staged.values()) {
          const collection = this.store.collection(name);
          const current = this.store.findById(collection, id);
          if (doc === null) {
            if (current) this.store.remove(collection, current);
          } else if (current) this.store.replace(collection, current, doc);
          else this.store.insert(collection, doc);
        }
      });
    } finally {
      this.finish(tx);
    }
  }

  abort(txId: unknown): void {
    this.finish(this.use(txId));
  }

  closeAll(): void {
    for (const tx of [...this.open.values()]) this.finish(tx);
    this.snapshots.closeAll();
  }

  private modify(txId: unknown, collection: string, id: DocId, data: unknown, now: number): { doc: Doc | null; changed: boolean } {
    const tx = this.use(txId);
    const spec = parseUpdate(data);
    const existing = this.read(tx, collection, id);
    if (!existing) return { doc: null, changed: false };
    const next = cloneValue(existing);
    applyUpdate(next, spec, { inserting: false, now });
    // Like MongoDB, an update that changes nothing writes nothing (and so cannot conflict).
    const changed = encodeEJSON(next) !== encodeEJSON(existing);
    if (changed) this.stage(tx, collection, id, next);
    return { doc: next, changed };
  }

  /** An open, unexpired transaction; CloudBase answers TransactionNotExist for anything else. */
  private use(txId: unknown): Transaction {
    this.expire();
    const tx = typeof txId === 'string' ? this.open.get(txId) : undefined;
    if (!tx) throw dbError(DbErrorCode.transactionFail, NOT_EXIST_MESSAGE);
    return tx;
  }

  private read(tx: Transaction, collection: string, id: DocId): Doc | undefined {
    const table = this.store.collection(collection).table;
    if (!validId(id)) throw requestFailed('_id must be a non-empty string or a number');
    const staged = tx.staged.get(stageKey(collection, id));
    if (staged) return staged.doc ?? undefined;
    return this.snapshots.read(tx.snapshot, table, id);
  }

  /** First writer wins: a document another open transaction wrote, or one changed since we started, is a conflict. */
  private stage(tx: Transaction, collection: string, id: DocId, doc: Doc | null): void {
    const key = stageKey(collection, id);
    const writer = this.writers.get(key);
    if (writer !== undefined && writer !== tx.id) this.conflict(tx);
    this.checkCommitted(tx, collection, id);
    this.writers.set(key, tx.id);
    tx.staged.set(key, { collection, id, doc });
  }

  private checkCommitted(tx: Transaction, collection: string, id: DocId): void {
    if (this.store.lastWrite(collection, id) > tx.startSeq) this.conflict(tx);
  }

  /** MongoDB aborts a transaction on a write conflict; so does CloudBase. */
  private conflict(tx: Transaction): never {
    this.finish(tx);
    throw dbError(DbErrorCode.transactionConflict, CONFLICT_MESSAGE);
  }

  private finish(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    for (const key of tx.staged.keys()) if (this.writers.get(key) === tx.id) this.writers.delete(key);
    try {
      this.snapshots.release(tx.snapshot);
    } finally {
      this.store.trackWrites(false);
    }
  }

  /** Transactions past their lifetime are aborted, as CloudBase does after 30 s. */
  private expire(): void {
    const now = this.now();
    for (const tx of [...this.open.values()]) if (now - tx.startedAt > this.lifetimeMs) this.finish(tx);
  }
}

function stageKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${id}`;
}
