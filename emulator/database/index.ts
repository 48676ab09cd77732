import fs from 'node:fs';
import path from 'node:path';
import type { EmulatorService } from '../types';
import { createActions } from './actions';
import { digestRoute } from './digest';
import { AggregateRunner } from './aggregate';
import { QueryEngine } from './query-engine';
import { IndexSpec, Store } from './store';
import { TransactionManager } from './transactions';
import { Writer } from './writes';

/**
 * The database half of the local CloudBase emulator: `database.*` actions over an embedded,
 * file-backed SQLite store (`<dataDir>/database.sqlite`), collections and indexes from
 * `database/collections.json`.
 */
export interface DatabaseServiceOptions {
  dataDir: string;
  /** Default: `<repo>/database/collections.json`. */
  collectionsFile?: string;
  /** How long a transaction may live; CloudBase's 30 s by default (tests shorten it). */
  transactionLifetimeMs?: number;
}

export interface DatabaseService extends EmulatorService {
  close(): void;
  /** The SQLite file, for tools and benchmarks. */
  readonly file: string;
}

export const DEFAULT_COLLECTIONS_FILE = path.resolve(__dirname, '..', '..', 'database', 'collections.json');

export function createDatabaseService(options: DatabaseServiceOptions): DatabaseService {
  const store = new Store(options.dataDir, readDeclaredIndexes(options.collectionsFile ?? DEFAULT_COLLECTIONS_FILE));
  const engine = new QueryEngine(store);
  const writer = new Writer(store, engine);
  const transactions = new TransactionManager(store, { lifetimeMs: options.transactionLifetimeMs });
  const aggregates = new AggregateRunner(store, engine);
  return {
    actions: createActions({ store, engine, writer, transactions, aggregates }),
    routes: [digestRoute(store)],
    file: store.file,
    close() {
      transactions.closeAll();
      store.close();
    },
  };
}

/** `{ collections: { name: { indexes: [{ name, keys, unique? }] } } }` → name → indexes. */
export function readDeclaredIndexes(file: string): Record<string, IndexSpec[]> {
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { collections?: Record<string, { indexes?: IndexSpec[] }> };
  const out: Record<string, IndexSpec[]> = {};
  for (const [name, collection] of Object.entries(config.collections ?? {})) out[name] = collection.indexes ?? [];
  return out;
}

export { DEFAULT_LIMIT, MAX_LIMIT } from './actions';
