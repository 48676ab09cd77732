/**
 * Transactions through the real SDK: runTransaction / startTransaction, single-document
 * operations, commit, rollback, snapshot reads, and optimistic conflicts (never a lost update).
 */
import { DatabaseHarness, rejectionOf, startDatabase, TEST_COLLECTIONS } from './database-support';

let h: DatabaseHarness;
let serial = 0;

beforeAll(async () => {
  h = await startDatabase({ collections: TEST_COLLECTIONS });
});
afterAll(() => h.close());

async function accounts(balances: Record<string, number>): Promise<string> {
  const name = `tx_${++serial}`;
  await h.db.createCollection(name);
  await h.db.collection(name).add(Object.entries(balances).map(([_id, balance]) => ({ _id, balance })));
  return name;
}

async function balances(name: string): Promise<Record<string, number>> {
  const { data } = await h.db.collection(name).get();
  return Object.fromEntries(data.map((d: any) => [d._id, d.balance]));
}

test('runTransaction commits every write together and returns the callback result', async () => {
  const name = await accounts({ a: 100, b: 0 });
  const result = await h.db.runTransaction(async (tx: any) => {
    const a = (await tx.collection(name).doc('a').get()).data;
    await tx
      .collection(name)
      .doc('a')
      .update({ balance: a.balance - 30 });
    await tx
      .collection(name)
      .doc('b')
      .update({ balance: h.db.command.inc(30) });
    await tx.collection(name).add({ _id: 'log1', balance: -1 });
    return 'done';
  });
  expect(result).toBe('done');
  expect(await balances(name)).toEqual({ a: 70, b: 30, log1: -1 });
});

test('a rollback (or a thrown error) leaves nothing written', async () => {
  const name = await accounts({ a: 100, b: 0 });
  const rolledBack = rejectionOf(
    h.db.runTransaction(async (tx: any) => {
      await tx.collection(name).doc('a').update({ balance: 0 });
      await tx.collection(name).add({ _id: 'new', balance: 1 });
      await tx.collection(name).doc('b').delete();
      await tx.rollback('changed my mind');
    }),
  );
  expect(await rolledBack).toBe('changed my mind');
  const thrown = await rejectionOf(
    h.db.runTransaction(async (tx: any) => {
      await tx.collection(name).doc('a').set({ balance: -5 });
      throw new Error('boom');
    }),
  );
  expect(thrown.message).toBe('boom');
  expect(await balances(name)).toEqual({ a: 100, b: 0 });
});

test('startTransaction: the transaction sees its own writes, others see nothing until commit', async () => {
  const name = await accounts({ a: 1 });
  const tx = await h.db.startTransaction();
  expect((await tx.collection(name).doc('a').get()).data).toEqual({ _id: 'a', balance: 1 });
  expect((await tx.collection(name).doc('missing').get()).data).toBeNull();
  const set = await tx.collection(name).doc('c').set({ balance: 3 });
  expect(set.upserted).toEqual([{ _id: 'c' }]);
  await tx.collection(name).doc('a').update({ balance: 2 });
  const added = await tx.collection(name).add({ _id: 'd', balance: 4 });
  expect(added).toMatchObject({ id: 'd', inserted: 1, ok: 1 });
  expect((await tx.collection(name).doc('a').get()).data.balance).toBe(2);
  expect(await balances(name)).toEqual({ a: 1 });
  await tx.commit();
  expect(await balances(name)).toEqual({ a: 2, c: 3, d: 4 });
  // A finished transaction cannot be used again.
  expect(await rejectionOf(tx.collection(name).doc('a').get())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_MESSAGE });
});

test('reads are from the snapshot taken when the transaction started', async () => {
  const name = await accounts({ a: 1 });
  const tx = await h.db.startTransaction();
  await h.db.collection(name).doc('a').update({ balance: 50 });
  await h.db.collection(name).add({ _id: 'late', balance: 9 });
  expect((await tx.collection(name).doc('a').get()).data.balance).toBe(1);
  expect((await tx.collection(name).doc('late').get()).data).toBeNull();
  await tx.rollback();
});

