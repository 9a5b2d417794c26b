import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import { perpetratedBy } from '../analysis/harmed-group.ts';
import { ACTOR_CATEGORY_FILTERS } from '../domain/actor-category.ts';
import { VIOLENCE_TYPES } from '../domain/violence-type.ts';
import { countedCategories, eventCategoryIn } from '../store/category-filter.ts';
import { currentEventIndex } from '../store/event-index-keeper.ts';
import type { IndexedFilter, IndexedMonthRow } from '../store/event-memory-index.ts';
import { applyEventFilter, toEvent } from '../store/event-repository.ts';
import { countMatchingEvents } from '../store/matching-event-count.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { hiddenEvents, MAP_POINT_LEVELS, releaseEvents } from './access-control.ts';
import { withEncodedJson, withLazyField } from './encoded-answer.ts';
import { isoDate } from './event-filter-input.ts';
import { defineOperation } from './operation.ts';
import { workbenchStatus } from './workbench-status.ts';

/** What the map and the trend charts can be narrowed to; every field is optional. */
const areaFilterFields = z.object({
  country: z.string().min(1).optional(),
  admin1: z.string().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  violenceTypes: z.array(z.enum(VIOLENCE_TYPES)).optional(),
  /** Perpetrator (first actor) categories, for example only state forces. */
  actorCategories: z.array(z.enum(ACTOR_CATEGORY_FILTERS)).optional(),
});
const periodInOrder: [(f: { from?: string; to?: string }) => boolean, { message: string; path: string[] }] = [
  (f) => !(f.from && f.to && f.from > f.to),
  { message: 'from is after to: the period must start before it ends', path: ['from'] },
];
const areaFilter = areaFilterFields.refine(...periodInOrder);
type AreaFilter = z.output<typeof areaFilter>;

export interface AreaFigures {
  events: number;
  fatalities: number;
  /**
   * Civilian deaths where the source gives them (GED, the demonstration model); null where no
   * event counted gives the figure (ACLED does not), which is not the same as none.
   */
  civilianFatalities: number | null;
  /** The events counted whose source gives civilian deaths: where fewer than all, the figure is theirs only. */
  civilianFatalitiesEvents: number;
  civilianTargetingEvents: number;
  /** Events against civilians whose perpetrator is a state force: the paper's main friction. */
  stateCivilianTargetingEvents: number;
}

export interface AreaMapFeature {
  type: 'Feature';
  id: number;
  properties: { country: string; admin1: string } & AreaFigures;
  geometry: unknown;
}

export interface AreaMap {
  type: 'FeatureCollection';
  features: AreaMapFeature[];
  /** Every admin1 with events in the filter, with or without a polygon, most events first. */
  areas: ({ country: string; admin1: string; hasBoundary: boolean } & AreaFigures)[];
  totals: AreaFigures;
  /** The months the filter covers in the data, YYYY-MM. */
  months: { first: string | null; last: string | null };
}

function monthBounds(f: AreaFilter): { from?: string; to?: string } {
  // Aggregates are monthly: a period is widened to the whole months it touches.
  return { from: f.from?.slice(0, 7), to: f.to?.slice(0, 7) };
}

async function areaFigures(store: Store, f: AreaFilter) {
  const index = f.country ? await currentEventIndex(store) : undefined;
  if (index) return index.areaFigures(indexedFilter(f));
  const { from, to } = monthBounds(f);
  let q = store.db
    .selectFrom('event_counts')
    .select((eb) => [
      'country',
      'admin1',
      eb.fn.sum<number>('events').as('events'),
      eb.fn.sum<number>('fatalities').as('fatalities'),
      eb.fn.sum<number>('civilian_fatalities').as('civilian_fatalities'),
      eb.fn.sum<number>('civilian_fatalities_known').as('known'),
      eb.fn.sum<number>('civilian_targeting_events').as('civilian_targeting_events'),
      sql<number>`sum(case when actor_category = 'state-forces' then civilian_targeting_events else 0 end)`.as(
        'state_cte',
      ),
      eb.fn.min<string>('month').as('first'),
      eb.fn.max<string>('month').as('last'),
    ])
    .groupBy(['country', 'admin1']);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.admin1) q = q.where('admin1', '=', f.admin1);
  if (from) q = q.where('month', '>=', from);
  if (to) q = q.where('month', '<=', to);
  if (f.violenceTypes?.length) q = q.where('violence_type', 'in', f.violenceTypes);
  if (f.actorCategories?.length) q = q.where('actor_category', 'in', countedCategories(f.actorCategories));
  return (await q.execute()).map((r) => ({
    country: r.country,
    admin1: r.admin1,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianFatalities: Number(r.known) > 0 ? Number(r.civilian_fatalities) : null,
    civilianFatalitiesEvents: Number(r.known),
    civilianTargetingEvents: Number(r.civilian_targeting_events),
    stateCivilianTargetingEvents: Number(r.state_cte),
    first: r.first,
    last: r.last,
  }));
}

