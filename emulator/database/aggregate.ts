import { Aggregator } from 'mingo';
import type { PipelineOperator } from 'mingo/types/core';
import type { Iterator as LazyIterator } from 'mingo/types/lazy';
import { decodeEJSON } from './codec';
import { invalidOperator, notSupported, requestFailed } from './errors';
import { parseGeometry } from './geo';
import { compileFilter } from './matcher';
import { mingoOptions, standardStages, withMingoErrors } from './mingo-context';
import { getAtPath, resolvePath, setAtPath, splitPath } from './paths';
import { checkGeo, usesNear } from './planner';
import { Found, QueryEngine } from './query-engine';
import { parseSort, sortDocs } from './sort';
import { Collection, Store } from './store';
import { Doc, isPlainObject, MISSING } from './values';

/**
 * aggregate(): the SDK sends `stages: [{ stageKey: '$match', stageValue: '<EJSON>' }]`.
 * A leading `$match` reads through the planner (indexes), a leading `$geoNear` through the
 * R*Tree (nearest first, lazily); the rest runs in mingo, with our own `$match`/`$sort`
 * (same semantics as queries) and `$lookup` (index-aware, one query per input document).
 */
const MINGO_STAGES = [
  '$addFields',
  '$set',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$facet',
  '$group',
  '$limit',
  '$project',
  '$replaceRoot',
  '$replaceWith',
  '$sample',
  '$skip',
  '$sortByCount',
  '$unset',
  '$unwind',
];
const UNSUPPORTED_STAGES = [
  '$out',
  '$merge',
  '$graphLookup',
  '$unionWith',
  '$densify',
  '$fill',
  '$setWindowFields',
  '$redact',
  '$documents',
  '$indexStats',
  '$collStats',
  '$currentOp',
  '$listSessions',
  '$planCacheStats',
];

interface Stage {
  name: string;
  value: unknown;
}

export class AggregateRunner {
  constructor(
    private readonly store: Store,
    private readonly engine: QueryEngine,
  ) {}

  run(collection: Collection, rawStages: unknown, now: number): Doc[] {
    const stages = decodeStages(rawStages, now);
    let source: Iterable<Doc>;
    let rest = stages;
    const first = stages[0];
    if (first?.name === '$geoNear') {
      rest = stages.slice(1);
      // The search is nearest first and lazy, but the pipeline reads its whole source: bound it
      // here by what leading $skip/$limit stages can use, so "the 20 nearest" reads about 20.
      source = take(this.geoNear(collection, first.value), leadingWindow(rest));
    } else if (first?.name === '$match') {
      if (usesNear(first.value)) throw requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context');
      checkGeo(collection, first.value);
      source = docsOf(this.engine.matches(collection, first.value));
      rest = stages.slice(1);
    } else {
      source = docsOf(this.engine.matches(collection, {}));
    }
    const pipeline = rest.map((stage) => ({ [stage.name]: stage.value }));
    return withMingoErrors(() => new Aggregator(pipeline, mingoOptions(this.stageOperators())).run(source) as Doc[]);
  }

  private stageOperators(): Record<string, PipelineOperator> {
    const stages: Record<string, PipelineOperator> = {};
    for (const name of MINGO_STAGES) stages[name] = standardStages[name];
    stages.$match = (input, expr) => {
      if (usesNear(expr)) throw requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context');
      const predicate = compileFilter(expr);
      return input.filter((doc) => predicate(doc as Doc));
    };
    stages.$sort = (input, expr) => {
      const keys = parseSort(expr);
      if (keys.length === 0) throw requestFailed('$sort stage must have at least one sort key');
      return input.transform((docs) =>
        sortDocs(
          docs.map((doc) => ({ doc: doc as Doc })),
          keys,
        ).map((item) => item.doc),
      );
    };
    stages.$lookup = (input, expr) => this.lookup(input, expr);
    stages.$geoNear = () => {
      throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
    };
    return stages;
  }