// CloudBase's messages, as the node-sdk's transaction tests assert them.
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

test('two transactions writing one document: the first writer wins, the second write is refused at once', async () => {
  // node-sdk test/database/unit/transaction.test.ts "冲突检测": t1 reads, t2 updates (uncommitted), t1's update fails.
  const name = await accounts({ a: 10 });
  const first = await h.db.startTransaction();
  const second = await h.db.startTransaction();
  const a1 = (await first.collection(name).doc('a').get()).data.balance;
  await second.collection(name).doc('a').update({ balance: 100 });
  const error = await rejectionOf(
    first
      .collection(name)
      .doc('a')
      .update({ balance: a1 + 1 }),
  );
  expect(error).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_MESSAGE });
  await second.commit();
  expect(await balances(name)).toEqual({ a: 100 });
  // The conflict aborted the loser, as MongoDB does: it no longer exists.
  expect(await rejectionOf(first.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_MESSAGE });
});

test('once the first writer finishes, the document is free again', async () => {
  const name = await accounts({ a: 10 });
  const first = await h.db.startTransaction();
  await first.collection(name).doc('a').update({ balance: 11 });
  await first.rollback();
  const second = await h.db.startTransaction();
  await second.collection(name).doc('a').update({ balance: 12 });
  await second.commit();
  expect(await balances(name)).toEqual({ a: 12 });
});

test('two transactions inserting one _id: the second insert conflicts', async () => {
  const name = await accounts({ other: 0 });
  const first = await h.db.startTransaction();
  const second = await h.db.startTransaction();
  await first.collection(name).add({ _id: 'x', balance: 1 });
  expect((await rejectionOf(second.collection(name).add({ _id: 'x', balance: 2 }))).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  await first.commit();
  expect(await balances(name)).toEqual({ other: 0, x: 1 });
});

test('a plain write to a document a transaction has staged fails that transaction at commit', async () => {
  const name = await accounts({ a: 10 });
  const tx = await h.db.startTransaction();
  await tx.collection(name).doc('a').update({ balance: 11 });
  await h.db.collection(name).doc('a').update({ balance: 50 });
  expect(await rejectionOf(tx.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_MESSAGE });
  expect(await balances(name)).toEqual({ a: 50 });
});

test('a plain write after the transaction started makes its write conflict', async () => {
  const name = await accounts({ a: 10 });
  const tx = await h.db.startTransaction();
  await h.db.collection(name).doc('a').update({ balance: 20 });
  const error = await rejectionOf(tx.collection(name).doc('a').update({ balance: 11 }));
  expect(error).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_MESSAGE });
  expect(await balances(name)).toEqual({ a: 20 });
});

test('concurrent runTransaction increments: every committed one counts (retries on conflict)', async () => {
  const name = await accounts({ counter: 0 });
  const increment = () =>
    h.db.runTransaction(async (tx: any) => {
      const { data } = await tx.collection(name).doc('counter').get();
      await new Promise((resolve) => setTimeout(resolve, 2));
      await tx
        .collection(name)
        .doc('counter')
        .update({ balance: data.balance + 1 });
    }, 10);
  const outcomes = await Promise.allSettled(Array.from({ length: 8 }, increment));
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
  for (const o of outcomes) if (o.status === 'rejected') expect(o.reason.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(committed).toBeGreaterThan(0);
  expect((await balances(name)).counter).toBe(committed);
});

test('only single-document operations by _id are allowed inside a transaction', async () => {
  const name = await accounts({ a: 1 });
  const tx = await h.db.startTransaction();
  const error = await rejectionOf(tx.collection(name).where({ balance: 1 }).get());
  expect(error.code).toBe('DATABASE_REQUEST_FAILED');
  await tx.rollback();
});

test('a unique index violation at commit fails the transaction and writes nothing', async () => {
  await h.db.collection('users').add({ _id: 's1', openid: 'dup' });
  const error = await rejectionOf(
    h.db.runTransaction(async (tx: any) => {
      await tx.collection('users').add({ _id: 's2', openid: 'fresh' });
      await tx.collection('users').add({ _id: 's3', openid: 'dup' });
    }),
  );
  expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await h.db.collection('users').get()).data.map((d: any) => d._id)).toEqual(['s1']);
});

