import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  matchAreasByPoints,
  type NamedPoint,
  spelledTwiceByPoints,
} from '../analysis/area-match-by-points.ts';
import { countryByPoints, type Point } from '../analysis/country-by-points.ts';
import { type AreaNameMatch, foldAreaName, matchAreaNames } from '../domain/area-names.ts';
import { TandemError } from '../domain/tandem-error.ts';
import {
  type Boundary,
  boundingBox,
  countriesFromFileName,
  type RefusedFeature,
  readBoundaries,
  squareDegrees,
} from '../sources/boundary-reader.ts';
import type { Database } from '../store/schema.ts';
import { coarserShapes } from './coarser-shapes.ts';
import { placeEventsByPoint } from './events-placed-by-point.ts';
import { defineOperation } from './operation.ts';

/** A new polygon this much smaller than the stored one it replaces is worth a second look. */
const SHRINK_WARNING = 0.01;

/**
 * Why a polygon about to replace a stored one looks wrong, or null: it is under 1% of the stored
 * one's area, or lies wholly outside it (its bounding box does not meet the stored one's). A
 * state's polygon replaced by a 1° triangle elsewhere is a mistake or an attack.
 */
function replacementWarning(shape: Boundary, stored: string | null): string | null {
  if (!stored) return null;
  let old: Boundary['geometry'];
  try {
    old = JSON.parse(stored);
    if (old?.type !== 'Polygon' && old?.type !== 'MultiPolygon') return null;
  } catch {
    return null;
  }
  const [w1, s1, e1, n1] = boundingBox(shape.geometry.coordinates);
  const [w2, s2, e2, n2] = boundingBox(old.coordinates);
  if (w1 > e2 || w2 > e1 || s1 > n2 || s2 > n1) {
    return `the new polygon lies wholly outside the one it replaced (bounding boxes [${w1}, ${s1}, ${e1}, ${n1}] and [${w2}, ${s2}, ${e2}, ${n2}] do not meet)`;
  }
  const before = squareDegrees(old);
  const after = squareDegrees(shape.geometry);
  if (before > 0 && after < SHRINK_WARNING * before) {
    const share = (100 * after) / before;
    return `the new polygon is ${share < 0.01 ? 'under 0.01' : share.toPrecision(2)}% of the area of the one it replaced`;
  }
  return null;
}

/** Events sampled per admin-1 area to pair the shapes that spelling could not. */
const SAMPLED_EVENTS = 200;

/** Up to SAMPLED_EVENTS located events of each of the country's admin-1 areas. */
async function sampledPoints(
  db: Kysely<Database>,
  country: string,
  dataNames: readonly string[],
): Promise<NamedPoint[]> {
  const points: NamedPoint[] = [];
  for (const admin1 of dataNames) {
    // Distinct places: a capital where hundreds of events share one point counts once.
    const rows = await db
      .selectFrom('events')
      .select(['latitude', 'longitude'])
      .distinct()
      .where('country', '=', country)
      .where('admin1', '=', admin1)
      .where('latitude', 'is not', null)
      .where('longitude', 'is not', null)
      .limit(SAMPLED_EVENTS)
      .execute();
    for (const r of rows)
      points.push({ admin1, latitude: Number(r.latitude), longitude: Number(r.longitude) });
  }
  return points;
}

/**
 * Pairs the shapes and data names that spelling left apart by where the events lie
 * (matchAreasByPoints), in place: an exonym ("Timbuktu" and "Tombouctou") is the same area, also
 * where the data spells it both ways (spelledTwiceByPoints: a variant of the shape's pair). Then
 * takes back the pairs of shapes that are older or coarser units than the data's areas
 * (coarserShapes: DR Congo's "Orientale" holding Ituri, Haut-Uele …), which keep their own name.
 * Returns those shapes, by index, with the data's areas they cover.
 */
