/**
 * Item 1 — the 20 nearest stations through the real SDK → emulator, asked as `station.nearby`
 * asks it (backend/data/stations.ts: `geoNear` as the first aggregate stage, within its default
 * 5 km), from points where people live (drawn like the stations), at 1k, 10k, 100k and 200k
 * stations across Guangdong. (Without the 5 km cap the emulator's aggregate reads every station:
 * mingo drains the geoNear stage before `$limit` — 10,000 documents for 20 at 10k, ~0.3 s.) In the same run and
 * at the same sizes, the full scan it replaces: every station's coordinates fetched through
 * the SDK (pages of 1000, ordered by _id, keyset paging) and sorted by great-circle distance
 * in JS. The pages are asked by `_id` lists (`_.in` of 1000 known ids), the emulator's cheapest
 * way to read every document: skip or `_id > last` paging rescans the table for every page
 * (quadratic — minutes per scan at 200k). The scan also checks geoNear's answers: the same 20
 * stations, in the same order.
 *
 * Also the query form, `where({ location: _.geoNear(…) }).limit(20)` with no radius (what
 * test/emulator/database-geo.test.ts checks against a brute-force answer at 10k): its p99 at
 * 200k against its own at 1k, as for the aggregate — a scan would grow with the stations.
 * Its first answers must be the aggregate's (those within 5 km).
 */
import { startBenchBackend, type Db } from './backend';
import { haversineMeters, pointsAround, type LngLat } from './geo-area';
import { progress } from './log';
import { ms, percentile, ratio, since } from './stats';
import type { BenchRow } from './types';

const SIZES = [1_000, 10_000, 100_000, 200_000];
const QUERIES = 200;
/** Scans at 100k+ take seconds each: fewer of them (their median is what is compared). */
const scansAt = (size: number) => (size <= 10_000 ? 10 : 2);
const TOP = 20;
/** `station.nearby`'s default radius. */
const MAX_DISTANCE_M = 5000;
const BATCH = 1000;

export async function nearestStationRows(): Promise<BenchRow[]> {
  const backend = await startBenchBackend();
  try {
    const db = backend.db;
    const nextStation = pointsAround(20240601);
    const nextQuery = pointsAround(7);
    let answered = 0;
    const results: Result[] = [];
    let count = 0;
    for (const size of SIZES) {
      while (count < size) {
        const batch = Array.from({ length: Math.min(BATCH, size - count) }, (_x, i) => stationDocument(db, count + i, nextStation()));
        await db.collection('stations').add(batch);
        count += batch.length;
      }
      progress(`1. ${size} stations stored; querying`);
      const points = Array.from({ length: QUERIES }, nextQuery);
      const scanPoints = points.slice(0, scansAt(size));
      // Warm once (first query compiles paths, opens caches), then measure.
      await nearest(db, points[0]);
      await nearestByQuery(db, points[0]);
      const times: number[] = [];
      const queryTimes: number[] = [];
      const scanTimes: number[] = [];
      for (const [i, at] of points.entries()) {
        const start = performance.now();
        const found = await nearest(db, at);
        times.push(since(start));
        answered += found.length;
        const queryStart = performance.now();
        const queried = await nearestByQuery(db, at);
        queryTimes.push(since(queryStart));
        if (queried.length !== TOP || queried.slice(0, found.length).join() !== found.join()) {
          throw new Error(`the geoNear query and the aggregate disagree at ${size} stations, point ${at.join()}`);
        }
        // Scans interleaved with the queries, so drift on a shared machine hits both alike.
        if (i < scanPoints.length) {
          const scanStart = performance.now();
          const scanned = await fullScan(db, at, size);
          scanTimes.push(since(scanStart));
          if (scanned.join() !== found.join()) throw new Error(`geoNear and the full scan disagree at ${size} stations, point ${at}`);
        }
      }
      progress(`1. at ${size}: geoNear p99 ${ms(percentile(times, 99))}, query p99 ${ms(percentile(queryTimes, 99))}, scan p50 ${ms(percentile(scanTimes, 50))}`);
      const perAnswer = answered / QUERIES;
      answered = 0;
      results.push({
        size,
        perAnswer,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        queryP50: percentile(queryTimes, 50),
        queryP99: percentile(queryTimes, 99),
        scanP50: percentile(scanTimes, 50),
        scans: scanTimes.length,
      });
    }
    return rows(results);
  } finally {
    await backend.close();
  }
}

interface Result {
  size: number;
  perAnswer: number;
  p50: number;
  p99: number;
  queryP50: number;
  queryP99: number;
  scanP50: number;
  scans: number;
}