test("the SDK's legacy transaction actions (get/updateDoc/deleteDocInTransaction) answer their shapes", async () => {
  const name = await accounts({ a: 1, b: 2 });
  const { transactionId } = await h.raw({ action: 'database.startTransaction' });
  const got = await h.raw({ action: 'database.getInTransaction', transactionId, collectionName: name, _id: 'a' });
  expect(JSON.parse(got.data)).toEqual({ _id: 'a', balance: 1 });
  const updated = await h.raw({
    action: 'database.updateDocInTransaction',
    transactionId,
    collectionName: name,
    _id: 'a',
    data: '{"$set":{"balance":{"$numberInt":"5"}}}',
  });
  expect(JSON.parse(updated.updated)).toBe(1);
  const upserted = await h.raw({ action: 'database.updateDocInTransaction', transactionId, collectionName: name, _id: 'c', data: '{"balance":3}', upsert: true });
  expect(JSON.parse(upserted.upserted)).toEqual([{ _id: 'c' }]);
  const deleted = await h.raw({ action: 'database.deleteDocInTransaction', transactionId, collectionName: name, _id: 'b' });
  expect(JSON.parse(deleted.deleted)).toBe(1);
  expect(await balances(name)).toEqual({ a: 1, b: 2 });
  await h.raw({ action: 'database.commitTransaction', transactionId });
  expect(await balances(name)).toEqual({ a: 5, c: 3 });
});

test('updated inside a transaction: update counts changes, set and updateAndReturn count the document', async () => {
  const name = await accounts({ a: 1 });
  const tx = await h.db.startTransaction();
  expect((await tx.collection(name).doc('a').update({ balance: 1 })).updated).toBe(0);
  expect((await tx.collection(name).doc('a').set({ balance: 1 })).updated).toBe(1);
  const andReturn = await h.raw({
    action: 'database.modifyAndReturnDoc',
    transactionId: (tx as any)._id,
    collectionName: name,
    queryType: 'DOC',
    query: '{"_id":"a"}',
    data: '{"$set":{"balance":{"$numberInt":"1"}}}',
  });
  expect(andReturn.data.updated).toBe(1);
  expect(JSON.parse(andReturn.data.doc)).toEqual({ _id: 'a', balance: 1 });
  expect((await tx.collection(name).doc('a').update({ balance: 2 })).updated).toBe(1);
  await tx.commit();
  expect(await balances(name)).toEqual({ a: 2 });
});

describe('lifetime: CloudBase aborts a transaction 30 s after it started', () => {
  afterEach(() => jest.restoreAllMocks());

  test('at 29 s it still works; at 31 s it no longer exists', async () => {
    const name = await accounts({ a: 1 });
    const tx = await h.db.startTransaction();
    const started = Date.now();
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => started + 29_000);
    expect((await tx.collection(name).doc('a').get()).data.balance).toBe(1);
    clock.mockImplementation(() => started + 31_000);
    expect(await rejectionOf(tx.collection(name).doc('a').get())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_MESSAGE });
  });

  test('an expired transaction writes nothing and holds no document (lifetime shortened for the test)', async () => {
    const short = await startDatabase({ transactionLifetimeMs: 200 });
    try {
      await short.db.createCollection('acc');
      await short.db.collection('acc').add({ _id: 'a', balance: 1 });
      const stale = await short.db.startTransaction();
      await stale.collection('acc').doc('a').update({ balance: 2 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const fresh = await short.db.startTransaction();
      await fresh.collection('acc').doc('a').update({ balance: 3 });
      await fresh.commit();
      expect(await rejectionOf(stale.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_MESSAGE });
      expect((await short.db.collection('acc').doc('a').get()).data).toEqual([{ _id: 'a', balance: 3 }]);
    } finally {
      await short.close();
    }
  });
});
