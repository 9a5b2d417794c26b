import type { Kysely } from 'kysely';
import { z } from 'zod';
import { matchAreasByPoints, type NamedPoint } from '../analysis/area-match-by-points.ts';
import { type AreaNameMatch, matchAreaNames } from '../domain/area-names.ts';
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

/**
 * Pairs the shapes and data names that spelling left apart by where the events lie
 * (matchAreasByPoints), in place: an exonym ("Timbuktu" and "Tombouctou") is the same area.
 */
async function matchRestByPoints(
  db: Kysely<Database>,
  country: string,
  shapes: readonly Boundary[],
  matches: AreaNameMatch[],
  dataNames: readonly string[],
): Promise<void> {
  const openShapes = new Set(matches.flatMap((m, i) => (m.data ? [] : [i])));
  const paired = new Set(matches.flatMap((m) => (m.data ? [m.data] : [])));
  const openNames = new Set(dataNames.filter((d) => !paired.has(d)));
  if (!openShapes.size || !openNames.size) return;
  const points: NamedPoint[] = [];
  for (const admin1 of dataNames) {
    const rows = await db
      .selectFrom('events')
      .select(['latitude', 'longitude'])
      .where('country', '=', country)
      .where('admin1', '=', admin1)
      .where('latitude', 'is not', null)
      .where('longitude', 'is not', null)
      .limit(SAMPLED_EVENTS)
      .execute();
    for (const r of rows)
      points.push({ admin1, latitude: Number(r.latitude), longitude: Number(r.longitude) });
  }
  for (const [i, name] of matchAreasByPoints(shapes, points, openShapes, openNames))
    matches[i] = { shape: matches[i]!.shape, data: name, score: 0 };
}

export const boundaryOperations = {
  loadBoundaries: defineOperation({
    writes: true,
    local: true,
    summary:
      'Load admin-1 polygons from GeoJSON files; the country comes from the file name (…_caf.geojson) or is given. Features with impossible coordinates or open rings are refused, each with its reason.',
    input: z.object({ paths: z.array(z.string().min(1)).min(1), country: z.string().min(1).optional() }),
    run: async (ctx, input) => {
      const loaded: {
        path: string;
        country: string;
        areas: number;
        renamed: { shape: string; data: string | null }[];
        withoutEvents: string[];
        /** Features not loaded (coordinates out of range, open rings, no name …), with why. */
        refused: RefusedFeature[];
        /** Areas whose new polygon is loaded but looks wrong beside the one it replaced. */
        warnings: { area: string; reason: string }[];
      }[] = [];
      const plan: { path: string; country: string; shapes: Boundary[]; refused: RefusedFeature[] }[] = [];
      const known = new Set(
        (await ctx.store.db.selectFrom('event_counts').select('country').distinct().execute()).map(
          (r) => r.country,
        ),
      );
      for (const path of input.paths) {
        // The file first: a missing file, a folder or a CSV is named as such, not as a file whose
        // country could not be told.
        const { boundaries, refused } = await readBoundaries(path);
        const candidates = input.country ? [input.country] : countriesFromFileName(path);
        const country = candidates.find((c) => known.has(c)) ?? candidates[0];
        if (!country) {
          throw new TandemError(
            'bad-input',
            `${path}: cannot tell which country these areas belong to; say it with --country`,
          );
        }
        plan.push({ path, country, shapes: boundaries, refused });
      }
      await ctx.store.db.transaction().execute(async (trx) => {
        for (const p of plan) {
          // Store each polygon under the admin-1 name the event data uses, when one matches, so
          // events and shapes join on the same spelling.
          const dataNames = (
            await trx
              .selectFrom('event_counts')
              .select('admin1')
              .distinct()
              .where('country', '=', p.country)
              .execute()
          )
            .map((r) => r.admin1)
            .filter(Boolean);
          const matches = matchAreaNames(
            p.shapes.map((s) => s.name),
            dataNames,
          );
          await matchRestByPoints(trx, p.country, p.shapes, matches, dataNames);
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
          loaded.push({
            path: p.path,
            country: p.country,
            areas: p.shapes.length,
            renamed: matches
              .filter((m) => m.data && m.data !== m.shape)
              .map((m) => ({ shape: m.shape, data: m.data })),
            withoutEvents: matches.filter((m) => !m.data).map((m) => m.shape),
            refused: p.refused,
            warnings,
          });
        }
      });
      return { loaded };
    },
  }),
};