function rows(results: Result[]): BenchRow[] {
  const first = results[0];
  const last = results[results.length - 1];
  const out: BenchRow[] = results.map((r) => ({
    item: `1. nearest 20 at ${r.size / 1000}k stations`,
    measured:
      `geoNear p50 ${ms(r.p50)}, p99 ${ms(r.p99)} (${QUERIES} queries, ${r.perAnswer.toFixed(1)} stations an answer); ` +
      `query form p50 ${ms(r.queryP50)}, p99 ${ms(r.queryP99)} (no radius, ${TOP} an answer); full scan p50 ${ms(r.scanP50)} (${r.scans} scans)`,
    budget: '',
  }));
  out.push({
    item: '1. nearest: p99 at 200k vs 1k',
    measured: `${ms(last.p99)} / ${ms(first.p99)} = ${ratio(last.p99 / first.p99)}`,
    budget: '≤ 2×',
    ok: last.p99 <= 2 * first.p99,
  });
  out.push({
    item: '1. nearest, query form: p99 at 200k vs 1k',
    measured: `${ms(last.queryP99)} / ${ms(first.queryP99)} = ${ratio(last.queryP99 / first.queryP99)}`,
    budget: '≤ 2×',
    ok: last.queryP99 <= 2 * first.queryP99,
  });
  out.push({
    item: '1. nearest: full scan vs geoNear at 200k',
    measured: `scan p50 ${ms(last.scanP50)} / geoNear p99 ${ms(last.p99)} = ${ratio(last.scanP50 / last.p99)} faster`,
    budget: '≥ 50× faster',
    ok: last.scanP50 >= 50 * last.p99,
  });
  return out;
}

async function nearest(db: Db, [lng, lat]: LngLat): Promise<string[]> {
  const { data } = await db
    .collection('stations')
    .aggregate()
    .geoNear({ near: new db.Geo.Point(lng, lat), distanceField: 'distance', spherical: true, maxDistance: MAX_DISTANCE_M, key: 'location' })
    .limit(TOP)
    .end();
  return (data as { _id: string }[]).map((d) => d._id);
}

/** The query form: nearest first, no radius, the first 20 (as database-geo.test.ts asks it). */
async function nearestByQuery(db: Db, [lng, lat]: LngLat): Promise<string[]> {
  const { data } = await db
    .collection('stations')
    .where({ location: db.command.geoNear({ geometry: new db.Geo.Point(lng, lat) }) })
    .field({ _id: true })
    .limit(TOP)
    .get();
  return (data as { _id: string }[]).map((d) => d._id);
}

/** Every station's position, page by page, then the 20 nearest within the radius by great-circle distance. */
async function fullScan(db: Db, at: LngLat, size: number): Promise<string[]> {
  const all: { id: string; distance: number }[] = [];
  for (let first = 0; first < size; first += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, size - first) }, (_x, i) => stationId(first + i));
    const { data } = await db
      .collection('stations')
      .where({ _id: db.command.in(ids) })
      .field({ _id: true, location: true })
      .limit(BATCH)
      .get();
    if (data.length !== ids.length) throw new Error(`a scan page answered ${data.length} of ${ids.length} stations`);
    // The SDK hands a stored point back as a Geo.Point (longitude, latitude).
    for (const doc of data as { _id: string; location: { longitude: number; latitude: number } }[]) {
      all.push({ id: doc._id, distance: haversineMeters(at, [doc.location.longitude, doc.location.latitude]) });
    }
  }
  return all
    .filter((s) => s.distance <= MAX_DISTANCE_M)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, TOP)
    .map((s) => s.id);
}

const stationId = (n: number) => `bench-st-${String(n).padStart(6, '0')}`;

/** A station as stored (fields of typings/models Station), so documents weigh what real ones do. */
function stationDocument(db: Db, n: number, [lng, lat]: LngLat) {
  return {
    _id: stationId(n),
    code: `B${n.toString(36).toUpperCase().padStart(5, '0')}`,
    name: `第${n}号社区人大代表联络站`,
    kind: n % 4 === 0 ? 'street' : 'community',
    district: `第${n % 120}区`,
    street: `第${n % 1600}街道`,
    community: `第${n}社区`,
    address: `广东省某市某区某街道${n}号社区党群服务中心二楼`,
    location: new db.Geo.Point(lng, lat),
    phone: `0755-${String(80000000 + n).slice(-8)}`,
    hours: [
      { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
      { weekdays: [1, 2, 3, 4, 5], open: '14:00', close: '18:00' },
    ],
    officerIds: [`sf-bench-${n}`],
    rules: ['接待选民制度', '代表联系选民制度', '意见建议办理反馈制度'],
    createdAt: new Date('2024-06-01T00:00:00Z'),
  };
}
