import { notSupported, requestFailed } from './errors';
import { resolvePath } from './paths';
import { Doc, isPlainObject, MISSING } from './values';

/**
 * GeoJSON on a sphere, as MongoDB's 2dsphere index sees it. Distances are great-circle metres
 * with MongoDB's earth radius, so `$nearSphere`/`$geoNear` distances agree with CloudBase's.
 */
export const EARTH_RADIUS_M = 6378100;
const DEGREE = Math.PI / 180;

export type LngLat = [number, number];

export interface BBox {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export type Geometry =
  | { type: 'Point'; coordinates: LngLat }
  | { type: 'MultiPoint'; coordinates: LngLat[] }
  | { type: 'LineString'; coordinates: LngLat[] }
  | { type: 'MultiLineString'; coordinates: LngLat[][] }
  | { type: 'Polygon'; coordinates: LngLat[][] }
  | { type: 'MultiPolygon'; coordinates: LngLat[][][] };

const WORLD: BBox = { minX: -180, maxX: 180, minY: -90, maxY: 90 };

function isPosition(value: unknown): value is LngLat {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && Math.abs(value[0]) <= 180 && Math.abs(value[1]) <= 90;
}

function positions(value: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(value);
  return Array.isArray(value) && value.every((item) => positions(item, depth - 1));
}

function validRing(ring: LngLat[]): boolean {
  if (ring.length < 4) return false;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1];
}

