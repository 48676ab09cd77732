/**
 * Coordinates for the demo district. All points are GCJ-02, the datum WeChat's map and
 * wx.getLocation({ type: 'gcj02' }) use, so a resident's position and the stations agree.
 */
import type { Random } from './prng';

export interface LngLat {
  lng: number;
  lat: number;
}

/** Rough extent of 福田区; every demo point must fall inside it. */
export const FUTIAN_BOUNDS = { minLng: 113.99, maxLng: 114.1, minLat: 22.5, maxLat: 22.59 } as const;

const EARTH_RADIUS_M = 6_371_000;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance; at this scale GCJ-02's offset is uniform enough to ignore. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

export function isInsideFutian(point: LngLat): boolean {
  return point.lng >= FUTIAN_BOUNDS.minLng && point.lng <= FUTIAN_BOUNDS.maxLng && point.lat >= FUTIAN_BOUNDS.minLat && point.lat <= FUTIAN_BOUNDS.maxLat;
}

/**
 * A point up to `maxMeters` from `centre`, uniform over the disc, so community stations
 * do not all sit on the textbook centre of their community.
 */
export function jitter(centre: LngLat, maxMeters: number, random: Random): LngLat {
  const distance = maxMeters * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const dLat = (distance * Math.cos(bearing)) / EARTH_RADIUS_M;
  const dLng = (distance * Math.sin(bearing)) / (EARTH_RADIUS_M * Math.cos(toRad(centre.lat)));
  // Six decimals is ~0.1 m: what a map picker stores, and stable when printed.
  return { lng: round6(centre.lng + (dLng * 180) / Math.PI), lat: round6(centre.lat + (dLat * 180) / Math.PI) };
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
