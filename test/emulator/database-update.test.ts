/**
 * Update operators through the real SDK (`db.command.*`), serverDate, and all-or-nothing
 * multi-document updates.
 */
import { DatabaseHarness, rejectionOf, startDatabase, TEST_COLLECTIONS } from './database-support';

let h: DatabaseHarness;
let serial = 0;

beforeAll(async () => {
  h = await startDatabase({ collections: TEST_COLLECTIONS });
});
afterAll(() => h.close());

/** A fresh collection holding one document `d`; returns a function reading it back. */
async function withDoc(doc: Record<string, unknown>) {
  const name = `upd_${++serial}`;
  await h.db.createCollection(name);
  await h.db.collection(name).add({ _id: 'd', ...doc });
  const ref = h.db.collection(name).doc('d');
  return {
    ref,
    collection: h.db.collection(name),
    read: async () => (await ref.get()).data[0],
  };
}

test('set replaces a field (objects included); remove() unsets', async () => {
  const _ = h.db.command;
  const { ref, read } = await withDoc({ a: { x: 1, y: 2 }, b: 1, c: 'gone' });
  await ref.update({ a: _.set({ z: 3 }), c: _.remove() });
  expect(await read()).toEqual({ _id: 'd', a: { z: 3 }, b: 1 });
});

test('inc and mul, creating missing fields', async () => {
  const _ = h.db.command;
  const { ref, read } = await withDoc({ n: 5, m: 3 });
  await ref.update({ n: _.inc(2.5), m: _.mul(4), fresh: _.inc(7), zero: _.mul(3), 'deep.count': _.inc(1) });
  expect(await read()).toEqual({ _id: 'd', n: 7.5, m: 12, fresh: 7, zero: 0, deep: { count: 1 } });
});

test('inc on a non-number fails and changes nothing', async () => {
  const _ = h.db.command;
  const { ref, read } = await withDoc({ s: 'text', n: 1 });
  const error = await rejectionOf(ref.update({ n: _.inc(1), s: _.inc(1) }));
  expect(error.code).toBe('DATABASE_REQUEST_FAILED');
  expect(await read()).toEqual({ _id: 'd', s: 'text', n: 1 });
});

test('push: values, each/position/slice/sort; unshift, pop, shift', async () => {
  const _ = h.db.command;
  const { ref, read } = await withDoc({ a: [1, 2], b: [5, 1, 4], c: [1, 2, 3], d: [1, 2, 3] });
  await ref.update({ a: _.push(3, 4), fresh: _.push('x') });
  expect((await read()).a).toEqual([1, 2, 3, 4]);
  expect((await read()).fresh).toEqual(['x']);
  await ref.update({ a: _.push({ each: [0], position: 0 }) });
  expect((await read()).a).toEqual([0, 1, 2, 3, 4]);
  await ref.update({ a: _.push({ each: [9], slice: -3 }), b: _.push({ each: [3], sort: 1 }) });
  expect((await read()).a).toEqual([3, 4, 9]);
  expect((await read()).b).toEqual([1, 3, 4, 5]);
  await ref.update({ a: _.unshift(-1, -2), c: _.pop(), d: _.shift() });
  const doc = await read();
  expect(doc.a).toEqual([-1, -2, 3, 4, 9]);
  expect(doc.c).toEqual([1, 2]);
  expect(doc.d).toEqual([2, 3]);
});

test('push onto a non-array fails', async () => {
  const _ = h.db.command;
  const { ref } = await withDoc({ s: 'x' });
  expect((await rejectionOf(ref.update({ s: _.push(1) }))).code).toBe('DATABASE_REQUEST_FAILED');
});

test('pull by value, by condition and by sub-document query; pullAll; addToSet', async () => {
  const _ = h.db.command;
  const { ref, read } = await withDoc({
    a: [1, 2, 3, 2],
    b: [1, 5, 8, 10],
    c: [
      { k: 1, v: 'x' },
      { k: 2, v: 'y' },
      { k: 1, v: 'z' },
    ],
    d: [1, 2, 3, 4],
    e: ['a'],
  });
  await ref.update({ a: _.pull(2), b: _.pull(_.gte(8)), c: _.pull({ k: 1 }), d: _.pullAll([1, 4]), e: _.addToSet('a') });
  let doc = await read();
  expect(doc).toMatchObject({ a: [1, 3], b: [1, 5], c: [{ k: 2, v: 'y' }], d: [2, 3], e: ['a'] });
  // CloudBase's documented form is addToSet({ $each: [...] }) (push takes `each` without $).
  await ref.update({ e: _.addToSet({ $each: ['b', 'a', 'c'] }) });
  doc = await read();
  expect(doc.e).toEqual(['a', 'b', 'c']);
});

test('rename, min, max', async () => {
  const _ = h.db.command;
  const { ref, read } = await withDoc({ old: 1, lo: 5, hi: 5, when: new Date(1000) });
  await ref.update({ old: _.rename('renamed'), lo: _.min(3), hi: _.max(3), when: _.max(new Date(2000)) });
  const doc = await read();
  expect(doc).toEqual({ _id: 'd', renamed: 1, lo: 3, hi: 5, when: new Date(2000) });
  await ref.update({ lo: _.min(10), hi: _.max(10) });
  expect(await read()).toMatchObject({ lo: 3, hi: 10 });
});

