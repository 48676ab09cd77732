/**
 * The daily receipt counter (backend/data/counters.ts), drawn outside the submission's
 * transaction with one atomic increment: on the real SDK and the emulator, many first draws
 * of a new day at once still hand out every number exactly once.
 */
import { drawNext } from '../../backend/data/counters';
import type { Database } from '../../backend/platform/cloudbase';
import { startBackend, type Backend } from './harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: [], seed: false });
  await backend.db.createCollection('counters').catch(() => undefined);
}, 120_000);

afterAll(() => backend?.close());

const db = () => backend.db as unknown as Database;
const now = new Date('2026-11-21T02:00:00Z');

describe('drawing receipt numbers', () => {
  it('starts a new counter at 1 and counts on from what is stored', async () => {
    expect(await drawNext(db(), 'receipt-TS-20261121', now)).toBe(1);
    expect(await drawNext(db(), 'receipt-TS-20261121', now)).toBe(2);
    const { data } = await backend.db.collection('counters').doc('receipt-TS-20261121').get();
    expect(data[0]).toMatchObject({ seq: 2 });
  });

  it('gives 30 simultaneous first draws of a day the numbers 1 to 30, each once', async () => {
    const drawn = await Promise.all(Array.from({ length: 30 }, () => drawNext(db(), 'receipt-RACE-20261121', now)));
    expect([...drawn].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_x, i) => i + 1));
  });
});
