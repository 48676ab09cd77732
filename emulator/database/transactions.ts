import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { decodeStored } from './codec';
import { DocId, validId, withId } from './documents';
import { dbError, DbErrorCode, requestFailed } from './errors';
import { Store } from './store';
import { applyUpdate, parseUpdate } from './update-operators';
import { prepareInsert } from './writes';
import { cloneValue, Doc, isPlainObject } from './values';

/**
 * CloudBase transactions: single-document operations by `_id`, snapshot reads (a read-only
 * SQLite connection pinned to the WAL state at start), writes buffered until commit.
 * Optimistic concurrency: if a document this transaction writes was written by anyone else
 * after it started, the write (or the commit) fails with DATABASE_TRANSACTION_CONFLICT and the
 * transaction is aborted; the SDK's runTransaction retries on that code. Nothing is lost.
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
  snapshot: Snapshot;
  staged: Map<string, Staged>;
  lastUsed: number;
}

/** A read-only connection and its prepared reads: reused by later transactions, never by two at once. */
interface Snapshot {
  connection: Database.Database;
  reads: Map<string, Database.Statement>;
}

// Idle transactions are aborted after this long (MongoDB's default lifetime is 60 s).
const IDLE_TIMEOUT_MS = 5 * 60_000;
/**
 * Read-only connections kept for the next transactions: opening one (file, WAL index, schema)
 * cost more than the rest of a small transaction's reads together.
 */
const SPARE_SNAPSHOTS = 8;

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  private readonly spare: Snapshot[] = [];

  constructor(private readonly store: Store) {}

  start(): string {
    this.expireIdle();
    const tx: Transaction = {
      id: randomBytes(16).toString('hex'),
      startSeq: this.store.sequence,
      snapshot: this.takeSnapshot(),
      staged: new Map(),
      lastUsed: Date.now(),
    };
    this.store.trackWrites(true);
    this.open.set(tx.id, tx);
    return tx.id;
  }

  /** The document as this transaction sees it: its own writes over the start snapshot. */
  get(txId: unknown, collection: string, id: DocId): Doc | undefined {
    const tx = this.use(txId);
    return this.read(tx, collection, id);
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
    this.stage(tx, collection, id, withId(cloneValue(data), id));
    return existing ? { updated: 1 } : { updated: 0, upsertId: id };
  }

  update(txId: unknown, collection: string, id: DocId, data: unknown, now: number): number {
    const tx = this.use(txId);
    const spec = parseUpdate(data);
    const existing = this.read(tx, collection, id);
    if (!existing) return 0;
    const next = cloneValue(existing);
    applyUpdate(next, spec, { inserting: false, now });
    this.stage(tx, collection, id, next);
    return 1;
  }

  remove(txId: unknown, collection: string, id: DocId): number {
    const tx = this.use(txId);
    if (!this.read(tx, collection, id)) return 0;
    this.stage(tx, collection, id, null);
    return 1;
  }

  commit(txId: unknown): void {
    const tx = this.use(txId);
    for (const staged of tx.staged.values()) this.checkConflict(tx, staged.collection, staged.id);
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
    for (const snapshot of this.spare.splice(0)) snapshot.connection.close();
  }

  /** A connection pinned to the committed state as of now: a spare one begins a new read transaction. */
  private takeSnapshot(): Snapshot {
    const spare = this.spare.pop();
    if (!spare) return { connection: this.store.openSnapshot(), reads: new Map() };
    try {
      spare.connection.exec('BEGIN');
      // A read starts SQLite's read transaction: from here on the connection sees this state only.
      spare.connection.prepare('SELECT COUNT(*) FROM _collections').get();
      return spare;
    } catch (error) {
      spare.connection.close();
      throw error;
    }
  }

  /** Ends the snapshot's read transaction and keeps the connection for the next one (or closes it). */
  private releaseSnapshot(snapshot: Snapshot): void {
    if (this.spare.length >= SPARE_SNAPSHOTS || !snapshot.connection.open) {
      snapshot.connection.close();
      return;
    }
    try {
      if (snapshot.connection.inTransaction) snapshot.connection.exec('ROLLBACK');
      this.spare.push(snapshot);
    } catch {
      snapshot.connection.close();
    }
  }

  private readStatement(snapshot: Snapshot, table: string): Database.Statement {
    let statement = snapshot.reads.get(table);
    if (!statement) {
      statement = snapshot.connection.prepare(`SELECT doc FROM ${table} WHERE _id = ?`);
      snapshot.reads.set(table, statement);
    }
    return statement;
  }

  private use(txId: unknown): Transaction {
    const tx = typeof txId === 'string' ? this.open.get(txId) : undefined;
    if (!tx) throw dbError(DbErrorCode.transactionFail, `transaction ${String(txId)} does not exist, was committed, aborted or expired`);
    tx.lastUsed = Date.now();
    return tx;
  }

  private read(tx: Transaction, collection: string, id: DocId): Doc | undefined {
    const table = this.store.collection(collection).table;
    if (!validId(id)) throw requestFailed('_id must be a non-empty string or a number');
    const staged = tx.staged.get(stageKey(collection, id));
    if (staged) return staged.doc ?? undefined;
    let row: { doc: string } | undefined;
    try {
      row = this.readStatement(tx.snapshot, table).get(id) as { doc: string } | undefined;
    } catch (error) {
      // The collection was created after the snapshot: it held nothing then.
      if (/no such table/.test((error as Error).message)) return undefined;
      throw error;
    }
    return row && decodeStored(row.doc);
  }

  private stage(tx: Transaction, collection: string, id: DocId, doc: Doc | null): void {
    this.checkConflict(tx, collection, id);
    tx.staged.set(stageKey(collection, id), { collection, id, doc });
  }

  private checkConflict(tx: Transaction, collection: string, id: DocId): void {
    if (this.store.lastWrite(collection, id) > tx.startSeq) {
      this.finish(tx);
      throw dbError(
        DbErrorCode.transactionConflict,
        `database transaction conflict: ${collection}/${String(id)} was written by another operation after the transaction started; the transaction was aborted`,
      );
    }
  }

  private finish(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    try {
      this.releaseSnapshot(tx.snapshot);
    } finally {
      this.store.trackWrites(false);
    }
  }

  private expireIdle(): void {
    const now = Date.now();
    for (const tx of [...this.open.values()]) if (now - tx.lastUsed > IDLE_TIMEOUT_MS) this.finish(tx);
  }
}

function stageKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${id}`;
}
