/** Distances on the Earth's surface, for checking that a deputy is at the station. */

/** The mean Earth radius (IUGG), the one great-circle distances are usually given in. */
const EARTH_RADIUS_M = 6_371_008.8;

export interface LatLng {
  latitude: number;
  longitude: number;
}

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine: exact on a sphere, stable for short distances). */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How a person says a distance: '350 米', '1.2 公里'. */
export function describeDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} 米`;
  return `${(Math.round(metres / 100) / 10).toFixed(1)} 公里`;
}
