/**
 * aggregate() through the real SDK: the stages the project needs, `$` expression operators,
 * lookup across collections, and loud failures for stages the emulator does not run.
 */
import { DatabaseHarness, rejectionOf, startDatabase, TEST_COLLECTIONS } from './database-support';

let h: DatabaseHarness;

beforeAll(async () => {
  h = await startDatabase({ collections: TEST_COLLECTIONS });
  const { db } = h;
  await db.collection('cases').add([
    { _id: 'c1', receiptNo: 'R1', stationId: 's1', status: 'open', openid: 'u1', score: 3, tags: ['road', 'light'], createdAt: new Date('2024-01-01') },
    { _id: 'c2', receiptNo: 'R2', stationId: 's1', status: 'closed', openid: 'u2', score: 5, tags: ['road'], createdAt: new Date('2024-02-01') },
    { _id: 'c3', receiptNo: 'R3', stationId: 's2', status: 'open', openid: 'u1', score: 4, tags: [], createdAt: new Date('2024-03-01') },
    { _id: 'c4', receiptNo: 'R4', stationId: 's3', status: 'open', openid: 'u3', score: 1, tags: ['water', 'road'], createdAt: new Date('2024-04-01') },
  ]);
  await db.collection('stations').add([
    { _id: 's1', code: 'A', name: 'North' },
    { _id: 's2', code: 'B', name: 'South' },
  ]);
});
afterAll(() => h.close());

test('match + group with sum/avg/min/max/first/last/push/addToSet + sort', async () => {
  const { db } = h;
  const $ = db.command.aggregate;
  const { data } = await db
    .collection('cases')
    .aggregate()
    .match({ status: 'open' })
    .sort({ createdAt: 1 })
    .group({
      _id: '$openid',
      count: $.sum(1),
      total: $.sum('$score'),
      avg: $.avg('$score'),
      min: $.min('$score'),
      max: $.max('$score'),
      first: $.first('$receiptNo'),
      last: $.last('$receiptNo'),
      receipts: $.push('$receiptNo'),
      stations: $.addToSet('$stationId'),
      latest: $.max('$createdAt'),
    })
    .sort({ _id: 1 })
    .end();
  expect(data).toEqual([
    {
      _id: 'u1',
      count: 2,
      total: 7,
      avg: 3.5,
      min: 3,
      max: 4,
      first: 'R1',
      last: 'R3',
      receipts: ['R1', 'R3'],
      stations: expect.arrayContaining(['s1', 's2']),
      latest: new Date('2024-03-01'),
    },
    { _id: 'u3', count: 1, total: 1, avg: 1, min: 1, max: 1, first: 'R4', last: 'R4', receipts: ['R4'], stations: ['s3'], latest: new Date('2024-04-01') },
  ]);
});

test('project, addFields with expressions, skip, limit, count', async () => {
  const { db } = h;
  const $ = db.command.aggregate;
  const projected = await db
    .collection('cases')
    .aggregate()
    .sort({ score: -1 })
    .skip(1)
    .limit(2)
    .addFields({ double: $.multiply(['$score', 2]) })
    .project({ _id: 0, receiptNo: 1, double: 1 })
    .end();
  expect(projected.data).toEqual([
    { receiptNo: 'R3', double: 8 },
    { receiptNo: 'R1', double: 6 },
  ]);
  const counted = await db.collection('cases').aggregate().match({ status: 'open' }).count('n').end();
  expect(counted.data).toEqual([{ n: 3 }]);
});

test('unwind and sortByCount', async () => {
  const { db } = h;
  const unwound = await db.collection('cases').aggregate().unwind('$tags').project({ _id: 1, tags: 1 }).end();
  expect(unwound.data.map((d: any) => `${d._id}:${d.tags}`)).toEqual(['c1:road', 'c1:light', 'c2:road', 'c4:water', 'c4:road']);
  const counts = await db.collection('cases').aggregate().unwind('$tags').sortByCount('$tags').end();
  expect(counts.data[0]).toEqual({ _id: 'road', count: 3 });
  expect(counts.data).toHaveLength(3);
});

test('lookup joins another collection by localField/foreignField', async () => {
  const { db } = h;
  const { data } = await db
    .collection('cases')
    .aggregate()
    .lookup({ from: 'stations', localField: 'stationId', foreignField: '_id', as: 'station' })
    .project({ _id: 1, 'station.name': 1 })
    .end();
  expect(data).toEqual([
    { _id: 'c1', station: [{ name: 'North' }] },
    { _id: 'c2', station: [{ name: 'North' }] },
    { _id: 'c3', station: [{ name: 'South' }] },
    { _id: 'c4', station: [] },
  ]);
});

test('match on Dates and with command operators', async () => {
  const { db } = h;
  const _ = db.command;
  const { data } = await db
    .collection('cases')
    .aggregate()
    .match({ createdAt: _.gte(new Date('2024-02-01')), tags: 'road' })
    .project({ _id: 1 })
    .end();
  expect(data).toEqual([{ _id: 'c2' }, { _id: 'c4' }]);
});

test('unknown and unsupported stages fail loudly', async () => {
  const unknown = await h.raw({
    action: 'database.aggregateDocuments',
    collectionName: 'cases',
    stages: [{ stageKey: '$teleport', stageValue: '{}' }],
  });
  expect(unknown.code).toBe('DATABASE_INVALID_OPERRATOR');
  const out = await h.raw({
    action: 'database.aggregateDocuments',
    collectionName: 'cases',
    stages: [{ stageKey: '$out', stageValue: '"elsewhere"' }],
  });
  expect(out.code).toBe('OPERATION_NOT_SUPPORTED');
  const { db } = h;
  const pipelineLookup = await rejectionOf(
    db
      .collection('cases')
      .aggregate()
      .lookup({ from: 'stations', let: { s: '$stationId' }, pipeline: [], as: 'x' })
      .end(),
  );
  expect(pipelineLookup.code).toBe('OPERATION_NOT_SUPPORTED');
});
