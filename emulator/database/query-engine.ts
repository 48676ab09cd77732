import { decodeStored } from './codec';
import { requestFailed } from './errors';
import { BBox, circleBoxes, distanceMeters, LngLat, MAX_DISTANCE_M } from './geo';
import { NearQuery, nearestDistance } from './geo-query';
import { compileFilter, Predicate } from './matcher';
import { resolvePath, splitPath } from './paths';
import { checkGeo, geoIndexFor, planFilter, textNeedles, usesNear } from './planner';
import { compareSortValues, SortKey, sortValues } from './sort';
import { Collection, GeoIndex, Store } from './store';
import { Doc, isPlainObject } from './values';

/** A matching document: row id, stored EJSON text (answered as is) and parsed form. */
export interface Found {
  rid: number;
  text: string;
  doc: Doc;
  /** Metres from the query point, for `$nearSphere`/`$geoNear`. */
  distance?: number;
}

export interface FindOptions {
  sort?: SortKey[];
  skip?: number;
  limit?: number;
}

// First ring of the nearest-neighbour search; it doubles until enough documents are found.
const FIRST_RING_M = 1000;

/** Reads: index-narrowed candidates checked by the matcher; geo nearest-first via the R*Tree. */
export class QueryEngine {
  constructor(private readonly store: Store) {}

  /** A page of matches: natural order, nearest first for `$nearSphere`, or sorted (which wins). */
  find(collection: Collection, filter: unknown, options: FindOptions = {}): Found[] {
    const sort = options.sort ?? [];
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Infinity;
    if (sort.length > 0 && isEmptyFilter(filter)) {
      const sorted = this.sortWholeCollection(collection, sort, skip, limit);
      if (sorted) return sorted;
    }
    const source = this.select(collection, filter);
    return sort.length === 0 ? take(source, skip, limit) : topK(source, sort, skip, limit);
  }

  count(collection: Collection, filter: unknown): number {
    if (usesNear(filter)) throw requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context');
    checkGeo(collection, filter);
    if (!isPlainObject(filter) || Object.keys(filter).length === 0) return this.store.count(collection);
    let n = 0;
    for (const found of this.matches(collection, filter)) {
      void found;
      n++;
    }
    return n;
  }

  /**
   * A page of a whole collection in sort order, reading only the sort fields (SQLite extracts
   * them) and then the page's documents. Top-level field names only; undefined otherwise.
   */
  private sortWholeCollection(collection: Collection, sort: SortKey[], skip: number, limit: number): Found[] | undefined {
    if (!Number.isFinite(limit) || !sort.every((k) => k.parts.length === 1 && /^[A-Za-z0-9_]+$/.test(k.parts[0]))) return undefined;
    const fields = sort.map((k) => k.parts[0]);
    const store = this.store;
    const rows = (function* () {
      for (const row of store.fieldScan(collection, fields)) {
        const doc: Doc = {};
        fields.forEach((field, i) => {
          const value = sqlJsonValue(row[1 + i * 2] as string | null, row[2 + i * 2]);
          if (value !== undefined) doc[field] = value;
        });
        yield { rid: row[0] as number, text: '', doc };
      }
    })();
    const page = topK(rows, sort, skip, limit);
    const byRid = new Map<number, Found>();
    for (const row of this.store.scan(
      collection,
      page.map((p) => p.rid).sort((a, b) => a - b),
    )) {
      byRid.set(row.rid, { rid: row.rid, text: row.text, doc: decodeStored(row.text) });
    }
    return page.map((p) => byRid.get(p.rid)!);
  }

  /** Matching documents, lazily: nearest first for `$nearSphere`, else natural order. */
  select(collection: Collection, filter: unknown): Generator<Found> {
    const near = checkGeo(collection, filter);
    const predicate = compileFilter(filter);
    return near ? this.nearest(collection, near, predicate) : this.matches(collection, filter, predicate);
  }

  /** Matching documents in natural order, lazily (the caller may stop early). */
  *matches(collection: Collection, filter: unknown, predicate: Predicate = compileFilter(filter)): Generator<Found> {
    const plan = planFilter(collection, filter);
    if (plan.kind === 'none') return;
    const rids = plan.kind === 'rids' ? this.store.candidateRids(plan.sql, plan.params) : undefined;
    for (const row of this.store.scan(collection, rids, textNeedles(filter))) {
      const doc = decodeStored(row.text);
      if (predicate(doc)) yield { rid: row.rid, text: row.text, doc };
    }
  }

