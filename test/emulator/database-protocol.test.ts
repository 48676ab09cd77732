/**
 * Pins the raw wire shapes the emulator relies on: what @cloudbase/database sends to `/admin`
 * (EJSON strings) and what it reads back. If the SDK or the emulator drifts, this fails first.
 */
import http from 'node:http';
import { EJSON } from 'bson';
import tcb from '@cloudbase/node-sdk';
import { DatabaseHarness, startDatabase, TEST_COLLECTIONS } from './database-support';

let h: DatabaseHarness;

beforeAll(async () => {
  h = await startDatabase({ collections: TEST_COLLECTIONS });
  await h.db.createCollection('wire');
  await h.db.collection('wire').add({ _id: 'w1', n: 1, at: new Date(86_400_000), loc: new h.db.Geo.Point(1, 2) });
});
afterAll(() => h.close());

test('getDocument answers data.list of EJSON strings, with limit and offset', async () => {
  const answer = await h.raw({ action: 'database.getDocument', collectionName: 'wire', queryType: 'WHERE', query: '{"n":{"$numberInt":"1"}}' });
  expect(Object.keys(answer).sort()).toEqual(['data', 'requestId']);
  expect(typeof answer.requestId).toBe('string');
  expect(answer.data).toEqual({ list: [expect.any(String)], limit: 100, offset: 0 });
  const doc = EJSON.parse(answer.data.list[0]);
  expect(doc).toEqual({ _id: 'w1', n: 1, at: new Date(86_400_000), loc: { type: 'Point', coordinates: [1, 2] } });
  expect(JSON.parse(answer.data.list[0]).at).toEqual({ $date: { $numberLong: '86400000' } });
});

test('the other actions answer in the fields the SDK reads', async () => {
  const count = await h.raw({ action: 'database.calculateDocument', collectionName: 'wire', queryType: 'WHERE', query: '{}' });
  expect(count.data).toEqual({ total: 1 });
  const insert = await h.raw({ action: 'database.insertDocument', collectionName: 'wire', data: ['{"_id":"w2","n":{"$numberInt":"2"}}'] });
  expect(insert.data).toEqual({ insertedIds: ['w2'] });
  const modify = await h.raw({
    action: 'database.modifyDocument',
    collectionName: 'wire',
    queryType: 'DOC',
    query: '{"_id":"w3"}',
    data: '{"n":{"$numberInt":"3"}}',
    multi: false,
    merge: false,
    upsert: true,
  });
  expect(modify.data).toEqual({ updated: 0, matched: 0, upsert_id: 'w3' });
  const andReturn = await h.raw({
    action: 'database.modifyAndReturnDoc',
    collectionName: 'wire',
    queryType: 'WHERE',
    query: '{"_id":"w3"}',
    data: '{"$inc":{"n":{"$numberInt":"1"}}}',
  });
  expect(andReturn.data.updated).toBe(1);
  expect(EJSON.parse(andReturn.data.doc)).toEqual({ _id: 'w3', n: 4 });
  const remove = await h.raw({ action: 'database.removeDocument', collectionName: 'wire', queryType: 'WHERE', query: '{"n":{"$gt":{"$numberInt":"1"}}}', multi: true });
  expect(remove.data).toEqual({ deleted: 2 });
  const aggregate = await h.raw({ action: 'database.aggregateDocuments', collectionName: 'wire', stages: [{ stageKey: '$project', stageValue: '{"n":1}' }] });
  expect(aggregate.data.list.map((s: string) => EJSON.parse(s))).toEqual([{ _id: 'w1', n: 1 }]);
  const tx = await h.raw({ action: 'database.startTransaction' });
  expect(tx.transactionId).toMatch(/^[0-9a-f]{32}$/);
  expect(Object.keys(await h.raw({ action: 'database.abortTransaction', transactionId: tx.transactionId })).sort()).toEqual(['requestId']);
});

test('errors are {requestId, code, message} with HTTP 200', async () => {
  const answer = await h.raw({ action: 'database.getDocument', collectionName: 'missing', queryType: 'WHERE' });
  expect(Object.keys(answer).sort()).toEqual(['code', 'message', 'requestId']);
  expect(answer.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
});

test('what the SDK sends: EJSON strings for query/data/order/projection, stages as {stageKey, stageValue}', async () => {
  // A pass-through proxy records the SDK's request bodies on their way to the emulator.
  const seen: any[] = [];
  const proxy = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    seen.push(body);
    const answer = await h.raw(body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const port = (proxy.address() as { port: number }).port;
    const db = tcb.init({ env: 'local-dev', serviceUrl: `http://127.0.0.1:${port}/admin`, secretId: 'local', secretKey: 'local' }).database();
    const _ = db.command;
    await db
      .collection('wire')
      .where({ n: _.gt(0), at: _.lt(db.serverDate()) })
      .orderBy('n', 'desc')
      .skip(1)
      .limit(5)
      .field({ n: true })
      .get();
    await db
      .collection('wire')
      .doc('w1')
      .update({ n: _.inc(1), tags: _.push('x') });
    await db.collection('wire').aggregate().match({ n: 2 }).limit(1).end();
    const [get, update, aggregate] = seen;
    expect(get).toMatchObject({ action: 'database.getDocument', collectionName: 'wire', queryType: 'WHERE', offset: 1, limit: 5, envName: 'local-dev' });
    expect(JSON.parse(get.query)).toEqual({ n: { $gt: { $numberInt: '0' } }, at: { $lt: { $tcb_server_date: { offset: { $numberInt: '0' } } } } });
    expect(JSON.parse(get.order)).toEqual({ n: { $numberInt: '-1' } });
    expect(JSON.parse(get.projection)).toEqual({ n: { $numberInt: '1' } });
    expect(update).toMatchObject({ action: 'database.modifyDocument', queryType: 'DOC', multi: false, merge: true, upsert: false });
    expect(JSON.parse(update.data)).toEqual({ $inc: { n: { $numberInt: '1' } }, $push: { tags: { $each: ['x'] } } });
    expect(aggregate.stages).toEqual([
      { stageKey: '$match', stageValue: '{"n":{"$numberInt":"2"}}' },
      { stageKey: '$limit', stageValue: '1' },
    ]);
  } finally {
    await new Promise((resolve) => proxy.close(resolve));
  }
});