  /** `$lookup` with localField/foreignField: the foreign side is queried with `$in`, using its indexes. */
  private lookup(input: LazyIterator, expr: unknown): LazyIterator {
    if (!isPlainObject(expr)) throw requestFailed('$lookup requires an object');
    if (expr.pipeline !== undefined || expr.let !== undefined) throw notSupported('$lookup with let/pipeline');
    const { from, localField, foreignField, as } = expr;
    if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string' || typeof as !== 'string') {
      throw requestFailed('$lookup needs from, localField, foreignField and as (strings)');
    }
    const foreign = this.store.collection(from);
    const localParts = splitPath(localField);
    const asParts = splitPath(as);
    return input.map((value) => {
      const doc = value as Doc;
      const keys: unknown[] = [];
      for (const v of resolvePath(doc, localParts)) {
        if (Array.isArray(v)) keys.push(...v);
        else keys.push(v === MISSING ? null : v);
      }
      if (keys.length === 0) keys.push(null);
      const joined = this.engine.find(foreign, { [foreignField]: { $in: keys } }).map((found) => found.doc);
      const out = { ...doc };
      setAtPath(out, asParts, joined);
      return out;
    });
  }

  /** `$geoNear` as the first stage: nearest first with `distanceField`, lazily (a later $limit stops the search). */
  private *geoNear(collection: Collection, spec: unknown): Generator<Doc> {
    if (!isPlainObject(spec)) throw requestFailed('$geoNear requires an object');
    if (typeof spec.distanceField !== 'string') throw requestFailed('$geoNear requires a distanceField');
    const near = parseGeometry(spec.near);
    if (!near || near.type !== 'Point') throw requestFailed('$geoNear requires near to be a GeoJSON Point');
    if (spec.spherical === false) throw notSupported('$geoNear with spherical: false (flat 2d geometry)');
    let key = spec.key;
    if (key === undefined) {
      if (collection.geoIndexes.length !== 1) {
        throw requestFailed(
          collection.geoIndexes.length === 0
            ? `unable to find index for $geoNear query: no 2dsphere index in collection ${collection.name}`
            : 'There is more than one 2dsphere index; you must specify the key',
        );
      }
      key = collection.geoIndexes[0].field;
    }
    if (typeof key !== 'string') throw requestFailed('$geoNear key must be a string');
    const query = spec.query ?? {};
    if (usesNear(query)) throw requestFailed('$geoNear query must not contain $near or $nearSphere');
    const filter = { [key]: { $nearSphere: { $geometry: near, $minDistance: spec.minDistance, $maxDistance: spec.maxDistance } } };
    const nearQuery = checkGeo(collection, filter)!;
    const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
    const distanceParts = splitPath(spec.distanceField);
    const locsParts = typeof spec.includeLocs === 'string' ? splitPath(spec.includeLocs) : undefined;
    const keyParts = splitPath(key);
    for (const found of this.engine.nearest(collection, nearQuery, compileFilter(query))) {
      const doc = found.doc;
      setAtPath(doc, distanceParts, found.distance * multiplier);
      if (locsParts) setAtPath(doc, locsParts, getAtPath(found.doc, keyParts));
      yield doc;
    }
  }
}

function* docsOf(found: Iterable<Found>): Generator<Doc> {
  for (const item of found) yield item.doc;
}

function decodeStages(raw: unknown, now: number): Stage[] {
  if (!Array.isArray(raw)) throw requestFailed('stages must be an array');
  return raw.map((stage, i) => {
    let name: string;
    let value: unknown;
    if (isPlainObject(stage) && typeof stage.stageKey === 'string') {
      name = stage.stageKey;
      value = decodeEJSON(stage.stageValue, now, `stage ${name}`);
    } else if (isPlainObject(stage) && Object.keys(stage).length === 1) {
      name = Object.keys(stage)[0];
      value = decodeEJSON(stage[name], now, `stage ${name}`);
    } else throw requestFailed(`invalid aggregation stage #${i}`);
    if (!name.startsWith('$')) name = `$${name}`;
    if (UNSUPPORTED_STAGES.includes(name)) throw notSupported(`aggregation stage ${name}`);
    if (!MINGO_STAGES.includes(name) && !['$match', '$sort', '$lookup', '$geoNear'].includes(name)) {
      throw invalidOperator(name, 'pipeline stage');
    }
    return { name, value };
  });
}

/** How many source documents a run of leading `$skip`/`$limit` stages can use (Infinity without a `$limit`). */
function leadingWindow(stages: readonly Stage[]): number {
  let offset = 0;
  let bound = Infinity;
  for (const stage of stages) {
    const n = typeof stage.value === 'number' ? stage.value : NaN;
    if (!Number.isInteger(n) || n < 0) break; // malformed: let the pipeline refuse it as before
    if (stage.name === '$skip') offset += n;
    else if (stage.name === '$limit') bound = Math.min(bound, offset + n);
    else break;
  }
  return bound;
}

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    taken += 1;
    if (taken >= count) return;
  }
}
