/** The Earth's mean radius in kilometres, as the local-process check's contract fixes it. */
export const EARTH_RADIUS_KM = 6371;

/**
 * The great-circle distance in kilometres between two points given in degrees (haversine formula,
 * on a sphere of radius 6371 km): good to about 0.5% against the ellipsoid, which is far finer than
 * the places events are coded to.
 */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A latitude-longitude box that holds every point within `km` of a point, for narrowing a query
 * before the exact distance is taken (wider near the poles; the whole longitude range there).
 */
export function boxAround(
  lat: number,
  lon: number,
  km: number,
): { south: number; north: number; west: number; east: number } {
  const dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI);
  const cos = Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180);
  const dLon = cos > 0.01 ? dLat / cos : 180;
  if (dLon >= 180) return { south: lat - dLat, north: lat + dLat, west: -180, east: 180 };
  return { south: lat - dLat, north: lat + dLat, west: lon - dLon, east: lon + dLon };
}