test('nested objects in update() merge by dotted path; arrays are addressed by index', async () => {
  const { ref, read } = await withDoc({ profile: { name: 'a', address: { city: 'SH', zip: '200000' } }, list: [{ v: 1 }, { v: 2 }] });
  await ref.update({ profile: { address: { city: 'BJ' } }, 'list.1.v': 20 });
  expect(await read()).toEqual({ _id: 'd', profile: { name: 'a', address: { city: 'BJ', zip: '200000' } }, list: [{ v: 1 }, { v: 20 }] });
});

test('serverDate() and serverDate({offset}) resolve to the server clock at write time', async () => {
  const { db } = h;
  const before = Date.now();
  const { ref, read, collection } = await withDoc({});
  await ref.update({ at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
  const doc = await read();
  expect(doc.at).toBeInstanceOf(Date);
  expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
  expect(doc.at.getTime()).toBeLessThanOrEqual(Date.now());
  expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
  const { id } = await collection.add({ createdAt: db.serverDate() });
  const added = (await collection.doc(id!).get()).data[0];
  expect(added.createdAt).toBeInstanceOf(Date);
  // serverDate in a query, too.
  expect((await collection.where({ createdAt: db.command.lte(db.serverDate()) }).count()).total).toBe(1);
});

test('an update touching conflicting paths fails', async () => {
  const response = await h.raw({
    action: 'database.modifyDocument',
    collectionName: 'stations',
    queryType: 'WHERE',
    query: '{}',
    data: '{"$set":{"a":1},"$inc":{"a.b":1}}',
    multi: true,
    merge: true,
  });
  expect(response.code).toBe('DATABASE_REQUEST_FAILED');
  expect(response.message).toContain('conflict');
});

test('an unknown update operator fails with DATABASE_INVALID_OPERRATOR', async () => {
  const { collection } = await withDoc({ a: 1 });
  const error = await rejectionOf(
    collection
      .options({ raw: true })
      .where({})
      .update({ $frobnicate: { a: 1 } }),
  );
  expect(error.code).toBe('DATABASE_INVALID_OPERRATOR');
});

test('a multi-document update is all or nothing', async () => {
  const _ = h.db.command;
  const name = `upd_${++serial}`;
  await h.db.createCollection(name);
  const c = h.db.collection(name);
  await c.add([{ n: 1 }, { n: 2 }, { n: 'three' }, { n: 4 }]);
  const error = await rejectionOf(c.where({}).update({ n: _.inc(10) }));
  expect(error.code).toBe('DATABASE_REQUEST_FAILED');
  expect((await c.get()).data.map((d: any) => d.n)).toEqual([1, 2, 'three', 4]);
});

test('a unique index violation on update writes nothing', async () => {
  const c = h.db.collection('users');
  await c.add([
    { openid: 'o1', n: 1 },
    { openid: 'o2', n: 2 },
    { openid: 'o3', n: 3 },
  ]);
  const error = await rejectionOf(c.where({ openid: h.db.command.in(['o2', 'o3']) }).update({ openid: 'o1' }));
  expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect(error.message).toContain('openid_unique');
  expect((await c.orderBy('n', 'asc').get()).data.map((d: any) => d.openid)).toEqual(['o1', 'o2', 'o3']);
  const insert = await rejectionOf(c.add({ openid: 'o2' }));
  expect(insert.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await c.count()).total).toBe(3);
});

test('a compound unique index accepts distinct pairs and refuses a repeated pair', async () => {
  const c = h.db.collection('subscriptions');
  await c.add([
    { openid: 'a', templateId: 't1' },
    { openid: 'a', templateId: 't2' },
    { openid: 'b', templateId: 't1' },
  ]);
  expect((await rejectionOf(c.add({ openid: 'a', templateId: 't1' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await c.count()).total).toBe(3);
});

describe('what `updated` counts (CloudBase: update counts changes; set and updateAndReturn count the document)', () => {
  test('update() with the values already stored answers 0, with matched 1', async () => {
    const { ref, collection } = await withDoc({ n: 1 });
    expect((await ref.update({ n: 1 })).updated).toBe(0);
    expect((await collection.where({ n: 1 }).update({ n: 1 })).updated).toBe(0);
    const raw = await h.raw({
      action: 'database.modifyDocument',
      collectionName: collection.name,
      queryType: 'DOC',
      query: '{"_id":"d"}',
      data: '{"$set":{"n":{"$numberInt":"1"}}}',
      merge: true,
    });
    expect(raw.data).toMatchObject({ updated: 0, matched: 1 });
  });

  test('doc().set() with identical content answers 1 (node-sdk geo.test.ts "GEO Point - CRUD")', async () => {
    const point = new h.db.Geo.Point(-180, 20);
    const data = { point, pointArr: [point, point], due: new Date('2018-09-01'), int: 100 };
    const name = `upd_${++serial}`;
    await h.db.createCollection(name);
    const { id } = (await h.db.collection(name).add(data)) as { id: string };
    expect((await h.db.collection(name).doc(id).set(data)).updated).toBe(1);
  });

  test('updateAndReturn with the same value answers 1 and the document', async () => {
    const { collection } = await withDoc({ n: 1 });
    const result = await collection.where({ n: 1 }).updateAndReturn({ n: 1 });
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'd', n: 1 } });
  });
});