async function matchRestByPoints(
  db: Kysely<Database>,
  country: string,
  shapes: readonly Boundary[],
  matches: AreaNameMatch[],
  dataNames: readonly string[],
): Promise<Map<number, string[]>> {
  const openShapes = new Set(matches.flatMap((m, i) => (m.data ? [] : [i])));
  const paired = new Set(matches.flatMap((m) => (m.data ? [m.data, ...(m.variants ?? [])] : [])));
  const openNames = new Set(dataNames.filter((d) => !paired.has(d)));
  // Pairs whose spellings are only alike ("Katanga" and "Haut-Katanga") are checked by the events too.
  const alikeOnly = new Set(
    matches.flatMap((m, i) => (m.data && foldAreaName(m.data) !== foldAreaName(m.shape) ? [i] : [])),
  );
  // A name without a shape is looked for even where every shape is paired: it may be another
  // source's spelling of one of them.
  if (!openNames.size && !alikeOnly.size) return new Map();
  const points = await sampledPoints(db, country, dataNames);
  const byPoints = new Set<number>();
  for (const [i, name] of matchAreasByPoints(shapes, points, openShapes, openNames)) {
    matches[i] = { shape: matches[i]!.shape, data: name, score: 0 };
    byPoints.add(i);
    openNames.delete(name);
  }
  // A name still open whose events lie in a paired shape, and which sounds like it, is the same
  // area spelled another way by another source: said, as the variants of one spelling are.
  const pairedShapes = new Set(matches.flatMap((m, i) => (m.data ? [i] : [])));
  for (const [name, i] of spelledTwiceByPoints(shapes, points, pairedShapes, openNames)) {
    const m = matches[i]!;
    matches[i] = { ...m, variants: [...(m.variants ?? []), name] };
  }
  const coarser = coarserShapes(
    shapes,
    points,
    matches.map((m) => m.data),
    byPoints,
    alikeOnly,
  );
  for (const i of coarser.keys()) matches[i] = { shape: matches[i]!.shape, data: null, score: 0 };
  return coarser;
}

