import type { Kysely } from 'kysely';
import type { NegotiationProcess } from '../domain/negotiation.ts';
import { actingNames } from '../store/count-accumulator.ts';
import { type HiddenEvents, readableEvents } from '../store/hidden-records.ts';
import type { Database } from '../store/schema.ts';
import {
  addDays,
  type EscalationOptions,
  type NegotiationEvent,
  spanOf,
  VIOLENT_TYPES,
} from './negotiation-checks.ts';

export interface NegotiationData {
  events: NegotiationEvent[];
  /** The first and last event dates in the store for the process's country (any actor). */
  coverage: { from: string | null; to: string | null };
  /** The same, source by source. */
  sourceCoverage: Map<string, { from: string; to: string }>;
  /** Party actors with no event at all in the store for the country: probably misspelled. */
  unknownActors: string[];
  /** The process as tested: each party's actors with the store's spellings of them (storedSpellings). */
  process: NegotiationProcess;
}

/**
 * Reads the violent events involving any party's actors, from the earliest baseline to the last
 * window, plus what the store covers, so the tracker can say when a baseline falls before the data.
 */
export async function readNegotiationData(
  db: Kysely<Database>,
  process: NegotiationProcess,
  options: EscalationOptions,
  hidden: HiddenEvents = { levels: [], missionIds: [] },
): Promise<NegotiationData> {
  // Every read below sees only the events outside `hidden`: those the requester may read in full.
  const events = () => readableEvents(db, hidden);
  const written = [...new Set(process.parties.flatMap((p) => p.actors))];
  const spellings = await storedSpellings(events, process.country, written);
  const spelt = (a: string) => spellings.get(a) ?? [a];
  const actors = [...new Set(written.flatMap(spelt))];
  const tested: NegotiationProcess = {
    ...process,
    parties: process.parties.map((p) => ({ ...p, actors: [...new Set(p.actors.flatMap(spelt))] })),
  };
  const starts = process.rounds.map((r) => r.start).sort();
  const bySource = await events()
    .select((eb) => ['source', eb.fn.min('date_start').as('from'), eb.fn.max('date_start').as('to')])
    .where('country', '=', process.country)
    .groupBy('source')
    .execute();
  const sourceCoverage = new Map(bySource.map((r) => [r.source, { from: r.from, to: r.to }]));
  const coverage = spanOf([...sourceCoverage.values()]);
  if (!actors.length || !starts.length)
    return { events: [], coverage, sourceCoverage, unknownActors: written, process: tested };
  const from = addDays(starts[0]!, -(options.windowDays + options.baselineDays));
  const to = addDays(starts[starts.length - 1]!, -1);
  const rows = await events()
    .select([
      'id',
      'source',
      'source_event_id',
      'date_start',
      'admin1',
      'actor1',
      'actor2',
      'actor1_associated',
      'actor2_associated',
      'violence_type',
      'fatalities',
    ])
    .where('country', '=', process.country)
    .where('date_start', '>=', from)
    .where('date_start', '<=', to)
    .where('violence_type', 'in', [...VIOLENT_TYPES])
    // Events naming associated actors are read whole and sorted out by testEscalation.
    .where((eb) =>
      eb.or([
        eb('actor1', 'in', actors),
        eb('actor2', 'in', actors),
        eb('actor1_associated', '<>', ''),
        eb('actor2_associated', '<>', ''),
      ]),
    )
    .orderBy('date_start')
    .orderBy('id')
    .execute();
  const seen1 = await events()
    .select('actor1 as name')
    .distinct()
    .where('country', '=', process.country)
    .where('actor1', 'in', actors)
    .execute();
  const seen2 = await events()
    .select('actor2 as name')
    .distinct()
    .where('country', '=', process.country)
    .where('actor2', 'in', actors)
    .execute();
  const withSides = await events()
    .select(['actor1_associated as first', 'actor2_associated as second'])
    .distinct()
    .where('country', '=', process.country)
    .where((eb) => eb.or([eb('actor1_associated', '<>', ''), eb('actor2_associated', '<>', '')]))
    .execute();
  const seen = new Set([
    ...[...seen1, ...seen2].map((r) => r.name),
    ...withSides.flatMap((r) => [...actingNames(r.first), ...actingNames(r.second)]),
  ]);
  return {
    events: rows.map((r) => ({
      id: Number(r.id),
      source: r.source,
      sourceEventId: r.source_event_id,
      dateStart: r.date_start,
      admin1: r.admin1,
      actor1: r.actor1,
      actor2: r.actor2,
      actor1Associated: actingNames(r.actor1_associated),
      actor2Associated: actingNames(r.actor2_associated),
      violenceType: r.violence_type,
      fatalities: Number(r.fatalities),
    })),
    coverage,
    sourceCoverage,
    unknownActors: written.filter((a) => !spelt(a).some((n) => seen.has(n))),
    process: tested,
  };
}

/**
 * The names the readable events of a country give each written party actor: the same name in
 * another case ("Anti-Balaka" for GED's "anti-Balaka"), and a side of several groups that names
 * it as one of them (GED's "anti-Balaka, FPRC-AK"), whose events are the party's too (alerts
 * probe). A written name the events do not hold is kept as written.
 */
async function storedSpellings(
  events: () => ReturnType<typeof readableEvents>,
  country: string,
  written: readonly string[],
): Promise<Map<string, string[]>> {
  const byLower = new Map(written.map((a) => [a.toLowerCase(), a]));
  const out = new Map<string, string[]>(written.map((a) => [a, [a]]));
  if (!written.length) return out;
  const add = (a: string | undefined, name: string) => {
    const list = a === undefined ? undefined : out.get(a);
    if (list && !list.includes(name)) list.push(name);
  };
  for (const side of ['actor1', 'actor2'] as const) {
    const rows = await events()
      .select(`${side} as name`)
      .distinct()
      .where('country', '=', country)
      .where((eb) => eb.or([eb(eb.fn('lower', [side]), 'in', [...byLower.keys()]), eb(side, 'like', '%, %')]))
      .execute();
    for (const { name } of rows) {
      add(byLower.get(name.toLowerCase()), name);
      for (const member of name.split(', ')) add(byLower.get(member.trim().toLowerCase()), name);
    }
  }
  return out;
}
