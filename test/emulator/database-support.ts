import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { createDatabaseService } from '../../emulator/database';
import { AdminServer, startAdminServer } from '../../emulator/server';

/**
 * A database emulator on a free port and a real @cloudbase/node-sdk app pointed at it: the only
 * difference from the cloud is `serviceUrl`. `restart()` closes everything and reopens the same
 * data folder (durability); `close()` also deletes the folder.
 */
export type CloudbaseApp = ReturnType<typeof tcb.init>;
export type Db = ReturnType<CloudbaseApp['database']>;

export interface DatabaseHarness {
  app: CloudbaseApp;
  db: Db;
  server: AdminServer;
  dataDir: string;
  /** POSTs a raw body to /admin, as the SDK would. */
  raw(body: Record<string, unknown>): Promise<any>;
  /** Closes and reopens the same data folder (optionally with other declared collections). */
  restart(options?: Pick<DatabaseOptions, 'collections'>): Promise<DatabaseHarness>;
  close(): Promise<void>;
}

type Declared = Record<string, { indexes: { name: string; keys: Record<string, unknown>; unique?: boolean }[] }>;

/**
 * Collections the suites rely on, declared here so the tests do not move when the project's
 * database/collections.json changes (one suite checks that file separately).
 */
export const TEST_COLLECTIONS: Declared = {
  stations: {
    indexes: [
      { name: 'location_2dsphere', keys: { location: '2dsphere' } },
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      { name: 'street', keys: { street: 1 } },
    ],
  },
  users: { indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] },
  subscriptions: { indexes: [{ name: 'openid_template', keys: { openid: 1, templateId: 1 }, unique: true }] },
  cases: {
    indexes: [
      { name: 'openid_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'station_status', keys: { stationId: 1, status: 1 } },
      { name: 'receipt_unique', keys: { receiptNo: 1 }, unique: true },
    ],
  },
};

export interface DatabaseOptions {
  dataDir?: string;
  /** Collections and indexes to declare instead of the project's database/collections.json. */
  collections?: Declared;
  /** Shorter than CloudBase's 30 s, so a test can watch a transaction expire. */
  transactionLifetimeMs?: number;
}

export async function startDatabase(options: DatabaseOptions = {}): Promise<DatabaseHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'db-emulator-'));
  let collectionsFile: string | undefined;
  if (options.collections) {
    collectionsFile = path.join(dataDir, 'collections.json');
    fs.writeFileSync(collectionsFile, JSON.stringify({ collections: options.collections }));
  }
  const server = await startAdminServer([createDatabaseService({ dataDir, collectionsFile, transactionLifetimeMs: options.transactionLifetimeMs })]);
  const app = tcb.init({ env: 'local-dev', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' });
  let closed = false;
  const harness: DatabaseHarness = {
    app,
    db: app.database(),
    server,
    dataDir,
    async raw(body) {
      const res = await fetch(server.serviceUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ envName: 'local-dev', ...body }),
      });
      return res.json();
    },
    async restart(changes = {}) {
      closed = true;
      await server.close();
      return startDatabase({ ...options, ...changes, dataDir });
    },
    async close() {
      if (!closed) await server.close();
      closed = true;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Awaits a promise expected to reject and returns the error (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
