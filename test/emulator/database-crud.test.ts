/**
 * Documents in and out through the real @cloudbase/node-sdk: collections, add, doc().get/set/
 * update/remove, where().get/update/remove/count, value round-trips, errors CloudBase gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseHarness, rejectionOf, startDatabase } from './database-support';

let h: DatabaseHarness;
let serial = 0;

beforeAll(async () => {
  h = await startDatabase();
});
afterAll(() => h.close());

async function fresh(): Promise<string> {
  const name = `crud_${++serial}`;
  await h.db.createCollection(name);
  return name;
}

describe('collections', () => {
  test('createCollection, then a second time fails with DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const name = await fresh();
    expect(await h.db.collection(name).count()).toMatchObject({ total: 0 });
    const error = await rejectionOf(h.db.createCollection(name));
    expect(error.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  test("the project's database/collections.json: every collection exists, every unique index holds", async () => {
    const declared = JSON.parse(fs.readFileSync(path.join(__dirname, '../../database/collections.json'), 'utf8')).collections;
    expect(Object.keys(declared).length).toBeGreaterThan(0);
    for (const [name, { indexes }] of Object.entries<any>(declared)) {
      expect((await h.db.collection(name).count()).total).toBe(0);
      for (const index of indexes.filter((i: any) => i.unique)) {
        const key = Object.fromEntries(Object.keys(index.keys).map((field) => [field, `same-${index.name}`]));
        await h.db.collection(name).add({ ...key, copy: 1 });
        const error = await rejectionOf(h.db.collection(name).add({ ...key, copy: 2 }));
        expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
        expect(error.message).toContain(index.name);
        expect((await h.db.collection(name).where(key).count()).total).toBe(1);
        await h.db.collection(name).where(key).remove();
      }
    }
  });

  test('every operation on a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = h.db.collection('no_such_collection');
    const calls: Promise<unknown>[] = [
      missing.get(),
      missing.doc('x').get(),
      missing.count(),
      missing.add({ a: 1 }),
      missing.where({ a: 1 }).update({ b: 2 }),
      missing.doc('x').set({ a: 1 }),
      missing.where({ a: 1 }).remove(),
      missing.aggregate().match({}).end(),
    ];
    for (const call of calls) expect((await rejectionOf(call)).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});

describe('add', () => {
  test('add one returns a generated 32-hex id; add an array returns ids in order', async () => {
    const c = h.db.collection(await fresh());
    const one = await c.add({ n: 1 });
    expect(one.id).toMatch(/^[0-9a-f]{32}$/);
    const many = await c.add([{ n: 2 }, { n: 3 }, { _id: 'mine', n: 4 }]);
    expect(many.ids).toHaveLength(3);
    expect(many.ids![2]).toBe('mine');
    const { data } = await c.get();
    expect(data.map((d: any) => d.n)).toEqual([1, 2, 3, 4]);
  });

  test('a duplicate _id fails with DATABASE_DUPLICATE_WRITE and the whole batch is not written', async () => {
    const c = h.db.collection(await fresh());
    await c.add({ _id: 'a', n: 1 });
    const error = await rejectionOf(c.add([{ _id: 'b' }, { _id: 'a' }]));
    expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await c.count()).total).toBe(1);
  });

  test('Date, Geo.Point, nested objects, arrays, null, booleans and numbers round-trip', async () => {
    const { db } = h;
    const c = db.collection(await fresh());
    const when = new Date('2024-05-06T07:08:09.010Z');
    const value = {
      when,
      old: new Date(-86400000),
      where: new db.Geo.Point(121.47, 31.23),
      nested: { a: [1, { b: 'x' }], empty: [], nothing: null },
      flag: false,
      int: 42,
      float: 1.5,
      big: 2 ** 40,
      negative: -7,
      text: 'héllo "quoted" \\ 世界 😀',
    };
    const { id } = await c.add(value);
    const { data } = await c.doc(id!).get();
    const doc = data[0];
    expect(doc.when).toBeInstanceOf(Date);
    expect(doc.when.getTime()).toBe(when.getTime());
    expect(doc.old.getTime()).toBe(-86400000);
    expect(doc.where).toBeInstanceOf(db.Geo.Point);
    expect(doc.where).toMatchObject({ longitude: 121.47, latitude: 31.23 });
    expect(doc.nested).toEqual({ a: [1, { b: 'x' }], empty: [], nothing: null });
    expect(doc).toMatchObject({ flag: false, int: 42, float: 1.5, big: 2 ** 40, negative: -7, text: value.text });
  });

  test('field names starting with $ are refused', async () => {
    const c = h.db.collection(await fresh());
    const response = await h.raw({ action: 'database.insertDocument', collectionName: c.name, data: ['{"a":{"$bad":1}}'] });
    expect(response.code).toBe('DATABASE_REQUEST_FAILED');
  });
});

describe('doc()', () => {
  test('get of a missing id answers an empty list', async () => {
    const c = h.db.collection(await fresh());
    expect((await c.doc('nope').get()).data).toEqual([]);
  });

  test('set() replaces the whole document, keeps _id, and upserts when missing', async () => {
    const c = h.db.collection(await fresh());
    const created = await c.doc('d1').set({ a: 1, b: { c: 2 } });
    expect(created).toMatchObject({ updated: 0, upsertedId: 'd1' });
    const replaced = await c.doc('d1').set({ z: true });
    expect(replaced).toMatchObject({ updated: 1 });
    expect((await c.doc('d1').get()).data).toEqual([{ _id: 'd1', z: true }]);
  });

  test('update() merges fields with dotted-path semantics and reports updated', async () => {
    const c = h.db.collection(await fresh());
    await c.add({ _id: 'u', a: { b: 1, c: 2 }, keep: 'yes' });
    const result = await c.doc('u').update({ a: { b: 10 }, added: [1] });
    expect(result.updated).toBe(1);
    expect((await c.doc('u').get()).data[0]).toEqual({ _id: 'u', a: { b: 10, c: 2 }, keep: 'yes', added: [1] });
    // Same values again: matched but not modified.
    expect((await c.doc('u').update({ keep: 'yes' })).updated).toBe(0);
    // A missing document is not created by update().
    expect((await c.doc('missing').update({ a: 1 })).updated).toBe(0);
    expect((await c.count()).total).toBe(1);
  });

  test('remove() deletes one document', async () => {
    const c = h.db.collection(await fresh());
    await c.add([{ _id: 'r1' }, { _id: 'r2' }]);
    expect((await c.doc('r1').remove()).deleted).toBe(1);
    expect((await c.doc('r1').remove()).deleted).toBe(0);
    expect((await c.get()).data).toEqual([{ _id: 'r2' }]);
  });

  test('field() projects a single document', async () => {
    const c = h.db.collection(await fresh());
    await c.add({ _id: 'p', a: 1, b: 2, c: { d: 3, e: 4 } });
    expect((await c.doc('p').field({ a: true, 'c.d': true }).get()).data[0]).toEqual({ _id: 'p', a: 1, c: { d: 3 } });
  });
});

describe('where()', () => {
  test('update/remove/count apply to every match; multi-document writes are counted', async () => {
    const { db } = h;
    const _ = db.command;
    const c = db.collection(await fresh());
    await c.add([
      { k: 'a', n: 1 },
      { k: 'a', n: 2 },
      { k: 'b', n: 3 },
    ]);
    expect((await c.where({ k: 'a' }).count()).total).toBe(2);
    expect((await c.where({ k: 'a' }).update({ n: _.inc(10) })).updated).toBe(2);
    expect((await c.where({ k: 'a' }).get()).data.map((d: any) => d.n)).toEqual([11, 12]);
    expect((await c.where({ n: _.gte(11) }).remove()).deleted).toBe(2);
    expect((await c.get()).data.map((d: any) => d.n)).toEqual([3]);
  });

  test('updateAndReturn updates the first match and returns it', async () => {
    const { db } = h;
    const c = db.collection(await fresh());
    await c.add([
      { _id: 'x', k: 1, n: 0 },
      { _id: 'y', k: 1, n: 0 },
    ]);
    const result = await c.where({ k: 1 }).updateAndReturn({ n: db.command.inc(5) });
    expect(result.updated).toBe(1);
    expect(result.doc).toEqual({ _id: 'x', k: 1, n: 5 });
    const none = await c.where({ k: 2 }).updateAndReturn({ n: 1 });
    expect(none).toMatchObject({ updated: 0, doc: null });
  });

  test('a numeric _id is a different key from its string form', async () => {
    const c = h.db.collection(await fresh());
    await c.add([
      { _id: 1 as unknown as string, t: 'number' },
      { _id: '1', t: 'string' },
    ]);
    expect((await c.doc(1).get()).data).toEqual([{ _id: 1, t: 'number' }]);
    expect((await c.doc('1').get()).data).toEqual([{ _id: '1', t: 'string' }]);
  });
});
