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
    await tx.collection(name).doc('a').update({ balance: a.balance - 30 });
    await tx.collection(name).doc('b').update({ balance: h.db.command.inc(30) });
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
  expect((await rejectionOf(tx.collection(name).doc('a').get())).code).toBe('DATABASE_TRANSACTION_FAIL');
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

test('two transactions writing one document: the second to commit fails, nothing is lost', async () => {
  const name = await accounts({ a: 10 });
  const first = await h.db.startTransaction();
  const second = await h.db.startTransaction();
  const a1 = (await first.collection(name).doc('a').get()).data.balance;
  const a2 = (await second.collection(name).doc('a').get()).data.balance;
  await first.collection(name).doc('a').update({ balance: a1 + 1 });
  await second.collection(name).doc('a').update({ balance: a2 + 100 });
  await first.commit();
  const error = await rejectionOf(second.commit());
  expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balances(name)).toEqual({ a: 11 });
});

test('a plain write after the transaction started makes its write conflict', async () => {
  const name = await accounts({ a: 10 });
  const tx = await h.db.startTransaction();
  await h.db.collection(name).doc('a').update({ balance: 20 });
  const error = await rejectionOf(tx.collection(name).doc('a').update({ balance: 11 }));
  expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balances(name)).toEqual({ a: 20 });
});

test('concurrent runTransaction increments: every committed one counts (retries on conflict)', async () => {
  const name = await accounts({ counter: 0 });
  const increment = () =>
    h.db.runTransaction(async (tx: any) => {
      const { data } = await tx.collection(name).doc('counter').get();
      await new Promise((resolve) => setTimeout(resolve, 2));
      await tx.collection(name).doc('counter').update({ balance: data.balance + 1 });
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
