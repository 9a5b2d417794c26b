import { type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { readOwnCategories } from '../analysis/actor-own-category.ts';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import { type HiddenActorCounts, readHiddenActorCounts } from '../analysis/hidden-actor-counts.ts';
import { clearanceOf, SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { type EventFilter, findEvents } from '../store/event-repository.ts';
import {
  accessLogReader,
  hiddenEvents,
  releaseActorNames,
  releaseEvents,
  releaseImportPath,
  releaseSetAside,
} from './access-control.ts';
import { parseAliases } from './actor-list.ts';
import { checkPeriod, eventFilterInput } from './event-filter-input.ts';
import { numberInput } from './number-input.ts';
import { defineOperation } from './operation.ts';
import { summary } from './summary-operation.ts';

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
      /** The names the files are recorded under, path by path (an upload's own name); their paths when absent. */
      names: z.array(z.string().min(1)).optional(),
    }),
    run: async (ctx, input) => {
      // The import loads when an import runs, not with every command that lists; the register's
      // categories are given inside the import's transaction (importEvents).
      const { importEvents } = await import('./import-events.ts');
      return importEvents(ctx.store, input.paths, {
        format: input.format,
        sensitivity: input.sensitivity,
        clearance: clearanceOf(ctx.requester.roles),
        onProgress: ctx.onProgress,
        recordedAs: input.names && ((path) => input.names?.[input.paths.indexOf(path)] ?? path),
      });
    },
  }),

  summary,

  listEvents: defineOperation({
    summary:
      'The events that match a filter, oldest first (by first day, then id); limit and offset page through them.',
    input: eventFilterInput.extend({
      admin1: z.string().optional(),
      limit: numberInput(z.number().int().positive().max(1_000_000)).optional(),
      /** Events passed over first (API probe: a script had no way to page through a big store). */
      offset: numberInput(z.number().int().min(0)).optional(),
    }),
    run: async (ctx, input) => {
      checkPeriod(input);
      return releaseEvents(ctx, await findEvents(ctx.store.db, input as EventFilter));
    },
  }),

  listProblems: defineOperation({
    summary:
      'Rows set aside by the latest import of each file, with file, line, column and reason; the raw text of a row above your clearance is withheld, and every read of a non-public one is audited.',
    input: z.object({
      file: z.string().optional(),
      limit: numberInput(z.number().int().positive()).default(1000),
    }),
    run: async (ctx, input) => {
      let q = ctx.store.db
        .selectFrom('problems')
        .innerJoin('imports', 'imports.id', 'problems.import_id')
        .select([
          'problems.id',
          'problems.sensitivity',
          'problems.file',
          'problems.line',
          'problems.column',
          'problems.field',
          'problems.reason',
          'problems.raw',
          'imports.started_at as importedAt',
        ])
        // A file's latest import speaks for it: rows set aside by an earlier import of the same
        // path (since corrected, or set aside again) stay stored but are not listed twice.
        .where('imports.id', '=', (eb) =>
          eb
            .selectFrom('imports as later')
            .select((l) => l.fn.max('later.id').as('id'))
            .whereRef('later.path', '=', 'imports.path'),
        )
        .orderBy('problems.import_id')
        .orderBy('problems.line')
        .orderBy('problems.id')
        .limit(input.limit);
      if (input.file) {
        // Part of the file's name, as typed: in any case, and its % and _ as themselves, on both
        // dialects (SQLite's LIKE ignores case, PostgreSQL's does not).
        const part = input.file.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
        q = q.where(sql<SqlBool>`lower(problems.file) like ${`%${part}%`} escape '\\'`);
      }
      const rows = (await q.execute()).map((r) => ({
        ...r,
        id: Number(r.id),
        file: releaseImportPath(ctx.requester, r.file),
      }));
      return { problems: await releaseSetAside(ctx, rows) };
    },
  }),

  accessLog: defineOperation({
    summary:
      'Who read which sensitive record, when, and whether it was released in full or withheld (an administrator sees everyone’s reads; anyone else the records released to them in full).',
    input: z.object({ limit: numberInput(z.number().int().positive()).default(200) }),
    requires: 'strictly-confidential',
    run: async (ctx, input) => {
      const shown = accessLogReader(ctx.requester);
      let q = ctx.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', 'in', shown.actions)
        .orderBy('id', 'desc')
        .limit(input.limit);
      if (shown.actor !== null) q = q.where('actor', '=', shown.actor);
      const rows = await q.execute();
      // The releases in the audit chain, as the access log has always shown them.
      return {
        entries: rows.map((r) => ({
          id: Number(r.id),
          at: r.at,
          requester: r.actor,
          action: purposeOf(r.detail),
          record_kind: r.record_kind,
          record_id: r.record_id,
          sensitivity: r.sensitivity,
          granted: r.action === 'released' ? 1 : 0,
        })),
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
          // Its events there as actor 1 or 2; none when it is only named beside a side.
          sql<number>`sum(case when actor_counts.role in (1, 2) then actor_counts.events else 0 end)`.as(
            'own',
          ),
        ])
        .groupBy([
          'actors.name',
          'actors.category',
          'actors.is_state',
          'actors.aliases',
          'actor_counts.country',
        ]);
      if (input.country) q = q.where('actor_counts.country', '=', input.country);
      // Ties by name, then country, compared as code points: every store and both dialects (whose
      // collations differ) list them in one order.
      const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const hidden = await hiddenEvents(ctx);
      const rows = withoutHidden(
        await q.execute(),
        await readHiddenActorCounts(ctx.store.db, hidden, { country: input.country }),
      ).sort(
        (a, b) =>
          Number(b.events) - Number(a.events) ||
          byCodePoint(a.name, b.name) ||
          byCodePoint(a.country, b.country),
      );
      if (!rows.length) await assertEventsExistFor(ctx.store.db, { country: input.country });
      // An actor named in the country only beside a side (ACLED's associated actors) is listed with
      // what its own record says, here or elsewhere (readOwnCategories), never its side's category:
      // a state's army acting with a rebel group abroad is a foreign force there, not the host's.
      const acting = rows.filter((r) => Number(r.own) === 0);
      const own = acting.length
        ? await readOwnCategories(
            ctx.store.db,
            acting.map((r) => r.name),
          )
        : null;
      const actors = rows.map((r) => {
        const category = own && Number(r.own) === 0 ? own.of(r.name, r.country) || null : r.category;
        return {
          name: r.name,
          category,
          isState: own && Number(r.own) === 0 ? category === 'state-forces' : Number(r.is_state) === 1,
          aliases: parseAliases(r.aliases),
          country: r.country,
          events: Number(r.events),
          fatalities: Number(r.fatalities),
          civilianTargetingEvents: Number(r.civilianTargetingEvents),
        };
      });
      return releaseActorNames(
        ctx,
        { actors: input.stateOnly ? actors.filter((a) => a.isState) : actors },
        hidden,
        'actors',
      );
    },
  }),

  loadActorList: defineOperation({
    writes: true,
    local: true,
    summary:
      "Load a UCDP actor list into the actor register: UCDP's coding gives each actor its category (rebel group, party supporters, identity group) and its other names.",
    input: z.object({ path: z.string().min(1) }),
    run: async (ctx, input) => (await import('./actor-list.ts')).loadActorList(ctx.store, input.path),
  }),

  loadActorPeriods: defineOperation({
    writes: true,
    local: true,
    summary:
      "Load dated actor categories (CSV: actor, category, from, until, note): an actor whose kind changed takes each period's category, and its events the category of their date.",
    input: z.object({ path: z.string().min(1) }),
    run: async (ctx, input) => (await import('./actor-periods.ts')).loadActorPeriods(ctx.store, input.path),
  }),

  listImports: defineOperation({
    summary: 'Every import, newest first, with its counts.',
    input: z.object({}),
    run: async (ctx) => ({
      imports: (await ctx.store.db.selectFrom('imports').selectAll().orderBy('id', 'desc').execute()).map(
        (i) => ({ ...i, path: releaseImportPath(ctx.requester, i.path) }),
      ),
    }),
  }),
};

