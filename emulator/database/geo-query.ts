import { notSupported, requestFailed } from './errors';
import { BBox, circleBoxes, distanceMeters, EARTH_RADIUS_M, Geometry, geometryBBox, LngLat, MAX_DISTANCE_M, parseGeometry, pointsOf, pointTouches } from './geo';
import { Doc, isPlainObject, MISSING } from './values';

/** The geo query operators ($nearSphere, $geoWithin, $geoIntersects) parsed from a filter. */

export const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects']);

export interface NearQuery {
  path: string;
  center: LngLat;
  minDistance: number;
  maxDistance: number;
}

export interface RegionQuery {
  path: string;
  operator: '$geoWithin' | '$geoIntersects';
  /** Boxes covering the region: the R*Tree prefilter. */
  boxes: BBox[];
  test(points: LngLat[]): boolean;
}

function distanceOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !(value >= 0)) throw requestFailed(`${name} must be a non-negative number`);
  return value;
}

/**
 * `{ $nearSphere: { $geometry: Point, $maxDistance, $minDistance } }` (what the SDK sends).
 * Distances are metres. Legacy coordinate pairs (radians) are not emulated.
 */
export function parseNear(operator: string, ops: Doc, path: string): NearQuery {
  const spec = ops[operator];
  if (!isPlainObject(spec) || spec.$geometry === undefined) {
    throw notSupported(`${operator} with legacy coordinate pairs (use a GeoJSON $geometry)`);
  }
  const geometry = parseGeometry(spec.$geometry);
  if (!geometry || geometry.type !== 'Point') throw requestFailed(`${operator} requires a GeoJSON Point $geometry`);
  const minDistance = distanceOption(spec.$minDistance ?? ops.$minDistance, '$minDistance', 0);
  const maxDistance = distanceOption(spec.$maxDistance ?? ops.$maxDistance, '$maxDistance', Infinity);
  return { path, center: geometry.coordinates, minDistance, maxDistance };
}

export function parseRegion(operator: '$geoWithin' | '$geoIntersects', spec: unknown, path: string): RegionQuery {
  if (!isPlainObject(spec)) throw requestFailed(`${operator} requires an object`);
  if (operator === '$geoWithin' && spec.$centerSphere !== undefined) return parseCenterSphere(spec.$centerSphere, path);
  if (spec.$geometry === undefined) {
    const form = Object.keys(spec)[0] ?? '(empty)';
    throw notSupported(`${operator} with ${form} (use $geometry or $centerSphere)`);
  }
  const shape = parseGeometry(spec.$geometry);
  if (!shape) throw requestFailed(`${operator}: invalid GeoJSON $geometry`);
  if (operator === '$geoWithin' && shape.type !== 'Polygon' && shape.type !== 'MultiPolygon') {
    throw requestFailed('$geoWithin $geometry must be a Polygon or MultiPolygon');
  }
  const within = operator === '$geoWithin';
  return {
    path,
    operator,
    boxes: [geometryBBox([shape])],
    // Within: every point of the stored value inside; intersects: any point touching.
    test: (points) => (within ? points.every((p) => pointTouches(p, shape)) : points.some((p) => pointTouches(p, shape))),
  };
}

function parseCenterSphere(value: unknown, path: string): RegionQuery {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'number' || value[1] < 0) {
    throw requestFailed('$centerSphere must be [[lng, lat], radiusInRadians]');
  }
  const center = parseGeometry(value[0]);
  if (!center || center.type !== 'Point') throw requestFailed('$centerSphere center must be [lng, lat]');
  const radius = Math.min(value[1] * EARTH_RADIUS_M, MAX_DISTANCE_M);
  return {
    path,
    operator: '$geoWithin',
    boxes: circleBoxes(center.coordinates, radius),
    test: (points) => points.every((p) => distanceMeters(p, center.coordinates) <= radius),
  };
}

/** Stored geo values reached by a path, as points (stored non-point shapes are not emulated). */
export function storedPoints(values: unknown[], operator: string): LngLat[][] {
  const groups: LngLat[][] = [];
  for (const value of values) {
    if (value === MISSING || value === null || value === undefined) continue;
    const geometry = parseGeometry(value);
    const geometries: Geometry[] = geometry ? [geometry] : Array.isArray(value) ? value.map(parseGeometry).filter((g): g is Geometry => g !== undefined) : [];
    for (const g of geometries) groups.push(pointsOf([g], operator));
  }
  return groups;
}

/** Smallest distance from a query centre to any stored point (Infinity when there is none). */
export function nearestDistance(values: unknown[], center: LngLat, operator: string): number {
  let best = Infinity;
  for (const group of storedPoints(values, operator)) {
    for (const point of group) best = Math.min(best, distanceMeters(point, center));
  }
  return best;
}
