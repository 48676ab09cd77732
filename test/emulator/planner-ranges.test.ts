/**
 * A range bounded on both sides reads only the index entries between its bounds, for every
 * type bracket: `{ $gte: a, $lt: b }` on strings and dates once kept only the lower bound
 * (each bound also carries its bracket's sentinel, and the sentinel's prefix was taken for
 * another type), so a month of a station's cases read the station's whole history after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planFilter } from '../../emulator/database/planner';
import { Store } from '../../emulator/database/store';

let dir: string;
let store: Store;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planner-ranges-'));
  store = new Store(dir, {
    items: [
      { name: 'group_at', keys: { group: 1, at: 1 } },
      { name: 'n', keys: { n: 1 } },
    ],
  });
});

afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sqlOf = (filter: unknown) => {
  const plan = planFilter(store.collection('items'), filter);
  if (plan.kind !== 'rids') throw new Error(`no index plan: ${plan.kind}`);
  return { sql: plan.sql, params: plan.params };
};

describe('a range bounded on both sides is bounded on both sides in the index', () => {
  test.each([
    ['strings', { group: 'a', at: { $gte: '2025-01-16', $lte: '2025-01-31' } }, ['s:2025-01-16', 's:2025-01-31']],
    ['dates', { group: 'a', at: { $gte: new Date(1000), $lt: new Date(2000) } }, ['d:09000000000001000', 'd:09000000000002000']],
  ])('%s', (_type, filter, [low, high]) => {
    const { sql, params } = sqlOf(filter);
    expect(sql).toMatch(/k1 >= \? AND k1 [<]=? \?/);
    expect(params.slice(-2)).toEqual([low, high]);
  });

  test('numbers, as before', () => {
    expect(sqlOf({ n: { $gt: 3, $lt: 9 } }).params).toEqual([3, 9]);
  });

  test('a one-sided range still stops at the end of its type', () => {
    expect(sqlOf({ group: 'a', at: { $gte: 'm' } }).params.slice(-2)).toEqual(['s:m', 's;']);
  });
});
