/**
 * Query semantics through the real SDK: every command operator, MongoDB array/dotted-path rules,
 * ordering, paging caps, projection — and that index-narrowed plans never change a result.
 */
import { DatabaseHarness, rejectionOf, startDatabase } from './database-support';

let h: DatabaseHarness;

const PEOPLE = [
  {
    _id: 'p1',
    name: 'Ann',
    age: 30,
    city: 'Shanghai',
    tags: ['a', 'b'],
    born: new Date('1994-01-01'),
    scores: [80, 95],
    items: [
      { x: 1, y: 'p' },
      { x: 2, y: 'q' },
    ],
  },
  { _id: 'p2', name: 'bob', age: 25, city: 'Beijing', tags: ['b'], born: new Date('1999-06-01'), scores: [60], items: [{ x: 3, y: 'p' }] },
  { _id: 'p3', name: 'Cid', age: 35, city: 'Shanghai', tags: [], born: new Date('1989-03-01'), scores: [], items: [] },
  { _id: 'p4', name: 'dan', age: null, city: 'Hangzhou', tags: ['c', ['a']], scores: [70, 85] },
  { _id: 'p5', name: 'Eve', age: '40', city: 'Shanghai', tags: 'a', nested: { deep: { v: 1 } } },
  { _id: 'p6', name: 'fay', city: 'Beijing', tags: ['a', 'c'], age: 30, nested: { deep: { v: 2 } } },
];

beforeAll(async () => {
  h = await startDatabase();
  await h.db.createCollection('people');
  await h.db.collection('people').add(PEOPLE);
});
afterAll(() => h.close());

async function ids(query: object, collection = 'people'): Promise<string[]> {
  const { data } = await h.db.collection(collection).where(query).get();
  return data.map((d: any) => d._id);
}

async function rawIds(query: object): Promise<string[]> {
  const { data } = await h.db.collection('people').options({ raw: true }).where(query).get();
  return data.map((d: any) => d._id);
}

describe('comparison', () => {
  test('eq / neq, with null matching null and missing', async () => {
    const _ = h.db.command;
    expect(await ids({ city: 'Shanghai' })).toEqual(['p1', 'p3', 'p5']);
    expect(await ids({ city: _.eq('Beijing') })).toEqual(['p2', 'p6']);
    expect(await ids({ city: _.neq('Shanghai') })).toEqual(['p2', 'p4', 'p6']);
    expect(await ids({ age: _.eq(null) })).toEqual(['p4']);
    expect(await ids({ born: _.eq(null) })).toEqual(['p4', 'p5', 'p6']);
    expect(await ids({ born: _.neq(null) })).toEqual(['p1', 'p2', 'p3']);
  });

  test('gt/gte/lt/lte compare within a type only (numbers never match strings)', async () => {
    const _ = h.db.command;
    expect(await ids({ age: _.gt(29) })).toEqual(['p1', 'p3', 'p6']);
    expect(await ids({ age: _.gte(30).and(_.lt(35)) })).toEqual(['p1', 'p6']);
    expect(await ids({ age: _.lte(25) })).toEqual(['p2']);
    expect(await ids({ age: _.gt('3') })).toEqual(['p5']);
    expect(await ids({ name: _.lt('a') })).toEqual(['p1', 'p3', 'p5']);
  });

  test('dates compare as dates', async () => {
    const _ = h.db.command;
    expect(await ids({ born: _.gt(new Date('1990-01-01')) })).toEqual(['p1', 'p2']);
    expect(await ids({ born: _.lt(new Date('1990-01-01')) })).toEqual(['p3']);
    expect(await ids({ born: new Date('1999-06-01') })).toEqual(['p2']);
    expect(await ids({ born: _.gt(0) })).toEqual([]);
  });

  test('in / nin, including null and regular expressions in the list', async () => {
    const _ = h.db.command;
    expect(await ids({ city: _.in(['Beijing', 'Hangzhou']) })).toEqual(['p2', 'p4', 'p6']);
    expect(await ids({ city: _.nin(['Shanghai', 'Beijing']) })).toEqual(['p4']);
    expect(await ids({ age: _.in([null, 25]) })).toEqual(['p2', 'p4']);
    expect(await ids({ name: _.in([/^a/i, 'dan']) })).toEqual(['p1', 'p4']);
    expect(await ids({ tags: _.in(['c']) })).toEqual(['p4', 'p6']);
    expect(await ids({ city: _.in([]) })).toEqual([]);
  });
});

