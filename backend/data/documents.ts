import type { GeoPoint } from '../../typings/models';

/**
 * What comes back from the SDK differs in small ways from what was stored: geo fields
 * arrive as SDK `Point` instances. Normalise at the data edge so use cases see plain types.
 */
export function toGeoPoint(value: unknown): GeoPoint {
  const point = value as { longitude?: number; latitude?: number; coordinates?: [number, number] };
  if (typeof point?.longitude === 'number' && typeof point.latitude === 'number') {
    return { type: 'Point', coordinates: [point.longitude, point.latitude] };
  }
  if (Array.isArray(point?.coordinates)) return { type: 'Point', coordinates: [point.coordinates[0], point.coordinates[1]] };
  throw new Error('document has no geo point where one is required');
}

/** CloudBase returns at most 1000 documents per get(); callers page beyond that. */
export const MAX_PAGE = 1000;