/** The filter as the event index takes it (a country's questions only). */
function indexedFilter(f: AreaFilter): IndexedFilter {
  return {
    country: f.country!,
    admin1: f.admin1,
    from: f.from,
    to: f.to,
    violenceTypes: f.violenceTypes,
    actorCategories: f.actorCategories,
  };
}

/**
 * The admin-1 map of a country: each boundary imported with `importBoundaries`, with the events,
 * deaths and attacks on civilians in it for the period and filters, read from the monthly
 * aggregates kept at import. Areas with events but no polygon are listed too, so nothing counted
 * is hidden because a boundary file spells a name differently.
 */
export const areaMap = defineOperation({
  summary: 'Admin-1 polygons with event figures for a period and filters (GeoJSON).',
  input: areaFilter,
  async run(ctx, f): Promise<AreaMap> {
    const figures = await areaFigures(ctx.store, f);
    let bq = ctx.store.db
      .selectFrom('areas')
      .select(['country', 'admin1', 'geometry'])
      .where('admin2', '=', '')
      .where('geometry', 'is not', null);
    if (f.country) bq = bq.where('country', '=', f.country);
    if (f.admin1) bq = bq.where('admin1', '=', f.admin1);
    const boundaries = await bq.orderBy('admin1').execute();
    const byName = new Map(figures.map((r) => [`${r.country}\u0000${r.admin1}`, r]));
    const zero: AreaFigures = {
      events: 0,
      fatalities: 0,
      civilianFatalities: null,
      civilianFatalitiesEvents: 0,
      civilianTargetingEvents: 0,
      stateCivilianTargetingEvents: 0,
    };
    const features: AreaMapFeature[] = boundaries.map((b, i) => {
      const r = byName.get(`${b.country}\u0000${b.admin1}`);
      return {
        type: 'Feature',
        id: i + 1,
        properties: { country: b.country, admin1: b.admin1, ...pickFigures(r ?? zero) },
        geometry: JSON.parse(b.geometry ?? 'null'),
      };
    });
    const withBoundary = new Set(boundaries.map((b) => `${b.country}\u0000${b.admin1}`));
    const areas = figures
      .map((r) => ({
        country: r.country,
        admin1: r.admin1,
        hasBoundary: withBoundary.has(`${r.country}\u0000${r.admin1}`),
        ...pickFigures(r),
      }))
      .sort((a, b) => b.events - a.events || a.admin1.localeCompare(b.admin1));
    const totals = { ...zero, civilianFatalities: null as number | null };
    for (const a of areas) {
      totals.events += a.events;
      totals.fatalities += a.fatalities;
      totals.civilianFatalitiesEvents += a.civilianFatalitiesEvents;
      totals.civilianTargetingEvents += a.civilianTargetingEvents;
      totals.stateCivilianTargetingEvents += a.stateCivilianTargetingEvents;
      if (a.civilianFatalities !== null)
        totals.civilianFatalities = (totals.civilianFatalities ?? 0) + a.civilianFatalities;
    }
    const months = figures.reduce<{ first: string | null; last: string | null }>(
      (m, r) => ({
        first: m.first === null || r.first < m.first ? r.first : m.first,
        last: m.last === null || r.last > m.last ? r.last : m.last,
      }),
      { first: null, last: null },
    );
    return { type: 'FeatureCollection', features, areas, totals, months };
  },
});

function pickFigures(r: AreaFigures): AreaFigures {
  return {
    events: r.events,
    fatalities: r.fatalities,
    civilianFatalities: r.civilianFatalities,
    civilianFatalitiesEvents: r.civilianFatalitiesEvents,
    civilianTargetingEvents: r.civilianTargetingEvents,
    stateCivilianTargetingEvents: r.stateCivilianTargetingEvents,
  };
}

/** One line of the trend: a violence type, with state-force perpetrators kept apart from all others. */
export interface TrendSeries {
  violenceType: string;
  perpetrator: 'state-forces' | 'other';
  /** One value per month of `months`. */
  events: number[];
  fatalities: number[];
  civilianTargetingEvents: number[];
}

/**
 * Monthly series of events, deaths and attacks on civilians per violence type, with state-force
 * perpetrators apart from all others, for a country or one admin1, from the monthly aggregates.
 * Series are columns over `months` (every month from the first to the last with events), which
 * keeps a long record small enough for a dashboard.
 */
