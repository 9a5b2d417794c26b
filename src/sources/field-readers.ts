/**
 * Small readers for the fields every event format shares. Each returns the value or a reason
 * the field cannot be read, so a row is set aside with a message rather than guessed at.
 */
export type Field<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The most deaths (or people) one row may count: more than any event recorded (UCDP's largest
 * single events count hundreds of thousands), and within what both stores hold as a whole number
 * (PostgreSQL's integer), so a typo of extra digits is set aside rather than failing the import.
 */
export const LARGEST_COUNT = 10_000_000;

export function readCount(raw: string | undefined, name: string, required: boolean): Field<number | null> {
  const s = (raw ?? '').trim();
  if (s === '') {
    return required
      ? { ok: false, reason: `${name} is empty; expected a whole number of 0 or more` }
      : { ok: true, value: null };
  }
  if (!/^-?\d+(\.0+)?$/.test(s)) return { ok: false, reason: `${name} "${s}" is not a whole number` };
  const n = Number.parseInt(s, 10);
  if (n < 0) return { ok: false, reason: `${name} is ${n}; expected 0 or more` };
  if (n > LARGEST_COUNT)
    return {
      ok: false,
      reason: `${name} is ${s}; expected at most ${LARGEST_COUNT.toLocaleString('en-US')} (more than any event recorded)`,
    };
  return { ok: true, value: n };
}

export function readCoordinate(
  raw: string | undefined,
  name: 'latitude' | 'longitude',
): Field<number | null> {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: true, value: null };
  const n = Number(s.replace(',', '.'));
  const limit = name === 'latitude' ? 90 : 180;
  if (!Number.isFinite(n)) return { ok: false, reason: `${name} "${s}" is not a number` };
  if (Math.abs(n) > limit) return { ok: false, reason: `${name} ${s} is outside -${limit}..${limit}` };
  return { ok: true, value: n };
}

/**
 * A point written in one cell, latitude first, as HXL's #geo+coord writes it ("14.5,-6.0"; "14.5
 * -6.0"; with decimal commas, "14,5; -6,0"). An empty cell is no point.
 */
export function readPoint(
  raw: string | undefined,
): Field<{ latitude: number | null; longitude: number | null }> {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: true, value: { latitude: null, longitude: null } };
  const commas = s.split(',').length - 1;
  const parts = s.includes(';')
    ? s.split(';')
    : commas === 1
      ? s.split(',')
      : commas === 0
        ? s.split(/\s+/)
        : [];
  if (parts.length !== 2)
    return {
      ok: false,
      reason: `point "${s}" is not a latitude and a longitude; expected them as 14.5,-6.0`,
    };
  return readLatLon(parts[0], parts[1]);
}

/** A point read from its latitude and longitude; where one fails, `field` says which. */
export type PointField =
  | { ok: true; value: { latitude: number | null; longitude: number | null } }
  | { ok: false; reason: string; field: 'latitude' | 'longitude' };

/**
 * A point from its two coordinates: each read (readCoordinate), and given whole or not at all
 * (missingHalfOfPoint). Every reader's point, so the checks and their order are one.
 */
export function readLatLon(rawLat: string | undefined, rawLon: string | undefined): PointField {
  const lat = readCoordinate(rawLat, 'latitude');
  if (!lat.ok) return { ...lat, field: 'latitude' };
  const lon = readCoordinate(rawLon, 'longitude');
  if (!lon.ok) return { ...lon, field: 'longitude' };
  const half = missingHalfOfPoint(lat.value, lon.value);
  if (half) return { ok: false, reason: halfPointReason(half), field: half };
  return { ok: true, value: { latitude: lat.value, longitude: lon.value } };
}

/**
 * The coordinate missing from a point given by half (a longitude without its latitude, or the
 * reverse), or null when both or neither are given: half a point cannot be mapped, and keeping it
 * would hide a slip in the file.
 */
export function missingHalfOfPoint(lat: number | null, lon: number | null): 'latitude' | 'longitude' | null {
  if ((lat === null) === (lon === null)) return null;
  return lat === null ? 'latitude' : 'longitude';
}

/** The reason a row with half a point is set aside. */
export function halfPointReason(missing: 'latitude' | 'longitude'): string {
  const given = missing === 'latitude' ? 'longitude' : 'latitude';
  return `${missing} is empty but ${given} is given: a point needs both (or neither)`;
}

export function readSmallInt(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (!/^-?\d+$/.test(s)) return null;
  return Number.parseInt(s, 10);
}

/** Looks a column up by any of its names, case-insensitively; -1 when absent. */
export function columnIndex(header: readonly string[], ...names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n);
    if (i !== -1) return i;
  }
  return -1;
}
