import { createHash } from 'node:crypto';
import type { InspectRoute } from '../types';
import type { Store } from './store';

/**
 * What the stored data is, as one number a test can compare: a SHA-256 over every collection
 * (by name) and every row in natural order (`_id` and the exact stored EJSON text), plus
 * SQLite's `total_changes()` of the store's connection (rows inserted, updated or deleted since
 * the emulator opened, index entries included). Equal digests before and after a call prove
 * the call left every document byte-for-byte as it was; an unchanged `changes` proves it wrote
 * nothing at all, and is the cheap check when the hash is not needed.
 */
export interface DatabaseDigest {
  sha256: string;
  /** Collections and rows hashed. */
  collections: number;
  rows: number;
  /** SQLite total_changes() on the store's only writing connection. */
  changes: number;
}

/** `GET /_emulator/database/digest` (`?hash=0`: only `changes`, without reading any row). */
export function digestRoute(store: Store): InspectRoute {
  return {
    method: 'GET',
    path: '/_emulator/database/digest',
    handle: async (query) => (query.get('hash') === '0' ? { changes: store.totalChanges() } : store.digest()),
  };
}

export function digestRows(collections: { name: string; rows: () => [id: unknown, text: string][] }[], changes: number): DatabaseDigest {
  const hash = createHash('sha256');
  let collectionCount = 0;
  let rowCount = 0;
  for (const collection of collections) {
    collectionCount += 1;
    // Length-prefixed parts: no two different contents can hash the same concatenation.
    hash.update(`C${collection.name.length}:${collection.name}\n`);
    for (const [rawId, text] of collection.rows()) {
      rowCount += 1;
      const id = JSON.stringify(rawId);
      hash.update(`R${id.length}:${id}${text.length}:`);
      hash.update(text);
    }
  }
  return { sha256: hash.digest('hex'), collections: collectionCount, rows: rowCount, changes };
}