describe('logic', () => {
  test('and / or / nor / not', async () => {
    const _ = h.db.command;
    expect(await ids(_.and([{ city: 'Shanghai' }, { age: _.gte(30) }]))).toEqual(['p1', 'p3']);
    expect(await ids(_.or([{ city: 'Hangzhou' }, { age: 25 }]))).toEqual(['p2', 'p4']);
    expect(await ids({ age: _.or(_.lt(26), _.gt(32)) })).toEqual(['p2', 'p3']);
    expect(await ids(_.nor([{ city: 'Shanghai' }, { city: 'Beijing' }]))).toEqual(['p4']);
    expect(await ids({ age: _.not(_.gt(26)) })).toEqual(['p2', 'p4', 'p5']);
    expect(await ids({ name: _.not(/^[a-z]/) })).toEqual(['p1', 'p3', 'p5']);
  });
});

describe('elements and arrays', () => {
  test('exists', async () => {
    const _ = h.db.command;
    expect(await ids({ born: _.exists(true) })).toEqual(['p1', 'p2', 'p3']);
    expect(await ids({ 'nested.deep.v': _.exists(false) })).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(await ids({ age: _.exists(true) })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });

  test('a scalar matches an array containing it; a whole array matches exactly or as an element', async () => {
    expect(await ids({ tags: 'a' })).toEqual(['p1', 'p5', 'p6']);
    expect(await ids({ tags: ['a', 'b'] })).toEqual(['p1']);
    expect(await ids({ tags: ['b', 'a'] })).toEqual([]);
    expect(await ids({ tags: ['a'] })).toEqual(['p4']);
    expect(await ids({ tags: [] })).toEqual(['p3']);
  });

  test('size / all / elemMatch', async () => {
    const _ = h.db.command;
    expect(await ids({ tags: _.size(2) })).toEqual(['p1', 'p4', 'p6']);
    expect(await ids({ tags: _.size(0) })).toEqual(['p3']);
    expect(await ids({ tags: _.all(['a', 'c']) })).toEqual(['p6']);
    expect(await ids({ scores: _.elemMatch(_.gt(90)) })).toEqual(['p1']);
    expect(await rawIds({ scores: { $elemMatch: { $gte: 80, $lt: 90 } } })).toEqual(['p1', 'p4']);
    // SDK quirk, as in the cloud: a combined command inside elemMatch is serialised as a plain
    // object {operator, operands, fieldName}, which matches nothing.
    expect(await ids({ scores: _.elemMatch(_.gte(80).and(_.lt(90))) })).toEqual([]);
    expect(await ids({ items: _.elemMatch({ x: _.gt(1), y: 'p' }) })).toEqual(['p2']);
    // Without elemMatch, the two conditions may hold on different elements.
    expect(await ids({ 'items.x': _.gt(1), 'items.y': 'p' })).toEqual(['p1', 'p2']);
  });

  test('dotted paths: into documents, across array elements, and by array index', async () => {
    const _ = h.db.command;
    expect(await ids({ nested: { deep: { v: 2 } } })).toEqual(['p6']);
    expect(await ids({ 'nested.deep.v': _.gte(1) })).toEqual(['p5', 'p6']);
    expect(await ids({ 'items.y': 'q' })).toEqual(['p1']);
    expect(await ids({ 'items.0.x': 1 })).toEqual(['p1']);
    expect(await ids({ 'items.1.x': 1 })).toEqual([]);
    expect(await ids({ 'scores.1': _.gt(90) })).toEqual(['p1']);
    expect(await ids({ 'items.x': 3 })).toEqual(['p2']);
  });

  test('a dotted path through an array reaches only its documents: null matches a document without the field, never an array of values or an empty array', async () => {
    const _ = h.db.command;
    // MongoDB jstests/core/null_query_semantics.js: a_value_array_no_nulls and a_empty_array do not match {'a.b': null}.
    expect(await ids({ 'scores.x': null })).toEqual(['p5', 'p6']);
    expect(await ids({ 'scores.x': _.neq(null) })).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(await ids({ 'scores.x': _.exists(false) })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(await ids({ 'items.z': null })).toEqual(['p1', 'p2', 'p4', 'p5', 'p6']);
    expect(await ids({ 'items.z': _.in([null, 1]) })).toEqual(['p1', 'p2', 'p4', 'p5', 'p6']);
  });

  test('regular expressions: JS RegExp and db.RegExp, on strings and inside arrays', async () => {
    const { db } = h;
    expect(await ids({ name: /^[A-C]/ })).toEqual(['p1', 'p3']);
    expect(await ids({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['p1', 'p2', 'p3']);
    expect(await ids({ city: /hai$/ })).toEqual(['p1', 'p3', 'p5']);
    expect(await ids({ tags: /^c/ })).toEqual(['p4', 'p6']);
  });

  test('raw MongoDB operators pass through: $mod, $type, $expr', async () => {
    expect(await rawIds({ age: { $mod: [10, 5] } })).toEqual(['p2', 'p3']);
    expect(await rawIds({ age: { $type: 'string' } })).toEqual(['p5']);
    expect(await rawIds({ $expr: { $gt: [{ $size: { $ifNull: ['$scores', []] } }, 1] } })).toEqual(['p1', 'p4']);
  });
});

describe('failures are loud', () => {
  test('an unknown query operator fails with DATABASE_INVALID_OPERRATOR', async () => {
    const error = await rejectionOf(
      h.db
        .collection('people')
        .options({ raw: true })
        .where({ age: { $fancy: 1 } })
        .get(),
    );
    expect(error.code).toBe('DATABASE_INVALID_OPERRATOR');
    expect(error.message).toContain('$fancy');
  });

  test('$where and $text fail with OPERATION_NOT_SUPPORTED', async () => {
    for (const query of [{ $where: 'this.age > 1' }, { $text: { $search: 'x' } }]) {
      const error = await rejectionOf(h.db.collection('people').options({ raw: true }).where(query).get());
      expect(error.code).toBe('OPERATION_NOT_SUPPORTED');
    }
  });

  test('an action the emulator does not know (e.g. realtime watch) fails with OPERATION_NOT_SUPPORTED', async () => {
    const response = await h.raw({ action: 'database.watch', collectionName: 'people' });
    expect(response.code).toBe('OPERATION_NOT_SUPPORTED');
  });
});

describe('order, paging and projection', () => {
  test('orderBy on several keys, with skip and limit', async () => {
    const c = h.db.collection('people');
    const { data } = await c.orderBy('city', 'asc').orderBy('name', 'desc').get();
    expect(data.map((d: any) => d._id)).toEqual(['p6', 'p2', 'p4', 'p5', 'p3', 'p1']);
    const page = await c.orderBy('city', 'asc').orderBy('name', 'desc').skip(2).limit(3).get();
    expect(page.data.map((d: any) => d._id)).toEqual(['p4', 'p5', 'p3']);
  });

  test('sorting puts missing/null first ascending, and arrays sort by their smallest/largest element', async () => {
    const c = h.db.collection('people');
    expect((await c.orderBy('born', 'asc').get()).data.map((d: any) => d._id)).toEqual(['p4', 'p5', 'p6', 'p3', 'p1', 'p2']);
    expect(
      (
        await c
          .where({ scores: h.db.command.exists(true) })
          .orderBy('scores', 'desc')
          .get()
      ).data.map((d: any) => d._id),
    ).toEqual(['p1', 'p4', 'p2', 'p3']);
  });

  test('an empty array sorts below null and missing, in both directions (MongoDB "Comparison/Sort Order", Arrays)', async () => {
    const c = h.db.collection('people');
    expect((await c.orderBy('items', 'asc').get()).data.map((d: any) => d._id)).toEqual(['p3', 'p4', 'p5', 'p6', 'p1', 'p2']);
    expect((await c.orderBy('items', 'desc').get()).data.map((d: any) => d._id)).toEqual(['p2', 'p1', 'p4', 'p5', 'p6', 'p3']);
  });

  test('default page is 100, the most is 1000 (SDK and emulator both cap)', async () => {
    const name = 'paging';
    await h.db.createCollection(name);
    const docs = Array.from({ length: 1100 }, (_, i) => ({ i }));
    await h.db.collection(name).add(docs);
    const c = h.db.collection(name);
    expect((await c.get()).data).toHaveLength(100);
    expect((await c.limit(1000).get()).data).toHaveLength(1000);
    expect((await c.limit(5000).get()).data).toHaveLength(1000);
    expect((await c.skip(1050).limit(1000).get()).data.map((d: any) => d.i)).toEqual(Array.from({ length: 50 }, (_, i) => 1050 + i));
    expect((await c.count()).total).toBe(1100);
    const raw = await h.raw({ action: 'database.getDocument', collectionName: name, queryType: 'WHERE', limit: 5000 });
    expect(raw.data.list).toHaveLength(1000);
  });

  test('field(): inclusion, exclusion, nested paths, and no mixing', async () => {
    const c = h.db.collection('people');
    expect((await c.doc('p1').field({ name: true, 'items.x': true }).get()).data[0]).toEqual({ _id: 'p1', name: 'Ann', items: [{ x: 1 }, { x: 2 }] });
    expect(
      (
        await c
          .doc('p5')
          .field({ nested: { deep: true }, _id: false })
          .get()
      ).data[0],
    ).toEqual({ nested: { deep: { v: 1 } } });
    const excluded = (await c.doc('p1').field({ items: false, scores: false, born: false, tags: false }).get()).data[0];
    expect(excluded).toEqual({ _id: 'p1', name: 'Ann', age: 30, city: 'Shanghai' });
    const error = await rejectionOf(c.field({ name: true, age: false }).get());
    expect(error.code).toBe('DATABASE_REQUEST_FAILED');
  });

  test('field({_id: true}) alone answers _id only, as any inclusion does', async () => {
    expect((await h.db.collection('people').doc('p1').field({ _id: true }).get()).data[0]).toEqual({ _id: 'p1' });
  });

  test('projection operators: project.slice and project.elemMatch', async () => {
    const _ = h.db.command;
    const c = h.db.collection('people');
    expect(
      (
        await c
          .doc('p1')
          .field({ scores: _.project.slice(1) })
          .get()
      ).data[0].scores,
    ).toEqual([80]);
    const matched = (
      await c
        .doc('p1')
        .field({ items: _.project.elemMatch({ x: 2 }) })
        .get()
    ).data[0];
    expect(matched).toEqual({ _id: 'p1', items: [{ x: 2, y: 'q' }] });
    // SDK quirk: commands inside project.elemMatch are not encoded, so nothing matches.
    expect(
      (
        await c
          .doc('p1')
          .field({ items: _.project.elemMatch({ x: _.gt(1) }) })
          .get()
      ).data[0],
    ).toEqual({ _id: 'p1' });
  });
});

describe('indexes never change results', () => {
  // Same documents in an indexed and an unindexed collection; every query must agree.
  const random = (() => {
    let seed = 42;
    return () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
  })();
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const values = () => pick<unknown>([1, 2, 3, 2.5, 'a', 'b', 'c', null, true, new Date(1000), new Date(2000), [1, 'a'], [2, 3], [], undefined]);

  let indexed: DatabaseHarness;
  beforeAll(async () => {
    indexed = await startDatabase({
      collections: {
        withIndexes: {
          indexes: [
            { name: 'n', keys: { n: 1 } },
            { name: 's_n', keys: { s: 1, n: 1 } },
            { name: 'sub', keys: { 'sub.x': 1 } },
            { name: 'u', keys: { u: 1 }, unique: true },
          ],
        },
        withoutIndexes: { indexes: [] },
        // Only documents whose arrays sit mid-path, so nothing else has made the index multikey.
        throughArrays: { indexes: [{ name: 'sub', keys: { 'sub.x': 1 } }] },
      },
    });
    const docs = Array.from({ length: 300 }, (_, i) => {
      const doc: Record<string, unknown> = { u: `u${i}`, n: values(), s: values(), sub: pick([{ x: values() }, [{ x: values() }, { x: values() }], undefined, 5]) };
      for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
      return doc;
    });
    await indexed.db.collection('withIndexes').add(docs);
    await indexed.db.collection('withoutIndexes').add(docs);
  });
  afterAll(() => indexed.close());

  test('200 random queries answer the same with and without indexes', async () => {
    const scalar = () => pick<unknown>([1, 2, 2.5, 3, 'a', 'b', null, true, new Date(1000), new Date(2000)]);
    const condition = (): unknown =>
      pick([
        () => scalar(),
        () => ({ $eq: scalar() }),
        () => ({ $in: [scalar(), scalar()] }),
        () => ({ $gt: scalar() }),
        () => ({ $gte: scalar(), $lt: scalar() }),
        () => ({ $lte: scalar() }),
        () => ({ $gt: 1, $lt: 3 }),
        () => ({ $ne: scalar() }),
        () => /^[ab]/,
        () => [1, 'a'],
      ])();
    const field = () => pick(['n', 's', 'sub.x', 'u']);
    const query = (): Record<string, unknown> =>
      pick([
        () => ({ [field()]: condition() }),
        () => ({ [field()]: condition(), [field()]: condition() }),
        () => ({ $or: [{ [field()]: condition() }, { [field()]: condition() }] }),
        () => ({ $and: [{ [field()]: condition() }, { [field()]: condition() }] }),
        () => ({ s: scalar(), n: condition() }),
      ])();
    for (let i = 0; i < 200; i++) {
      const q = query();
      const run = async (name: string) => (await indexed.db.collection(name).options({ raw: true }).where(q).limit(1000).get()).data.map((d: any) => d.u);
      const [a, b] = await Promise.all([run('withIndexes'), run('withoutIndexes')]);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`indexed and unindexed disagree on ${JSON.stringify(q)}: ${a} vs ${b}`);
    }
  });

  test('a range on a path through an array of documents is not narrowed to one element (the index is multikey)', async () => {
    const c = indexed.db.collection('throughArrays');
    await c.add([
      { u: 'one', sub: { x: 4 } },
      { u: 'two', sub: [{ x: 10 }, { x: 1 }] },
    ]);
    // 10 > 5 and 1 < 3: two elements meet the two bounds, so the document matches (no $elemMatch).
    const { data } = await c
      .options({ raw: true })
      .where({ 'sub.x': { $gt: 5, $lt: 3 } })
      .get();
    expect(data.map((d: any) => d.u)).toEqual(['two']);
  });

  test('sorting a whole collection (sort keys read by SQLite) orders as the general path does', async () => {
    const c = indexed.db.collection('withoutIndexes');
    const everything = { u: indexed.db.command.exists(true) };
    for (const [keys, skip, limit] of [
      [[['n', 'asc']], 0, 1000],
      [[['n', 'desc']], 5, 50],
      [
        [
          ['s', 'asc'],
          ['n', 'desc'],
        ],
        0,
        300,
      ],
      [
        [
          ['sub', 'desc'],
          ['u', 'asc'],
        ],
        10,
        20,
      ],
    ] as [[string, 'asc' | 'desc'][], number, number][]) {
      let whole = c as any;
      let filtered = c.where(everything) as any;
      for (const [field, direction] of keys) {
        whole = whole.orderBy(field, direction);
        filtered = filtered.orderBy(field, direction);
      }
      const a = (await whole.skip(skip).limit(limit).get()).data.map((d: any) => d.u);
      const b = (await filtered.skip(skip).limit(limit).get()).data.map((d: any) => d.u);
      expect(a).toEqual(b);
      expect(a.length).toBe(Math.min(limit, 300 - skip));
    }
  });
});