export const areaTrend = defineOperation({
  summary: 'Monthly events, deaths and attacks on civilians by violence type, state forces apart.',
  input: areaFilter,
  async run(ctx, f): Promise<{ months: string[]; series: TrendSeries[] }> {
    const index = f.country ? await currentEventIndex(ctx.store) : undefined;
    const rows = index ? index.monthlySeries(indexedFilter(f)) : await trendRows(ctx.store, f);
    const months = monthRange(rows.map((r) => r.month));
    const position = new Map(months.map((m, i) => [m, i]));
    const series = new Map<string, TrendSeries>();
    for (const r of rows) {
      const key = `${r.violenceType}|${r.perpetrator}`;
      let s = series.get(key);
      if (!s) {
        const zeros = () => months.map(() => 0);
        s = {
          violenceType: r.violenceType,
          perpetrator: r.perpetrator,
          events: zeros(),
          fatalities: zeros(),
          civilianTargetingEvents: zeros(),
        };
        series.set(key, s);
      }
      const i = position.get(r.month)!;
      s.events[i] += r.events;
      s.fatalities[i] += r.fatalities;
      s.civilianTargetingEvents[i] += r.civilianTargetingEvents;
    }
    return { months, series: [...series.values()] };
  },
});

/** The trend's monthly rows from the aggregates (a country's roll-up, or an area's rows). */
async function trendRows(store: Store, f: AreaFilter): Promise<IndexedMonthRow[]> {
  const { from, to } = monthBounds(f);
  const perp = sql<string>`case when actor_category = 'state-forces' then 'state-forces' else 'other' end`;
  // An area's rows of event_counts, or for a country the roll-up without areas (a tenth of the rows
  // or less). Both have the columns read here; the type names the roll-up's.
  const table = (f.admin1 ? 'event_counts' : 'country_counts') as 'country_counts';
  let q = store.db
    .selectFrom(table)
    .select((eb) => [
      'month',
      'violence_type',
      perp.as('perpetrator'),
      eb.fn.sum<number>('events').as('events'),
      eb.fn.sum<number>('fatalities').as('fatalities'),
      eb.fn.sum<number>('civilian_targeting_events').as('cte'),
    ])
    .groupBy(['month', 'violence_type', perp])
    .orderBy('month')
    .orderBy('violence_type')
    .orderBy('perpetrator');
  if (f.country) q = q.where('country', '=', f.country);
  if (f.admin1) q = q.where(sql.ref('admin1'), '=', f.admin1);
  if (from) q = q.where('month', '>=', from);
  if (to) q = q.where('month', '<=', to);
  if (f.violenceTypes?.length) q = q.where('violence_type', 'in', f.violenceTypes);
  if (f.actorCategories?.length) q = q.where('actor_category', 'in', countedCategories(f.actorCategories));
  return (await q.execute()).map((r) => ({
    month: r.month,
    violenceType: r.violence_type,
    perpetrator: r.perpetrator as TrendSeries['perpetrator'],
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianTargetingEvents: Number(r.cte),
  }));
}