/** Parses a GeoJSON object (or a legacy [lng, lat] pair); undefined when it is not one. */
export function parseGeometry(value: unknown): Geometry | undefined {
  if (isPosition(value) && value.length === 2) return { type: 'Point', coordinates: [value[0], value[1]] };
  if (!isPlainObject(value) || typeof value.type !== 'string') return undefined;
  const c = value.coordinates;
  switch (value.type) {
    case 'Point':
      return isPosition(c) ? { type: 'Point', coordinates: [c[0], c[1]] } : undefined;
    case 'MultiPoint':
      return positions(c, 1) ? { type: 'MultiPoint', coordinates: c as LngLat[] } : undefined;
    case 'LineString':
      return positions(c, 1) && (c as LngLat[]).length >= 2 ? { type: 'LineString', coordinates: c as LngLat[] } : undefined;
    case 'MultiLineString':
      return positions(c, 2) ? { type: 'MultiLineString', coordinates: c as LngLat[][] } : undefined;
    case 'Polygon':
      return positions(c, 2) && (c as LngLat[][]).length > 0 && (c as LngLat[][]).every(validRing) ? { type: 'Polygon', coordinates: c as LngLat[][] } : undefined;
    case 'MultiPolygon':
      return positions(c, 3) && (c as LngLat[][][]).every((poly) => poly.length > 0 && poly.every(validRing))
        ? { type: 'MultiPolygon', coordinates: c as LngLat[][][] }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The geometries stored under a 2dsphere-indexed path. Missing/null means "not indexed";
 * anything else that is not GeoJSON is rejected, as MongoDB does ("Can't extract geo keys").
 */
export function extractGeometries(doc: Doc, parts: string[], path: string): Geometry[] {
  const out: Geometry[] = [];
  for (const value of resolvePath(doc, parts)) {
    if (value === MISSING || value === null || value === undefined) continue;
    const single = parseGeometry(value);
    if (single) {
      out.push(single);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        const geometry = parseGeometry(item);
        if (!geometry) throw cantExtract(path, item);
        out.push(geometry);
      }
      continue;
    }
    throw cantExtract(path, value);
  }
  return out;
}

function cantExtract(path: string, value: unknown): Error {
  return requestFailed(`Can't extract geo keys: ${path}: ${JSON.stringify(value)} is not valid GeoJSON`);
}

function allPositions(geometry: Geometry): LngLat[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

export function geometryBBox(geometries: Geometry[]): BBox {
  const box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const geometry of geometries) {
    for (const [x, y] of allPositions(geometry)) {
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

/**
 * Great-circle distance in metres, computed as S2 (MongoDB's 2dsphere library) does: the angle
 * atan2(|a×b|, a·b) between unit vectors, times the earth radius. Haversine agrees only to ~1e-13
 * relative; this form reproduces CloudBase's figures to the last digit.
 */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const [ax, ay, az] = unitVector(a);
  const [bx, by, bz] = unitVector(b);
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz) * EARTH_RADIUS_M;
}

/** S2LatLng::FromDegrees(...).ToPoint(): degrees → radians as S1Angle does (× π/180, in that order) → unit vector. */
function unitVector([lng, lat]: LngLat): [number, number, number] {
  const phi = lat * DEGREE;
  const theta = lng * DEGREE;
  const cosPhi = Math.cos(phi);
  return [Math.cos(theta) * cosPhi, Math.sin(theta) * cosPhi, Math.sin(phi)];
}

/** Half the earth's circumference: no two points are further apart. */
export const MAX_DISTANCE_M = Math.PI * EARTH_RADIUS_M;

// Margin in degrees so float rounding never drops a point sitting on a box edge.
const EPSILON_DEG = 1e-7;

/** Lng/lat boxes covering a spherical cap (split in two when it crosses the antimeridian). */
export function circleBoxes(center: LngLat, radiusM: number): BBox[] {
  const angular = radiusM / EARTH_RADIUS_M;
  if (angular >= Math.PI) return [WORLD];
  const deg = (angular * 180) / Math.PI + EPSILON_DEG;
  const [lng, lat] = center;
  const minY = lat - deg;
  const maxY = lat + deg;
  if (minY <= -90 || maxY >= 90) return [{ minX: -180, maxX: 180, minY: Math.max(minY, -90), maxY: Math.min(maxY, 90) }];
  const ratio = Math.sin(angular) / Math.cos((lat * Math.PI) / 180);
  if (ratio >= 1) return [{ minX: -180, maxX: 180, minY, maxY }];
  const dLng = (Math.asin(ratio) * 180) / Math.PI + EPSILON_DEG;
  const minX = lng - dLng;
  const maxX = lng + dLng;
  if (minX < -180)
    return [
      { minX: minX + 360, maxX: 180, minY, maxY },
      { minX: -180, maxX, minY, maxY },
    ];
  if (maxX > 180)
    return [
      { minX, maxX: 180, minY, maxY },
      { minX: -180, maxX: maxX - 360, minY, maxY },
    ];
  return [{ minX, maxX, minY, maxY }];
}

/** Ray casting on lng/lat; points on the boundary count as inside. */
function inRing(point: LngLat, ring: LngLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (onSegment(point, ring[j], ring[i])) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onSegment(p: LngLat, a: LngLat, b: LngLat): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  if (Math.abs(cross) > 1e-12) return false;
  return p[0] >= Math.min(a[0], b[0]) - 1e-12 && p[0] <= Math.max(a[0], b[0]) + 1e-12 && p[1] >= Math.min(a[1], b[1]) - 1e-12 && p[1] <= Math.max(a[1], b[1]) + 1e-12;
}

function inPolygon(point: LngLat, rings: LngLat[][]): boolean {
  if (!inRing(point, rings[0])) return false;
  for (let i = 1; i < rings.length; i++) if (inRing(point, rings[i]) && !onRingEdge(point, rings[i])) return false;
  return true;
}

function onRingEdge(point: LngLat, ring: LngLat[]): boolean {
  for (let i = 1; i < ring.length; i++) if (onSegment(point, ring[i - 1], ring[i])) return true;
  return false;
}

/** Stored geometries must be points for exact geo predicates; other shapes are not emulated. */
export function pointsOf(geometries: Geometry[], operator: string): LngLat[] {
  const points: LngLat[] = [];
  for (const geometry of geometries) {
    if (geometry.type === 'Point') points.push(geometry.coordinates);
    else if (geometry.type === 'MultiPoint') points.push(...geometry.coordinates);
    else throw notSupported(`${operator} against stored ${geometry.type} values (only Point/MultiPoint)`);
  }
  return points;
}

/** Whether a point lies within/intersects a query geometry. */
export function pointTouches(point: LngLat, shape: Geometry): boolean {
  switch (shape.type) {
    case 'Point':
      return point[0] === shape.coordinates[0] && point[1] === shape.coordinates[1];
    case 'MultiPoint':
      return shape.coordinates.some((c) => point[0] === c[0] && point[1] === c[1]);
    case 'LineString':
      return shape.coordinates.slice(1).some((c, i) => onSegment(point, shape.coordinates[i], c));
    case 'MultiLineString':
      return shape.coordinates.some((line) => line.slice(1).some((c, i) => onSegment(point, line[i], c)));
    case 'Polygon':
      return inPolygon(point, shape.coordinates);
    case 'MultiPolygon':
      return shape.coordinates.some((rings) => inPolygon(point, rings));
  }
}