/**
 * The actor list's rows less the events the requester may not read in full (hidden-actor-counts.ts):
 * an actor's row held the restricted incidents it is named in, and a count that rose by them
 * confirmed a name guessed. An actor only those events name is left out (its name is withheld).
 */
function withoutHidden<
  R extends {
    name: string;
    country: string;
    events: number;
    fatalities: number;
    civilianTargetingEvents: number;
    own: number;
  },
>(rows: R[], hidden: HiddenActorCounts | null): R[] {
  if (!hidden) return rows;
  const off = new Map<string, { events: number; fatalities: number; civilian: number; own: number }>();
  for (const h of hidden.whole) {
    const k = `${h.actor}\u001f${h.country}`;
    const o = off.get(k) ?? { events: 0, fatalities: 0, civilian: 0, own: 0 };
    o.events += h.events;
    o.fatalities += h.fatalities;
    o.civilian += h.civilian_targeting_events;
    if (h.role <= 2) o.own += h.events;
    off.set(k, o);
  }
  return rows
    .map((r) => {
      const o = off.get(`${r.name}\u001f${r.country}`);
      if (!o) return r;
      return {
        ...r,
        events: Number(r.events) - o.events,
        fatalities: Number(r.fatalities) - o.fatalities,
        civilianTargetingEvents: Number(r.civilianTargetingEvents) - o.civilian,
        own: Number(r.own) - o.own,
      };
    })
    .filter((r) => Number(r.events) > 0);
}

/** What a release in the audit was for (an analysis, an export, a list). */
function purposeOf(detail: string): string {
  const d = JSON.parse(detail) as { purpose?: string; via?: string };
  return d.purpose ?? d.via ?? '';
}
