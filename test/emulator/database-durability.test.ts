/**
 * Data survives: a restart keeps documents and indexes, an acknowledged write survives a
 * SIGKILL of the emulator process, and concurrent writers never lose an update.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { createDatabaseService } from '../../emulator/database';
import { DatabaseHarness, rejectionOf, startDatabase, TEST_COLLECTIONS } from './database-support';

const repoRoot = path.resolve(__dirname, '..', '..');

test('documents, unique indexes and geo indexes survive a restart', async () => {
  let h: DatabaseHarness = await startDatabase({ collections: TEST_COLLECTIONS });
  try {
    const { db } = h;
    await db.collection('users').add([{ openid: 'o1', at: new Date(1234) }, { openid: 'o2' }]);
    await db.collection('stations').add({ code: 'S', location: new db.Geo.Point(121, 31) });
    await db.createCollection('extra');
    await db.collection('extra').add({ _id: 'e', n: 1 });
    await db
      .collection('extra')
      .doc('e')
      .update({ n: db.command.inc(1) });
    h = await h.restart();
    const again = h.db;
    expect((await again.collection('users').where({ openid: 'o1' }).get()).data[0].at).toEqual(new Date(1234));
    expect((await again.collection('extra').doc('e').get()).data).toEqual([{ _id: 'e', n: 2 }]);
    expect((await rejectionOf(again.collection('users').add({ openid: 'o2' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    const near = await again
      .collection('stations')
      .where({ location: again.command.geoNear({ geometry: new again.Geo.Point(121.001, 31), maxDistance: 1000 }) })
      .get();
    expect(near.data.map((d: any) => d.code)).toEqual(['S']);
    expect(fs.existsSync(path.join(h.dataDir, 'database.sqlite'))).toBe(true);
  } finally {
    await h.close();
  }
});

test('an index declared later is built over existing documents on open', async () => {
  let h = await startDatabase({ collections: { things: { indexes: [] } } });
  try {
    await h.db.collection('things').add([{ k: 'a' }, { k: 'b' }]);
    h = await h.restart({ collections: { things: { indexes: [{ name: 'k_unique', keys: { k: 1 }, unique: true }] } } });
    expect((await rejectionOf(h.db.collection('things').add({ k: 'a' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await h.db.collection('things').where({ k: 'b' }).get()).data).toHaveLength(1);
  } finally {
    await h.close();
  }
  // Existing duplicates make a unique index impossible: opening fails loudly.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-emulator-'));
  const config = path.join(dir, 'c.json');
  fs.writeFileSync(config, JSON.stringify({ collections: { t: { indexes: [] } } }));
  const service = createDatabaseService({ dataDir: dir, collectionsFile: config });
  await service.actions['database.insertDocument']({ action: 'database.insertDocument', collectionName: 't', data: ['{"k":1}', '{"k":1}'] });
  service.close();
  fs.writeFileSync(config, JSON.stringify({ collections: { t: { indexes: [{ name: 'k', keys: { k: 1 }, unique: true }] } } }));
  expect(() => createDatabaseService({ dataDir: dir, collectionsFile: config })).toThrow(/duplicate key/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an acknowledged write survives SIGKILL of the emulator process', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-emulator-kill-'));
  const collectionsFile = path.join(dataDir, 'collections.json');
  fs.writeFileSync(collectionsFile, JSON.stringify({ collections: { events: { indexes: [{ name: 'seq', keys: { seq: 1 }, unique: true }] } } }));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulator/database-child.ts', dataDir, collectionsFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 20_000;
    while (!/serviceUrl (\S+)/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`child did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const serviceUrl = /serviceUrl (\S+)/.exec(output)![1];
    const db = tcb.init({ env: 'local-dev', serviceUrl, secretId: 'local', secretKey: 'local' }).database();
    for (let seq = 0; seq < 100; seq++) await db.collection('events').add({ seq });
    await db
      .collection('events')
      .where({ seq: db.command.lt(10) })
      .update({ touched: true });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const h = await startDatabase({ dataDir, collections: { events: { indexes: [{ name: 'seq', keys: { seq: 1 }, unique: true }] } } });
    try {
      expect((await h.db.collection('events').count()).total).toBe(100);
      expect((await h.db.collection('events').where({ touched: true }).count()).total).toBe(10);
      expect((await rejectionOf(h.db.collection('events').add({ seq: 99 }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    } finally {
      await h.close();
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

describe('concurrent writers', () => {
  let h: DatabaseHarness;
  beforeAll(async () => {
    h = await startDatabase({ collections: TEST_COLLECTIONS });
  });
  afterAll(() => h.close());

  test('50 parallel inc on one document count exactly', async () => {
    const { db } = h;
    await db.createCollection('counters');
    await db.collection('counters').add({ _id: 'c', n: 0 });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db
          .collection('counters')
          .doc('c')
          .update({ n: db.command.inc(1) }),
      ),
    );
    expect((await db.collection('counters').doc('c').get()).data[0].n).toBe(50);
  });

  test('50 parallel inserts of one unique key: exactly one wins', async () => {
    const { db } = h;
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => db.collection('users').add({ openid: 'same', i })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection('users').where({ openid: 'same' }).count()).total).toBe(1);
  });

  test('parallel batch inserts and multi-document updates interleave without loss', async () => {
    const { db } = h;
    await db.createCollection('bulk');
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.collection('bulk').add(Array.from({ length: 50 }, (__, j) => ({ batch: i, j, n: 0 })))));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db
          .collection('bulk')
          .where({ j: db.command.lt(5) })
          .update({ n: db.command.inc(1) }),
      ),
    );
    expect((await db.collection('bulk').count()).total).toBe(1000);
    const { data } = await db
      .collection('bulk')
      .where({ j: db.command.lt(5) })
      .limit(1000)
      .get();
    expect(data).toHaveLength(100);
    expect(data.every((d: any) => d.n === 10)).toBe(true);
  });
});