  /**
   * Nearest first, lazily (incremental best-first search). The R*Tree is read in rings of
   * growing radius: once a ring is read, every point within `covered` metres is known, with a
   * lower bound of its distance from its stored box. Documents are fetched in lower-bound order
   * and emitted once their exact great-circle distance is no more than `covered` and no more than
   * any bound still pending — so about as many documents are read as the caller consumes.
   */
  *nearest(collection: Collection, near: NearQuery, predicate: Predicate): Generator<Found & { distance: number }> {
    const index = geoIndexFor(collection, near.path);
    if (!index) throw requestFailed(`unable to find index for $geoNear query on '${near.path}'`);
    const parts = splitPath(near.path);
    const limit = Math.min(near.maxDistance, MAX_DISTANCE_M);
    const seen = new Set<number>();
    let unfetched: { rid: number; low: number }[] = [];
    const fetched: (Found & { distance: number })[] = [];
    let covered = 0;
    for (;;) {
      const nextLow = unfetched.length ? unfetched[0].low : Infinity;
      if (fetched.length && fetched[0].distance <= Math.min(nextLow, covered)) {
        yield fetched.shift()!;
        continue;
      }
      if (unfetched.length && nextLow <= covered) {
        const batch = unfetched.splice(0, FETCH_BATCH).map((c) => c.rid);
        for (const row of this.store.scan(
          collection,
          batch.sort((a, b) => a - b),
        )) {
          const doc = decodeStored(row.text);
          const distance = nearestDistance(resolvePath(doc, parts), near.center, '$nearSphere');
          if (distance < near.minDistance || distance > near.maxDistance || !predicate(doc)) continue;
          insertByDistance(fetched, { rid: row.rid, text: row.text, doc, distance });
        }
        continue;
      }
      if (covered >= limit) return;
      const inner = covered === 0 ? [] : circleBoxes(near.center, covered);
      covered = this.nextRing(index, near, inner, covered, limit);
      for (const [rid, minX, maxX, minY, maxY] of this.store.geoRing(index, circleBoxes(near.center, covered), inner, false)) {
        if (seen.has(rid)) continue;
        seen.add(rid);
        const { low, high } = boxDistanceBounds(near.center, { minX, maxX, minY, maxY });
        // Entries that cannot fall within [$minDistance, $maxDistance] are never fetched.
        if (high < near.minDistance || low > limit) continue;
        unfetched.push({ rid, low });
      }
      unfetched = unfetched.sort((a, b) => a.low - b.low);
    }
  }

  /**
   * The next ring radius: double the last one, unless that brings in more than RING_MAX new
   * entries (a sparse gap, then a dense area); then a smaller one, found by interpolation on
   * cheap R*Tree counts.
   */
  private nextRing(index: GeoIndex, near: NearQuery, inner: BBox[], covered: number, limit: number): number {
    const target = Math.min(covered === 0 ? Math.max(FIRST_RING_M, near.minDistance + FIRST_RING_M) : covered * 2, limit);
    const fresh = (r: number) => this.store.geoRing(index, circleBoxes(near.center, r), inner, true);
    let hi = target;
    let n = fresh(hi);
    if (n <= RING_MAX) return target;
    // Shrink towards the previous ring in proportion to the overshoot (a few counts at most).
    let lo = covered;
    for (let i = 0; i < 6 && hi - lo > 1; i++) {
      const guess = lo + (hi - lo) * Math.max(0.05, Math.min(0.95, RING_MAX / 2 / n));
      const m = fresh(guess);
      if (m > RING_MAX) {
        hi = guess;
        n = m;
      } else {
        lo = guess;
        if (m >= RING_MAX / 8) break;
      }
    }
    // Entries all at one spot cannot be split: take them together.
    return lo > covered ? lo : hi;
  }
}

// New R*Tree entries read per ring, at most (unless they sit at one spot), and documents per fetch.
const RING_MAX = 16384;
const FETCH_BATCH = 32;

/**
 * Bounds on the distance from a point to anything inside a stored box, by the triangle
 * inequality around the box centre (valid on the sphere; tight for a point's box). The slack
 * covers the R*Tree's float32 rounding.
 */
function boxDistanceBounds(center: LngLat, box: BBox): { low: number; high: number } {
  const middle: LngLat = [(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2];
  const toMiddle = distanceMeters(center, middle);
  const slack = distanceMeters([box.minX, box.minY], [box.maxX, box.maxY]) / 2 + 5;
  return { low: Math.max(0, toMiddle - slack), high: toMiddle + slack };
}

function insertByDistance(list: (Found & { distance: number })[], item: Found & { distance: number }): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].distance < item.distance || (list[mid].distance === item.distance && list[mid].rid < item.rid)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

function take<T>(source: Iterable<T>, skip: number, limit: number): T[] {
  const out: T[] = [];
  if (limit <= 0) return out;
  let index = 0;
  for (const item of source) {
    if (index++ < skip) continue;
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Sorted page without holding every match: keep the best `skip + limit`, pruning as we go. */
function topK(source: Iterable<Found>, sort: SortKey[], skip: number, limit: number): Found[] {
  const need = skip + limit;
  let buffer: { found: Found; values: unknown[]; seq: number }[] = [];
  const order = (a: (typeof buffer)[number], b: (typeof buffer)[number]) => compareSortValues(a.values, b.values, sort) || a.seq - b.seq;
  let seq = 0;
  for (const found of source) {
    buffer.push({ found, values: sortValues(found.doc, sort), seq: seq++ });
    if (buffer.length >= Math.max(2 * need, 1024) && Number.isFinite(need)) {
      buffer.sort(order);
      buffer = buffer.slice(0, need);
    }
  }
  buffer.sort(order);
  return buffer.slice(skip, Number.isFinite(need) ? need : undefined).map((b) => b.found);
}

function isEmptyFilter(filter: unknown): boolean {
  return filter === undefined || filter === null || (isPlainObject(filter) && Object.keys(filter).length === 0);
}

/** A value from SQLite's json_type/json_extract, as the stored document holds it. */
function sqlJsonValue(type: string | null, value: unknown): unknown {
  switch (type) {
    case null:
      return undefined;
    case 'null':
      return null;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'object':
    case 'array':
      return decodeStored(`{"v":${value as string}}`).v;
    default:
      return value;
  }
}
