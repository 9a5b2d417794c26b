import { type Kysely, sql } from 'kysely';
import { HARM_KINDS, type HarmKind, harmKindOfGroup, harmKindOfSubEvent } from '../domain/harm-kind.ts';
import type { ThreatCell } from '../domain/threat.ts';
import { splitTargets } from '../store/event-columns.ts';
import { type HiddenEvents, readableEvents } from '../store/hidden-records.ts';
import type { Database } from '../store/schema.ts';
import { harmedGroup, perpetratorBranches } from './harmed-group.ts';
import { addMonths } from './months.ts';

/** One group harmed in a threat cell, with the cell's figures for that group alone. */
export interface TargetedGroup {
  /** As the source names it, or "Civilians (Country)" for the events that name no group. */
  group: string;
  /** False for "Civilians (Country)": the events named no group. */
  named: boolean;
  events: number;
  recent: number;
  previous: number;
  /**
   * Whether the record holds an event of the group before the trend's earlier window, read only
   * where the trend needs it (events in the recent window, none in the earlier one): false for a
   * threat new to the data.
   */
  seenBefore: boolean;
  fatalities: number;
  /** Serious kinds of harm among the group's events in the period (domain/harm-kind.ts). */
  harmKinds: HarmKind[];
}

export interface ThreatWindow {
  firstMonth: string;
  lastMonth: string;
  recentStart: string;
  previousStart: string;
  /**
   * The period's first and last days, where it cuts a month: its events and deaths are those days'
   * (a threat of 15 December to 20 January had counted, and rested on, attacks of 31 January).
   */
  from?: string;
  to?: string;
}

/**
 * Splits a threat cell (perpetrator × area × violence type) by who its civilian-targeting events
 * harmed, read from the events' targets: each named group its own threat, the events that name
 * none under "Civilians (Country)". An event naming two groups counts for each.
 */
export async function readTargetedGroups(
  db: Kysely<Database>,
  cell: ThreatCell,
  w: ThreatWindow,
  hidden: HiddenEvents = { levels: [], missionIds: [] },
): Promise<TargetedGroup[]> {
  const inPeriod =
    w.from && w.to
      ? sql`date_start >= ${w.from} and date_start <= ${w.to}`
      : sql`month >= ${w.firstMonth} and month <= ${w.lastMonth}`;
  const firstMonth = [w.firstMonth, w.previousStart].sort()[0]!;
  // The perpetrator's events as first actor, then as one acting with the first: disjoint, so their
  // rows add up.
  const branches = perpetratorBranches(cell.actor);
  // The cell's civilian-targeting events that one branch names the perpetrator in.
  const cellEvents = (branch: (typeof branches)[number]) => {
    let q = readableEvents(db, hidden)
      .where('country', '=', cell.country)
      .where('admin1', '=', cell.admin1)
      .where('violence_type', '=', cell.violenceType)
      .where('civilian_targeting', '=', 1);
    for (const c of branch) q = q.where(c);
    return q;
  };
  const rows = [];
  for (const branch of branches) {
    const q = cellEvents(branch)
      .select([
        'targets',
        'sub_event_type',
        // Protesters targeted, where no group is named: the group harmed (Mali probe).
        sql<string>`case when actor2_category = 'protesters' then actor2 else '' end`.as('protesters'),
        sql<number>`sum(case when ${inPeriod} then 1 else 0 end)`.as('events'),
        sql<number>`sum(case when month >= ${w.recentStart} and month <= ${w.lastMonth} then 1 else 0 end)`.as(
          'recent',
        ),
        sql<number>`sum(case when month >= ${w.previousStart} and month < ${w.recentStart} then 1 else 0 end)`.as(
          'previous',
        ),
        sql<number>`sum(case when ${inPeriod} then fatalities else 0 end)`.as('fatalities'),
      ])
      // The window as bounds on the first day, which the index on country, actor, area and date can
      // seek (bounds on the month column could not): a year's window reads that year's events only.
      .where('date_start', '>=', `${firstMonth}-01`)
      .where('date_start', '<', `${addMonths(w.lastMonth, 1)}-01`)
      .groupBy([
        'targets',
        'sub_event_type',
        sql`case when actor2_category = 'protesters' then actor2 else '' end`,
      ]);
    rows.push(...(await q.execute()));
  }
  const groups = new Map<string, TargetedGroup>();
  for (const r of rows) {
    // ACLED lists beside the civilians harmed an armed force that was hit too ("Military Forces
    // of South Sudan (2011-)" beside the passengers of a bus): never the perpetrator itself, which
    // would read as a threat by an army against that army.
    const names = splitTargets(r.targets).filter((t) => t !== cell.actor);
    const named = names.length > 0 || r.protesters !== '';
    for (const group of names.length ? names : [r.protesters || `Civilians (${cell.country})`]) {
      const g = groups.get(group) ?? {
        group,
        named,
        events: 0,
        recent: 0,
        previous: 0,
        seenBefore: false,
        fatalities: 0,
        harmKinds: [],
      };
      g.events += Number(r.events);
      const kinds = [harmKindOfSubEvent(r.sub_event_type), harmKindOfGroup(group)];
      if (Number(r.events) > 0) for (const k of kinds) if (k && !g.harmKinds.includes(k)) g.harmKinds.push(k);
      g.recent += Number(r.recent);
      g.previous += Number(r.previous);
      g.fatalities += Number(r.fatalities);
      groups.set(group, g);
    }
  }
  const found = [...groups.values()].filter((g) => g.events > 0);
  // The same perpetrator harming the same people in the area before the trend's windows: the
  // threat is back after a lull, not new (trendOf). Asked only of the groups whose earlier window
  // is empty, and answered by the first such event: reading every earlier event of every cell
  // (their counts, which nothing uses) was most of the analysis's time on a long record.
  for (const g of found) {
    if (g.recent === 0 || g.previous > 0) continue;
    for (const branch of branches) {
      const q = cellEvents(branch)
        .select(sql<number>`1`.as('found'))
        .where('date_start', '<', `${w.previousStart}-01`)
        .where(harmedGroup(g))
        .limit(1);
      if (await q.executeTakeFirst()) {
        g.seenBefore = true;
        break;
      }
    }
  }
  return found.map((g) => ({ ...g, harmKinds: HARM_KINDS.filter((k) => g.harmKinds.includes(k)) }));
}