/** Every month from the earliest to the latest given, YYYY-MM, so gaps show as zeros. */
function monthRange(months: string[]): string[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const out: string[] = [];
  let [y, m] = sorted[0].split('-').map(Number);
  const last = sorted[sorted.length - 1];
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    out.push(s);
    if (s >= last || out.length > 2400) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** A map point: [id, longitude, latitude, civilian targeting 0|1, state-force perpetrator 0|1]. */
export type MapPointRow = [
  id: number,
  longitude: number | null,
  latitude: number | null,
  civ: number,
  state: 0 | 1,
];

/**
 * Events as map points and table rows: the evidence behind every figure on the map, newest first,
 * at most `limit` (default 2,000) so a browser can draw them. With `shape: 'points'` each public
 * event is only `[id, longitude, latitude, civilianTargeting 0|1, stateForcesPerpetrator 0|1]`, a
 * twentieth of the size, for the map.
 */
export const mapEvents = defineOperation({
  summary: 'Events with their place, actors and deaths, newest first, for the map and evidence lists.',
  input: areaFilterFields
    .extend({
      // As many as one page of the map's evidence can cite (SQL has a limit on bound values).
      ids: z.array(z.number().int()).max(20_000).optional(),
      /**
       * Only events this actor perpetrated, spelled as the data spells it: as the first actor, or
       * acting with it (an associated actor).
       */
      perpetrator: z.string().min(1).optional(),
      limit: z.number().int().min(1).max(20000).default(2000),
      /** How many of the newest matching events to skip: the evidence list's pages. */
      offset: z.number().int().min(0).max(10_000_000).default(0),
      shape: z.enum(['events', 'points']).default('events'),
    })
    .refine(...periodInOrder),
  async run(ctx, f) {
    const filter = {
      country: f.country,
      admin1: f.admin1,
      from: f.from,
      to: f.to,
      violenceTypes: f.violenceTypes,
      ids: f.ids,
    };
    // A perpetrator is looked for among the events whose names the requester may read.
    const hidden = f.perpetrator === undefined ? undefined : await hiddenEvents(ctx);
    const byCategory = <O>(q: SelectQueryBuilder<Database, 'events', O>) => {
      const c = f.actorCategories?.length ? q.where(eventCategoryIn(f.actorCategories)) : q;
      if (f.perpetrator === undefined || !hidden) return c;
      // The events it perpetrated, as the perpetrator table counts them (perpetratedBy).
      let named = c.where(perpetratedBy(f.perpetrator));
      if (hidden.levels.length) named = named.where('sensitivity', 'not in', [...hidden.levels]);
      if (hidden.missionIds.length)
        named = named.where((eb) =>
          eb.or([eb('source', '<>', 'mission'), eb('source_event_id', 'not in', [...hidden.missionIds])]),
        );
      return named;
    };
    // Most questions (a country, its period and filters) are the memory index's; the rest SQL's.
    const index =
      f.country && f.perpetrator === undefined && f.ids === undefined
        ? await currentEventIndex(ctx.store)
        : undefined;
    const indexed = index && indexedFilter(f);
    const total = indexed
      ? index.count(indexed)
      : f.perpetrator === undefined
        ? await countMatchingEvents(ctx.store.db, filter, f.actorCategories)
        : Number(
            (
              await byCategory(applyEventFilter(ctx.store.db.selectFrom('events'), filter))
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
    if (f.shape === 'points') {
      // Which events are drawn as points is the access check's rule (MAP_POINT_LEVELS).
      const page = { offset: f.offset, limit: f.limit, levels: MAP_POINT_LEVELS, placed: true };
      if (indexed) {
        // The HTTP API sends the points' text copied from the index; the arrays are made only for
        // a caller that reads them (the CLI, in-process callers).
        const positions = index.newest(indexed, page);
        return withEncodedJson(
          withLazyField({ total }, 'points', () => positions.map((i): MapPointRow => index.point(i))),
          index.pointsJson(total, positions),
        );
      }
      const pts = await byCategory(
        applyEventFilter(
          ctx.store.db
            .selectFrom('events')
            .select(['id', 'longitude', 'latitude', 'civilian_targeting', 'actor1_category']),
          filter,
        ),
      )
        .where('sensitivity', 'in', [...page.levels])
        .where('latitude', 'is not', null)
        .orderBy('date_start', 'desc')
        .orderBy('id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return {
        total,
        points: pts.map(
          (p): MapPointRow => [
            Number(p.id),
            p.longitude,
            p.latitude,
            Number(p.civilian_targeting),
            p.actor1_category === 'state-forces' ? 1 : 0,
          ],
        ),
      };
    }
    const stored = indexed
      ? await eventsInOrder(
          ctx.store,
          index.newest(indexed, { offset: f.offset, limit: f.limit }).map((i) => index.id(i)),
        )
      : await byCategory(applyEventFilter(ctx.store.db.selectFrom('events').selectAll(), filter))
          .orderBy('date_start', 'desc')
          .orderBy('id', 'desc')
          .limit(f.limit)
          .offset(f.offset)
          .execute();
    // Full events go through the one access check: above the requester's clearance an event keeps
    // its place in the list but loses its notes and place, and every release is logged.
    const rows = await releaseEvents(ctx, stored.map(toEvent), 'map');
    return {
      total,
      events: rows.map((e) => ({
        id: e.id,
        source: e.source,
        sourceEventId: e.sourceEventId,
        date: e.dateStart,
        country: e.country,
        admin1: e.admin1,
        location: e.location,
        latitude: e.latitude,
        longitude: e.longitude,
        violenceType: e.violenceType,
        subEventType: e.subEventType,
        actor1: e.actor1,
        actor1Category: e.actor1Category,
        actor2: e.actor2,
        fatalities: e.fatalities,
        civilianTargeting: e.civilianTargeting,
        notes: e.notes,
      })),
    };
  },
});

/** The stored events of `ids`, in that order. */
async function eventsInOrder(store: Store, ids: number[]) {
  if (!ids.length) return [];
  const rows = await store.db.selectFrom('events').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const areaOperations = { areaMap, areaTrend, mapEvents, workbenchStatus };
