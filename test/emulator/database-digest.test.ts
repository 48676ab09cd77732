/**
 * `GET /_emulator/database/digest`: a hash over every stored row and SQLite's change counter,
 * so a suite can prove that a call changed nothing. Each case shows the digest moves with the
 * smallest real change (one byte, one document, a failed write rolled back does not move it).
 */
import { DatabaseHarness, rejectionOf, startDatabase } from './database-support';

let h: DatabaseHarness;

beforeAll(async () => {
  h = await startDatabase();
  await h.db.createCollection('digest_a');
  await h.db.createCollection('digest_b');
  await h.db.collection('digest_a').add([
    { _id: 'a1', text: 'hello', n: 1 },
    { _id: 'a2', text: '你好', n: 2 },
  ]);
});
afterAll(() => h.close());

interface Digest {
  sha256: string;
  collections: number;
  rows: number;
  changes: number;
}

async function digest(query = ''): Promise<Digest> {
  const res = await fetch(`${h.server.url}/_emulator/database/digest${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Digest;
}

test('reads leave the digest and the change counter as they were', async () => {
  const before = await digest();
  expect(before.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(before.rows).toBeGreaterThanOrEqual(2);
  await h.db.collection('digest_a').where({ n: 1 }).get();
  await h.db.collection('digest_a').doc('a2').get();
  await h.db.collection('digest_b').count();
  expect(await digest()).toEqual(before);
});

test('a one-byte change moves the hash and the counter; writing the same value back restores the hash', async () => {
  const before = await digest();
  await h.db.collection('digest_a').doc('a1').update({ text: 'hellp' });
  const changed = await digest();
  expect(changed.sha256).not.toBe(before.sha256);
  expect(changed.changes).toBeGreaterThan(before.changes);
  await h.db.collection('digest_a').doc('a1').update({ text: 'hello' });
  const restored = await digest();
  expect(restored.sha256).toBe(before.sha256);
  expect(restored.changes).toBeGreaterThan(changed.changes);
});

test('an update to the value already stored writes nothing', async () => {
  const before = await digest();
  await h.db.collection('digest_a').doc('a1').update({ text: 'hello' });
  expect(await digest()).toEqual(before);
});

test('a document added to an empty collection, and a new collection, move the hash', async () => {
  const before = await digest();
  await h.db.collection('digest_b').add({ _id: 'b1', text: 'hello' });
  const added = await digest();
  expect(added.sha256).not.toBe(before.sha256);
  expect(added.rows).toBe(before.rows + 1);
  await h.db.createCollection('digest_c');
  const created = await digest();
  expect(created.sha256).not.toBe(added.sha256);
  expect(created.collections).toBe(added.collections + 1);
});

test('the same document in another collection is another digest (rows are keyed by collection)', async () => {
  await h.db.collection('digest_b').doc('b1').remove();
  const inA = await digest();
  await h.db.collection('digest_a').doc('a1').remove();
  await h.db.collection('digest_b').add({ _id: 'a1', text: 'hello', n: 1 });
  const inB = await digest();
  expect(inB.rows).toBe(inA.rows);
  expect(inB.sha256).not.toBe(inA.sha256);
});

test('a refused write (duplicate _id) changes nothing', async () => {
  const before = await digest();
  const error = await rejectionOf(h.db.collection('digest_a').add({ _id: 'a2', text: 'again' }));
  expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await digest()).toEqual(before);
});

test('?hash=0 answers only the change counter', async () => {
  const full = await digest();
  expect(await digest('?hash=0')).toEqual({ changes: full.changes });
  await h.db.collection('digest_a').doc('a2').update({ n: 3 });
  expect((await digest('?hash=0')).changes).toBeGreaterThan(full.changes);
});
