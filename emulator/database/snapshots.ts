import type Database from 'better-sqlite3';
import { decodeStored } from './codec';
import { DocId } from './documents';
import { Store } from './store';
import { Doc } from './values';

/**
 * Read-only SQLite connections pinned to the committed state when a transaction started (a WAL
 * snapshot), pooled: opening one (file, WAL index, schema) cost more than the rest of a small
 * transaction's reads together. A connection serves one transaction at a time.
 */
export interface Snapshot {
  connection: Database.Database;
  reads: Map<string, Database.Statement>;
}

const SPARE_SNAPSHOTS = 8;

export class SnapshotPool {
  private readonly spare: Snapshot[] = [];

  constructor(private readonly store: Store) {}

  /** A connection pinned to the committed state as of now: a spare one begins a new read transaction. */
  take(): Snapshot {
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
  release(snapshot: Snapshot): void {
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

  /** The document as it was in the snapshot (undefined: absent, or its collection did not exist yet). */
  read(snapshot: Snapshot, table: string, id: DocId): Doc | undefined {
    let statement = snapshot.reads.get(table);
    let row: { doc: string } | undefined;
    try {
      if (!statement) {
        statement = snapshot.connection.prepare(`SELECT doc FROM ${table} WHERE _id = ?`);
        snapshot.reads.set(table, statement);
      }
      row = statement.get(id) as { doc: string } | undefined;
    } catch (error) {
      // The collection was created after the snapshot: it held nothing then.
      if (/no such table/.test((error as Error).message)) return undefined;
      throw error;
    }
    return row && decodeStored(row.doc);
  }

  closeAll(): void {
    for (const snapshot of this.spare.splice(0)) snapshot.connection.close();
  }
}