/** Up to five names, and how many more: how a long list reads in a message. */
function someOf(names: readonly string[]): string {
  const shown = names
    .slice(0, 5)
    .map((n) => `"${n}"`)
    .join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** "1 event", "353 events". */
function events(n: number): string {
  return `${n} event${n === 1 ? '' : 's'}`;
}

/** Below this many shapes, and this many of the data's areas, a file that pairs none may be a part. */
const FEW = 3;

/**
 * Why a file none of whose shapes is named as one of the country's admin-1 areas is refused, or
 * null when it may stand: its shapes are mostly the data's admin-2 areas (Burkina Faso's 45
 * provinces against ACLED's 13 regions, though the capital's province holds the capital region's
 * events), or it has several shapes and the data several areas and none meet, by name or by
 * where the events lie (`pairedByPoints`: coarser or renamed units, kept). Loaded, they would sit beside the real admin-1 areas on every list. A file of one or two
 * shapes pairing nothing may be areas without events yet, and is loaded.
 */
async function otherLevelRefusal(
  db: Kysely<Database>,
  p: { path: string; country: string; shapes: readonly Boundary[] },
  dataNames: readonly string[],
  pairedByPoints: boolean,
): Promise<string | null> {
  if (!dataNames.length) return null;
  const shapeNames = p.shapes.map((s) => s.name);
  const admin2 = (
    await db
      .selectFrom('area_month_counts')
      .select('admin2')
      .distinct()
      .where('country', '=', p.country)
      .where('admin2', '<>', '')
      .execute()
  ).map((r) => r.admin2);
  const asAdmin2 = matchAreaNames(shapeNames, admin2).filter((m) => m.data).length;
  // Half the shapes, or half the data's admin-2 areas where its events cover fewer of them.
  const isAdmin2 = asAdmin2 >= FEW && asAdmin2 >= Math.min(shapeNames.length, admin2.length) / 2;
  if (!isAdmin2 && (pairedByPoints || shapeNames.length < FEW || dataNames.length < FEW)) return null;
  const head = `${p.path}: none of its ${shapeNames.length} areas (${someOf(shapeNames)}) is named as an admin-1 area of ${p.country} in the event data (${someOf(dataNames)})`;
  const level = isAdmin2
    ? `; ${asAdmin2} of them are its admin-2 areas: the map draws admin-1 areas, so load a file of those`
    : '; the file may be drawn at another level or for another country';
  return `${head}${level}. Nothing was loaded.`;
}

/** Events sampled per stored country to tell which country a boundary file covers. */
const SAMPLED_PER_COUNTRY = 300;

/** The stored country whose events lie inside the shapes (countryByPoints), if one does. */
async function countryOfStoredEvents(
  db: Kysely<Database>,
  known: ReadonlySet<string>,
  shapes: readonly Boundary[],
): Promise<string | undefined> {
  const points = new Map<string, Point[]>();
  for (const country of known) {
    // Distinct places: a capital where hundreds of events share one point counts once.
    const rows = await db
      .selectFrom('events')
      .select(['latitude', 'longitude'])
      .distinct()
      .where('country', '=', country)
      .where('latitude', 'is not', null)
      .where('longitude', 'is not', null)
      .limit(SAMPLED_PER_COUNTRY)
      .execute();
    points.set(
      country,
      rows.map((r) => ({ latitude: Number(r.latitude), longitude: Number(r.longitude) })),
    );
  }
  return countryByPoints(shapes, points);
}

export const boundaryOperations = {
  loadBoundaries: defineOperation({
    writes: true,
    local: true,
    summary:
      'Load admin-1 polygons from GeoJSON files; the country is given, or read from the file name (…_caf.geojson, geoBoundaries-MLI-ADM1.geojson), or is the stored country whose events lie inside the shapes. Features with impossible coordinates or open rings are refused, each with its reason.',
    input: z.object({
      paths: z.array(z.string().min(1)).min(1),
      country: z.string().min(1).optional(),
      /** The files' names as their owner called them (an upload's), to read a country code from. */
      names: z.array(z.string()).optional(),
    }),
    run: async (ctx, input) => {
      const loaded: {
        path: string;
        country: string;
        areas: number;
        renamed: { shape: string; data: string | null }[];
        withoutEvents: string[];
        /** The country's admin-1 areas in the event data that have no polygon after the load. */
        withoutShapes: string[];
        /** Features not loaded (coordinates out of range, open rings, no name …), with why. */
        refused: RefusedFeature[];
        /** Areas whose new polygon is loaded but looks wrong beside the one it replaced. */
        warnings: { area: string; reason: string }[];
        /**
         * Shapes that are older or coarser units than the data's admin-1 areas: each holds the
         * events of the data's areas it `covers` (DR Congo's old "Orientale": Ituri, Haut-Uele …)
         * and is stored under its own name, not as one of them.
         */
        coarser: { shape: string; covers: string[] }[];
        /**
         * The data's other spellings of an area that has a polygon ("Nord Kivu" beside
         * "Nord-Kivu"): the polygon is stored under `area`, the most-used spelling, and the
         * events filed under a variant are not drawn on it.
         */
        variants: { area: string; spellings: string[] }[];
        /** What a reader should know of the coarser shapes and variant spellings, in plain sentences. */
        notes: string[];
        /** Stored events that named no admin-1 area and now have the one their point lies in. */
        placed: number;
      }[] = [];
      const plan: { path: string; country: string; shapes: Boundary[]; refused: RefusedFeature[] }[] = [];
      const known = new Set(
        (await ctx.store.db.selectFrom('event_counts').select('country').distinct().execute()).map(
          (r) => r.country,
        ),
      );
      for (const [i, path] of input.paths.entries()) {
        // The file first: a missing file, a folder or a CSV is named as such, not as a file whose
        // country could not be told.
        const { boundaries, refused } = await readBoundaries(path);
        const candidates = input.country ? [input.country] : countriesFromFileName(input.names?.[i] ?? path);
        // A country named, or coded in the file's name, is the file's: the stored events are asked
        // only when neither says (a neighbour's events near the border must not claim the file).
        const stored = candidates.find((c) => known.has(c));
        const byEvents =
          input.country || stored ? undefined : await countryOfStoredEvents(ctx.store.db, known, boundaries);
        // A code the store holds no country for, on shapes that hold a stored country's events
        // ("cod" in a file of CAR's prefectures): which is meant cannot be told.
        if (candidates.length && !stored && byEvents)
          throw new TandemError(
            'bad-input',
            `${path}: its name says ${candidates[0]}, but the events of ${byEvents} lie inside its shapes; name the country: --country, or country= with an upload`,
          );
        const country = stored ?? candidates[0] ?? byEvents;
        if (!country) {
          throw new TandemError(
            'bad-input',
            `${path}: cannot tell which country these areas belong to (its name holds no country code Tandem knows, and no stored country's events lie inside its shapes); name it: --country, or country= with an upload`,
          );
        }
        plan.push({ path, country, shapes: boundaries, refused });
      }
      await ctx.store.db.transaction().execute(async (trx) => {
        for (const p of plan) {
          // Store each polygon under the admin-1 name the event data uses, when one matches, so
          // events and shapes join on the same spelling.
          const counted = (
            await trx
              .selectFrom('event_counts')
              .select(['admin1', (eb) => eb.fn.sum<number | string>('events').as('events')])
              .where('country', '=', p.country)
              .groupBy('admin1')
              .orderBy('admin1')
              .execute()
          ).filter((r) => r.admin1);
          const dataNames = counted.map((r) => r.admin1);
          const uses = new Map(counted.map((r) => [r.admin1, Number(r.events)]));
          const matches = matchAreaNames(
            p.shapes.map((s) => s.name),
            dataNames,
            undefined,
            uses,
          );
          const coarser = await matchRestByPoints(trx, p.country, p.shapes, matches, dataNames);
          // No shape named as one of the data's admin-1 areas: a few may still hold their events
          // (the capital's province holds the capital region's), which does not make it that level.
          if (!matches.some((m) => m.data && m.score > 0)) {
            const refusal = await otherLevelRefusal(
              trx,
              p,
              dataNames,
              matches.some((m) => m.data),
            );
            if (refusal) throw new TandemError('bad-input', refusal);
          }
          const stored = new Map(
            (
              await trx
                .selectFrom('areas')
                .select(['admin1', 'geometry'])
                .where('country', '=', p.country)
                .where('admin2', '=', '')
                .execute()
            ).map((r) => [r.admin1, r.geometry]),
          );
          // An area whose feature was refused keeps the polygon it had: nothing is lost to a
          // broken feature.
          const keep = matchAreaNames(
            p.refused.flatMap((r) => (r.name ? [r.name] : [])),
            dataNames,
          )
            .map((m) => m.data ?? m.shape)
            .filter((name) => stored.has(name));
          let remove = trx.deleteFrom('areas').where('country', '=', p.country).where('admin2', '=', '');
          if (keep.length) remove = remove.where('admin1', 'not in', keep);
          await remove.execute();
          const warnings: { area: string; reason: string }[] = [];
          for (const [i, s] of p.shapes.entries()) {
            const area = matches[i].data ?? s.name;
            const warning = replacementWarning(s, stored.get(area) ?? null);
            if (warning) warnings.push({ area, reason: warning });
            await trx
              .insertInto('areas')
              .values({
                country: p.country,
                admin1: area,
                admin2: '',
                latitude: s.latitude,
                longitude: s.longitude,
                geometry: JSON.stringify(s.geometry),
                source: p.path,
              })
              .onConflict((oc) => oc.columns(['country', 'admin1', 'admin2']).doNothing())
              .execute();
          }
          const placed = await placeEventsByPoint(trx, p.country);
          const variants = matches.flatMap((m) =>
            m.data && m.variants?.length ? [{ area: m.data, spellings: m.variants }] : [],
          );
          const covering = [...coarser].map(([i, covers]) => ({ shape: p.shapes[i]!.name, covers }));
          loaded.push({
            path: p.path,
            country: p.country,
            areas: p.shapes.length,
            renamed: matches
              .filter((m) => m.data && m.data !== m.shape)
              .map((m) => ({ shape: m.shape, data: m.data })),
            // A coarser shape holds events, under other names: it is not a shape without events.
            withoutEvents: matches.filter((m, i) => !m.data && !coarser.has(i)).map((m) => m.shape),
            withoutShapes: dataNames.filter(
              (d) => !matches.some((m) => m.data === d || m.variants?.includes(d)) && !keep.includes(d),
            ),
            refused: p.refused,
            warnings,
            coarser: covering,
            variants,
            placed,
            notes: [
              ...(placed
                ? [
                    `${events(placed)} of ${p.country} that named no admin-1 area ${placed === 1 ? 'is' : 'are'} now counted in the area whose polygon holds ${placed === 1 ? 'its' : 'their'} point`,
                  ]
                : []),
              ...covering.map(
                (c) =>
                  `"${c.shape}" in this file covers the event data's ${c.covers.join(', ')}: older or coarser boundaries than the data's areas; kept under its own name, and ${c.covers.length > 1 ? 'those areas have' : 'that area has'} no polygon of ${c.covers.length > 1 ? 'their' : 'its'} own`,
              ),
              ...variants.map(
                (v) =>
                  `the event data also spells "${v.area}" as ${v.spellings.map((x) => `"${x}" (${events(uses.get(x) ?? 0)})`).join(', ')}; the polygon is stored as "${v.area}" (${events(uses.get(v.area) ?? 0)}), and the events under the other spelling are not drawn on it`,
              ),
            ],
          });
        }
      });
      return { loaded };
    },
  }),
};
