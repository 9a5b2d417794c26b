import { z } from 'zod';
import { clearanceOf, SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type EventFilter, findEvents } from '../store/event-repository.ts';
import { SUMMARY_DIMENSIONS, summarizeEvents } from '../store/event-summary.ts';
import { releaseEvents } from './access-control.ts';
import { loadActorList, parseAliases } from './actor-list.ts';
import { importEvents } from './import-events.ts';
import { defineOperation } from './operation.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real day',
  );

export const eventFilterInput = z.object({
  country: z.string().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

function checkPeriod(f: { from?: string; to?: string }) {
  if (f.from && f.to && f.from > f.to)
    throw new TandemError('bad-input', `--from ${f.from} is after --to ${f.to}`);
}

export const evidenceOperations = {
  importFiles: defineOperation({
    writes: true,
    local: true,
    needs: 'own-connection',
    summary:
      'Import ACLED, UCDP GED (CSV or GeoJSON) or HXL event files, all or nothing; rows that cannot be read are set aside with their reason.',
    input: z.object({
      paths: z.array(z.string().min(1)).min(1),
      format: z.enum(['acled', 'ucdp', 'hxl', 'auto']).default('auto'),
      sensitivity: z.enum(SENSITIVITY_LEVELS).default('public'),
    }),
    run: async (ctx, input) => {
      // The register's categories are given inside the import's transaction (importEvents).
      return importEvents(ctx.store, input.paths, {
        format: input.format,
        sensitivity: input.sensitivity,
        clearance: clearanceOf(ctx.requester.roles),
        onProgress: ctx.onProgress,
      });
    },
  }),

  summary: defineOperation({
    summary:
      'Events, fatalities, civilian fatalities and civilian-targeting events by area, period or category.',
    input: eventFilterInput.extend({
      by: z.enum(SUMMARY_DIMENSIONS).default('admin1'),
      /** A second dimension, for cross-tables such as admin1 × month. */
      thenBy: z.enum(SUMMARY_DIMENSIONS).optional(),
    }),
    run: async (ctx, { by, thenBy, ...filter }) => {
      checkPeriod(filter);
      return summarizeEvents(ctx.store.db, by, filter, thenBy);
    },
  }),

  listEvents: defineOperation({
    summary: 'The events that match a filter, oldest first.',
    input: eventFilterInput.extend({
      admin1: z.string().optional(),
      limit: z.coerce.number().int().positive().max(1_000_000).optional(),
    }),
    run: async (ctx, input) => {
      checkPeriod(input);
      return releaseEvents(ctx, await findEvents(ctx.store.db, input as EventFilter));
    },
  }),

  listProblems: defineOperation({
    summary: 'Rows set aside at import, with file, line, column and reason.',
    input: z.object({ file: z.string().optional(), limit: z.coerce.number().int().positive().default(1000) }),
    run: async (ctx, input) => {
      let q = ctx.store.db
        .selectFrom('problems')
        .innerJoin('imports', 'imports.id', 'problems.import_id')
        .select([
          'problems.file',
          'problems.line',
          'problems.column',
          'problems.field',
          'problems.reason',
          'problems.raw',
          'imports.started_at as importedAt',
        ])
        .orderBy('problems.id')
        .limit(input.limit);
      if (input.file) q = q.where('problems.file', 'like', `%${input.file}%`);
      return { problems: await q.execute() };
    },
  }),

  accessLog: defineOperation({
    summary: 'Who read which sensitive record, when, and whether it was released in full or withheld.',
    input: z.object({ limit: z.coerce.number().int().positive().default(200) }),
    requires: 'strictly-confidential',
    run: async (ctx, input) => {
      return {
        entries: await ctx.store.db
          .selectFrom('access_log')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(input.limit)
          .execute(),
      };
    },
  }),

  listActors: defineOperation({
    summary:
      'Every actor named in the events, with its category, whether it is a state force, and its events.',
    input: z.object({ country: z.string().min(1).optional(), stateOnly: z.boolean().default(false) }),
    run: async (ctx, input) => {
      let q = ctx.store.db
        .selectFrom('actors')
        .innerJoin('actor_counts', 'actor_counts.actor', 'actors.name')
        .select((eb) => [
          'actors.name',
          'actors.category',
          'actors.is_state',
          'actors.aliases',
          'actor_counts.country',
          eb.fn.sum<number>('actor_counts.events').as('events'),
          eb.fn.sum<number>('actor_counts.fatalities').as('fatalities'),
          eb.fn.sum<number>('actor_counts.civilian_targeting_events').as('civilianTargetingEvents'),
        ])
        .groupBy([
          'actors.name',
          'actors.category',
          'actors.is_state',
          'actors.aliases',
          'actor_counts.country',
        ])
        .orderBy('events', 'desc');
      if (input.country) q = q.where('actor_counts.country', '=', input.country);
      if (input.stateOnly) q = q.where('actors.is_state', '=', 1);
      const rows = await q.execute();
      return {
        actors: rows.map((r) => ({
          name: r.name,
          category: r.category,
          isState: Number(r.is_state) === 1,
          aliases: parseAliases(r.aliases),
          country: r.country,
          events: Number(r.events),
          fatalities: Number(r.fatalities),
          civilianTargetingEvents: Number(r.civilianTargetingEvents),
        })),
      };
    },
  }),

  loadActorList: defineOperation({
    writes: true,
    local: true,
    summary:
      "Load a UCDP actor list into the actor register: UCDP's coding gives each actor its category (rebel group, party supporters, identity group) and its other names.",
    input: z.object({ path: z.string().min(1) }),
    run: (ctx, input) => loadActorList(ctx.store, input.path),
  }),

  listImports: defineOperation({
    summary: 'Every import, newest first, with its counts.',
    input: z.object({}),
    run: async (ctx) => ({
      imports: await ctx.store.db.selectFrom('imports').selectAll().orderBy('id', 'desc').execute(),
    }),
  }),
};
