import type { ConflictEvent } from '../../domain/conflict-event.ts';
import { DEMO_ACTORS, DEMO_REGIONS, pointInRing, regionRing } from './demo-country.ts';
import { type DemoEventWords, ENGLISH_EVENT_WORDS, notesFor, withTown } from './demo-event-words.ts';
import { NON_LETHAL, THREADS } from './demo-threads.ts';
import { SeededRandom } from './seeded-random.ts';

export const DEMO_SEED = 20260401;
export const DEMO_PERIOD = { from: '2024-01-01', to: '2026-10-31' } as const;

/** The fictional peace talks; the negotiation file and the model share these dates. */
export const DEMO_ROUNDS = [
  { id: 'round-1', start: '2025-02-17', end: '2025-02-21', venue: 'Port Amber' },
  { id: 'round-2', start: '2025-09-08', end: '2025-09-12', venue: 'Lisk' },
  { id: 'round-3', start: '2026-04-13', end: '2026-04-17', venue: 'Orvo' },
] as const;

/** Days before a round in which a party that uses violence as leverage steps it up. */
export const LEVERAGE_WINDOW_DAYS = 42;

export interface DemoEventsOptions {
  seed?: number;
  from?: string;
  to?: string;
  /** Multiplies every rate: 1.8 gives about two thousand events over the demonstration period. */
  scale?: number;
  /** The events' words (English unless given): the draws, and so the events, stay the same. */
  words?: DemoEventWords;
}

/**
 * The demonstration mission's events: a seeded simulation of a fictional country, day by day.
 * Each pattern of violence (an insurgency, counter-insurgency reprisals by the army, herder–farmer
 * clashes that follow the dry season, election-time repression) has a base rate, escalation
 * episodes, and for parties to the talks a rise in the weeks before each negotiation round. The
 * same seed always gives the same events, so the demonstration and its tests are reproducible.
 */
export function generateDemoEvents(options: DemoEventsOptions = {}): ConflictEvent[] {
  const rng = new SeededRandom(options.seed ?? DEMO_SEED);
  const from = options.from ?? DEMO_PERIOD.from;
  const to = options.to ?? DEMO_PERIOD.to;
  const scale = options.scale ?? 1.8;
  const words = options.words ?? ENGLISH_EVENT_WORDS;
  const rings = new Map(DEMO_REGIONS.map((r) => [r.name, regionRing(r)]));
  const regionByName = new Map(DEMO_REGIONS.map((r) => [r.name, r]));
  const roundStart = new Map<string, number>(DEMO_ROUNDS.map((r) => [r.id, dayNumber(r.start)]));
  const events: ConflictEvent[] = [];
  const first = dayNumber(from);
  const last = dayNumber(to);

  for (let day = first; day <= last; day++) {
    const date = dateOf(day);
    const month = Number(date.slice(5, 7));
    for (const thread of THREADS) {
      let rate = (thread.perMonth * scale) / 30.4;
      for (const e of thread.episodes ?? []) if (date >= e.from && date <= e.to) rate *= e.factor;
      if (thread.drySeasonFactor && (month === 12 || month <= 3)) rate *= thread.drySeasonFactor;
      if (thread.leverage) {
        for (const id of thread.leverage.rounds) {
          const start = roundStart.get(id)!;
          if (day < start && day >= start - LEVERAGE_WINDOW_DAYS) rate *= thread.leverage.factor;
        }
      }
      for (const [regionName, share] of thread.regions) {
        const n = rng.poisson(rate * share);
        for (let k = 0; k < n; k++) {
          // The draws, in this order, make the events: changing it changes every event after.
          const region = regionByName.get(regionName)!;
          const town = rng.pick(region.towns);
          const [lon, lat] = pointIn(rings.get(regionName)!, rng);
          const subEventType = rng.pick(thread.subTypes);
          const fatalities = NON_LETHAL.has(subEventType)
            ? Number(rng.next() < 0.12)
            : thread.fatalityMean > 0
              ? rng.negativeBinomial(thread.fatalityMean, 0.8)
              : 0;
          const againstCivilians = thread.type === 'violence-against-civilians';
          const civilianFatalities = againstCivilians
            ? fatalities
            : thread.type === 'explosions-remote-violence'
              ? Math.round(fatalities * rng.between(0.2, 0.6))
              : thread.type === 'battles'
                ? Math.round(fatalities * rng.between(0, 0.25))
                : fatalities;
          const geoPrecision = rng.next() < 0.7 ? 1 : 2;
          // Last, the note: one draw among the notes that fit the sub-type and the deaths.
          const note = rng.pick(notesFor(words, thread, subEventType, fatalities));
          events.push({
            source: 'demo',
            sourceEventId: `ORV${String(events.length + 1).padStart(5, '0')}`,
            dateStart: date,
            dateEnd: date,
            datePrecision: 'day',
            country: words.country,
            admin1: regionName,
            admin2: withTown(words.district, town),
            location: town,
            latitude: lat,
            longitude: lon,
            geoPrecision,
            violenceType: thread.type,
            eventType: words.eventTypes[thread.type],
            subEventType: words.subEventTypes[subEventType]!,
            actor1: words.actors[thread.actor1],
            actor1Category: DEMO_ACTORS[thread.actor1].category,
            actor2: thread.actor2 ? words.actors[thread.actor2] : '',
            actor2Category: thread.actor2 ? DEMO_ACTORS[thread.actor2].category : null,
            civilianTargeting: againstCivilians,
            civilianTargetingDerived: false,
            fatalities,
            fatalitiesLow: null,
            fatalitiesHigh: null,
            civilianFatalities,
            targets: [],
            notes: `${withTown(note, town)} ${words.fictional}`,
            sourceText: words.source,
          });
        }
      }
    }
  }
  return events;
}

function pointIn(ring: readonly [number, number][], rng: SeededRandom): [number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  for (;;) {
    const p: [number, number] = [
      Math.round(rng.between(minX, maxX) * 10000) / 10000,
      Math.round(rng.between(minY, maxY) * 10000) / 10000,
    ];
    if (pointInRing(p, ring)) return p;
  }
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
