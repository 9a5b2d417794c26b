import { z } from 'zod';
import { isDemoCountry } from './demo/demo-texts.ts';
import { defineOperation } from './operation.ts';

/**
 * What the store holds, for the workbench's pickers and banners: countries with their event
 * counts and months, the files imported per format, and whether the fictional demonstration mission is loaded.
 */
export const workbenchStatus = defineOperation({
  summary: 'Countries, periods and imports in the store, and whether the demonstration mission is loaded.',
  input: z.object({}),
  async run(ctx) {
    const countries = await ctx.store.db
      .selectFrom('event_counts')
      .select((eb) => [
        'country',
        eb.fn.sum<number>('events').as('events'),
        eb.fn.min<string>('month').as('first'),
        eb.fn.max<string>('month').as('last'),
      ])
      .groupBy('country')
      .orderBy('country')
      .execute();
    // From the import log rather than the events table: every page asks for this first.
    const imports = await ctx.store.db
      .selectFrom('imports')
      .select((eb) => [
        'format',
        eb.fn.count<number>('id').as('files'),
        eb.fn.sum<number>('imported').as('imported'),
      ])
      .groupBy('format')
      .orderBy('format')
      .execute();
    const boundaries = await ctx.store.db
      .selectFrom('areas')
      .select((eb) => ['country', eb.fn.countAll<number>().as('areas')])
      .where('geometry', 'is not', null)
      .groupBy('country')
      .orderBy('country')
      .execute();
    return {
      countries: countries.map((c) => ({
        country: c.country,
        events: Number(c.events),
        first: c.first,
        last: c.last,
        /** Tandem's fictional demonstration country, not a real one. */
        demo: isDemoCountry(c.country),
      })),
      imports: imports.map((s) => ({
        format: s.format,
        files: Number(s.files),
        imported: Number(s.imported),
      })),
      boundaries: boundaries.map((b) => ({ country: b.country, areas: Number(b.areas) })),
      demo: countries.some((c) => isDemoCountry(c.country)),
    };
  },
});
