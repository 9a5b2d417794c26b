import { z } from 'zod';
import { matchAreaNames } from '../domain/area-names.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { countriesFromFileName, readBoundaries } from '../sources/boundary-reader.ts';
import { defineOperation } from './operation.ts';

export const boundaryOperations = {
  loadBoundaries: defineOperation({
    writes: true,
    local: true,
    summary:
      'Load admin-1 polygons from GeoJSON files; the country comes from the file name (…_caf.geojson) or is given.',
    input: z.object({ paths: z.array(z.string().min(1)).min(1), country: z.string().min(1).optional() }),
    run: async (ctx, input) => {
      const loaded: {
        path: string;
        country: string;
        areas: number;
        renamed: { shape: string; data: string | null }[];
        withoutEvents: string[];
      }[] = [];
      const plan: { path: string; country: string; shapes: Awaited<ReturnType<typeof readBoundaries>> }[] =
        [];
      const known = new Set(
        (await ctx.store.db.selectFrom('event_counts').select('country').distinct().execute()).map(
          (r) => r.country,
        ),
      );
      for (const path of input.paths) {
        const candidates = input.country ? [input.country] : countriesFromFileName(path);
        const country = candidates.find((c) => known.has(c)) ?? candidates[0];
        if (!country) {
          throw new TandemError(
            'bad-input',
            `${path}: cannot tell which country these areas belong to; say it with --country`,
          );
        }
        plan.push({ path, country, shapes: await readBoundaries(path) });
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
          await trx.deleteFrom('areas').where('country', '=', p.country).where('admin2', '=', '').execute();
          for (const [i, s] of p.shapes.entries()) {
            await trx
              .insertInto('areas')
              .values({
                country: p.country,
                admin1: matches[i].data ?? s.name,
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
          });
        }
      });
      return { loaded };
    },
  }),
};
