import { sql } from 'kysely';
import { z } from 'zod';
import { loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import { findDriverTags } from '../analysis/driver-tag-repository.ts';
import { findThreats } from '../analysis/threat-repository.ts';
import { type ActorCategory, isStateCategory } from '../domain/actor-category.ts';
import type { ActorCategoryPeriod } from '../domain/actor-category-period.ts';
import type { EscalationAlert } from '../domain/alert.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { Threat } from '../domain/threat.ts';
import { readCategoryPeriods } from '../store/category-periods.ts';
import { findEvents, type StoredEvent } from '../store/event-repository.ts';
import { releaseEvents } from './access-control.ts';
import { listAlerts } from './alert-operations.ts';
import { defineOperation } from './operation.ts';

/** Whether an alert's series counts an event: its country, area or actor, in the months of the rise. */
function alertCounts(a: EscalationAlert, e: StoredEvent): boolean {
  const month = e.dateStart.slice(0, 7);
  if (a.country !== e.country || month < a.start || month > a.alarm) return false;
  if (a.level === 'admin1') return a.key === e.admin1;
  if (a.level === 'actor') return a.key === e.actor1 || a.key === e.actor2;
  return true;
}

/** Whether a threat of the register stands on an event: linked to it, or its very pattern there. */
function threatCounts(t: Threat, e: StoredEvent): boolean {
  if (t.events.includes(e.id)) return true;
  return (
    t.admin1 === e.admin1 &&
    t.violenceType === e.violenceType &&
    (t.perpetrator === e.actor1 || t.perpetrator === e.actor2)
  );
}

export interface ActorProfile {
  name: string;
  country: string | null;
  /** The category of most of its events (each event's category is that of its date). */
  category: ActorCategory | null;
  isState: boolean;
  /** The register's dated categories, when the actor changed kind (empty otherwise). */
  categoryPeriods: ActorCategoryPeriod[];
  /** Its events' categories in the order they held, each with its first and last day and events. */
  categoriesOverTime: { category: ActorCategory | null; first: string; last: string; events: number }[];
  events: number;
  fatalities: number;
  /** Events in which this actor is the perpetrator (actor 1) and civilians the target. */
  civilianTargetingEvents: number;
  /** Its share of all civilian-targeting events in the same country (0–1; null when there are none). */
  shareOfAttacksOnCivilians: number | null;
  areas: { admin1: string; events: number; fatalities: number }[];
  /** Its latest events, newest first (at most `limit`). */
  latest: StoredEvent[];
}

export const recordPageOperations = {
  /**
   * One event as the requester may see it (fields above their clearance stay withheld and the read
   * is audited), with where it came from, the escalation alerts whose rise counts it, the threats
   * of the register it stands behind, and the analysts' driver tags on it: the workbench's event
   * page.
   */
  eventDetail: defineOperation({
    summary: 'One event with its source, and the alerts, threats and driver tags that stand on it.',
    input: z.object({ id: z.coerce.number().int().positive() }),
    async run(ctx, input) {
      const [stored] = await findEvents(ctx.store.db, { ids: [input.id] });
      if (!stored) throw new TandemError('not-found', `no event with id ${input.id}`);
      const [event] = await releaseEvents(ctx, [stored], 'event page');
      // The country's alerts over its whole record, alone: not the whole joint analysis.
      const { alerts } = await listAlerts.run(ctx, { country: stored.country });
      const threats = (await findThreats(ctx.store.db, { country: stored.country })).filter((t) =>
        threatCounts(t, stored),
      );
      const tags = await findDriverTags(ctx.store.db, { eventIds: [stored.id] });
      const taxonomy = loadDriverTaxonomy().drivers;
      const withheld = event!.notes !== stored.notes;
      return {
        event: event!,
        withheld,
        alerts: alerts.filter((a) => alertCounts(a, stored)),
        // A threat named after an actor the requester may not see is left out with the name.
        threats: withheld ? threats.filter((t) => t.perpetrator !== stored.actor1) : threats,
        driverTags: tags.map((t) => {
          const d = taxonomy.find((x) => x.key === t.driver);
          return {
            id: t.id,
            driver: t.driver,
            // The taxonomy's labels, so the page names the driver in the reader's language.
            label: d?.label ?? t.driver,
            ...(d?.labelFr ? { labelFr: d.labelFr } : {}),
            analyst: t.analyst,
            unit: t.unit,
          };
        }),
      };
    },
  }),

  /**
   * An actor as the requester may see it: its events (only those the requester may read with the
   * actor named), the areas where it acts, its category, whether it is a state force, and its
   * share of the country's attacks on civilians: the workbench's actor page.
   */
  actorProfile: defineOperation({
    summary:
      'An actor: its events, areas, category, whether a state force, and share of attacks on civilians.',
    input: z.object({
      name: z.string().min(1),
      country: z.string().min(1).optional(),
      limit: z.coerce.number().int().positive().max(1000).default(100),
    }),
    async run(ctx, input): Promise<ActorProfile> {
      const found = await findEvents(ctx.store.db, { country: input.country, actors: [input.name] });
      // Only events the requester may read with the actor named count: a withheld name is no lead.
      const released = (await releaseEvents(ctx, found, 'actor page')).filter(
        (e) => e.actor1 === input.name || e.actor2 === input.name,
      );
      if (!released.length) {
        throw new TandemError(
          'not-found',
          `no event names "${input.name}"${input.country ? ` in ${input.country}` : ''}`,
        );
      }
      const categories = new Map<ActorCategory, number>();
      for (const e of released) {
        const c = e.actor1 === input.name ? e.actor1Category : e.actor2Category;
        if (c) categories.set(c, (categories.get(c) ?? 0) + 1);
      }
      const category = [...categories].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
      const categoriesOverTime: ActorProfile['categoriesOverTime'] = [];
      for (const e of [...released].sort((a, b) => a.dateStart.localeCompare(b.dateStart))) {
        const c = e.actor1 === input.name ? e.actor1Category : e.actor2Category;
        const run = categoriesOverTime.at(-1);
        if (run && run.category === c) {
          run.last = e.dateStart;
          run.events++;
        } else categoriesOverTime.push({ category: c, first: e.dateStart, last: e.dateStart, events: 1 });
      }
      const categoryPeriods = (await readCategoryPeriods(ctx.store.db, [input.name])).get(input.name) ?? [];
      const areas = new Map<string, { admin1: string; events: number; fatalities: number }>();
      for (const e of released) {
        const a = areas.get(e.admin1) ?? { admin1: e.admin1, events: 0, fatalities: 0 };
        a.events += 1;
        a.fatalities += e.fatalities;
        areas.set(e.admin1, a);
      }
      const civilian = released.filter((e) => e.civilianTargeting && e.actor1 === input.name).length;
      const country = input.country ?? released[0]!.country;
      // From the monthly aggregates, which count each event once: the events table has no index on
      // civilian targeting, and counting it there read every event of the country.
      const allCivilian = await ctx.store.db
        .selectFrom('event_counts')
        .select(sql<number>`coalesce(sum(civilian_targeting_events), 0)`.as('n'))
        .where('country', '=', country)
        .executeTakeFirst();
      const total = Number(allCivilian?.n ?? 0);
      return {
        name: input.name,
        country: input.country ?? null,
        category,
        isState: isStateCategory(category),
        categoryPeriods,
        categoriesOverTime,
        events: released.length,
        fatalities: released.reduce((s, e) => s + e.fatalities, 0),
        civilianTargetingEvents: civilian,
        shareOfAttacksOnCivilians: total ? civilian / total : null,
        areas: [...areas.values()].sort((a, b) => b.events - a.events),
        latest: [...released].sort((a, b) => b.dateStart.localeCompare(a.dateStart)).slice(0, input.limit),
      };
    },
  }),
};
