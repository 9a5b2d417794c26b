import type { ConflictEvent } from '../../domain/conflict-event.ts';
import type { ViolenceType } from '../../domain/violence-type.ts';
import {
  DEMO_ACTORS,
  DEMO_COUNTRY,
  DEMO_REGIONS,
  type DemoActor,
  pointInRing,
  regionRing,
} from './demo-country.ts';
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

interface Episode {
  from: string;
  to: string;
  factor: number;
}

/** One recurring pattern of violence: who against whom, what kind, where, how often, and when it rises. */
interface Thread {
  id: string;
  actor1: DemoActor;
  actor2: DemoActor | null;
  type: ViolenceType;
  subTypes: readonly string[];
  /** Regions and their share of the thread's events. */
  regions: readonly (readonly [string, number])[];
  perMonth: number;
  fatalityMean: number;
  /** Extra rate in named periods (escalations, election seasons). */
  episodes?: readonly Episode[];
  /** Months (1–12) of the dry season, when herders move and clashes over grazing multiply. */
  drySeasonFactor?: number;
  /** Rounds before which this actor raises its violence, and by how much. */
  leverage?: { rounds: readonly string[]; factor: number };
  notes: readonly string[];
}

const A = DEMO_ACTORS;

const THREADS: readonly Thread[] = [
  {
    id: 'klf-insurgency',
    actor1: A.klf,
    actor2: A.army,
    type: 'battles',
    subTypes: ['Armed clash', 'Armed clash', 'Non-state actor overtakes territory'],
    regions: [
      ['Kessa Highlands', 0.7],
      ['Dunmarch', 0.3],
    ],
    perMonth: 5,
    fatalityMean: 4,
    episodes: [{ from: '2025-06-01', to: '2025-11-30', factor: 2.6 }],
    leverage: { rounds: ['round-1', 'round-2', 'round-3'], factor: 2.5 },
    notes: [
      'KLF fighters attacked an FAO position near {town}; clashes over control of the gold-mining road.',
      'Clashes between the KLF and the FAO around {town} after the KLF raised roadblocks taxing traders.',
      'KLF ambush on an FAO convoy outside {town}; the group said it wanted to strengthen its hand before the talks.',
    ],
  },
  {
    id: 'klf-against-civilians',
    actor1: A.klf,
    actor2: A.civilians,
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Abduction/forced disappearance', 'Looting/property destruction'],
    regions: [
      ['Kessa Highlands', 0.6],
      ['Dunmarch', 0.4],
    ],
    perMonth: 2.2,
    fatalityMean: 2.5,
    episodes: [{ from: '2025-06-01', to: '2025-11-30', factor: 2 }],
    leverage: { rounds: ['round-1', 'round-2', 'round-3'], factor: 3 },
    notes: [
      'KLF fighters abducted villagers in {town} accused of informing the army; reprisal for recent arrests.',
      'KLF attacked displaced families returning to {town}; houses burned.',
      'KLF killed traders on the {town} market road; looting of cattle and grain.',
    ],
  },
  {
    id: 'fao-reprisals',
    actor1: A.army,
    actor2: A.civilians,
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Arrests', 'Sexual violence'],
    regions: [
      ['Lower Varo', 0.65],
      ['Kessa Highlands', 0.35],
    ],
    perMonth: 2,
    fatalityMean: 2.2,
    episodes: [{ from: '2025-07-01', to: '2026-01-31', factor: 3.2 }],
    notes: [
      'FAO soldiers killed men in {town} during a counter-insurgency sweep, in reprisal for a KLF attack.',
      'FAO troops detained and beat residents of {town} suspected of supporting armed groups.',
      'Women in {town} reported rape by FAO soldiers during a search operation.',
    ],
  },
  {
    id: 'police-crackdown',
    actor1: A.police,
    actor2: A.protesters,
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Arrests'],
    regions: [['Orvo Capital District', 1]],
    perMonth: 0.4,
    fatalityMean: 1.2,
    episodes: [{ from: '2025-10-15', to: '2026-01-15', factor: 6 }],
    notes: [
      'Police fired on opposition supporters in {town} protesting the election timetable.',
      'Police arrested journalists and opposition activists in {town} before the election.',
    ],
  },
  {
    id: 'herder-farmer',
    actor1: A.herders,
    actor2: A.varoMilitia,
    type: 'battles',
    subTypes: ['Armed clash'],
    regions: [
      ['Dunmarch', 0.35],
      ['Selet Plateau', 0.4],
      ['Rinwa Basin', 0.25],
    ],
    perMonth: 2.5,
    fatalityMean: 3,
    drySeasonFactor: 2.8,
    notes: [
      'Herders and Varo self-defence fighters clashed near {town} over cattle crossing farmland on the transhumance corridor.',
      'Fighting between herders and farmers near {town} after cattle were stolen; dispute over grazing land.',
    ],
  },
  {
    id: 'herders-against-villages',
    actor1: A.herders,
    actor2: A.civilians,
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Looting/property destruction'],
    regions: [
      ['Selet Plateau', 0.6],
      ['Rinwa Basin', 0.4],
    ],
    perMonth: 1.4,
    fatalityMean: 3,
    drySeasonFactor: 2.5,
    notes: [
      'Armed herders attacked farming villages near {town} in a dispute over land and water points.',
      'Herders burned fields and killed farmers near {town}; communal tension over the grazing corridor.',
    ],
  },
  {
    id: 'varo-against-herders',
    actor1: A.varoMilitia,
    actor2: A.civilians,
    type: 'violence-against-civilians',
    subTypes: ['Attack'],
    regions: [
      ['Lower Varo', 0.5],
      ['Dunmarch', 0.5],
    ],
    perMonth: 0.8,
    fatalityMean: 2.5,
    drySeasonFactor: 2,
    notes: [
      'Varo self-defence fighters killed herder families camped near {town}; revenge for cattle raids.',
    ],
  },
  {
    id: 'mjr-insurgency',
    actor1: A.mjr,
    actor2: A.army,
    type: 'battles',
    subTypes: ['Armed clash'],
    regions: [
      ['Talu Lakes', 0.65],
      ['Rinwa Basin', 0.35],
    ],
    perMonth: 2,
    fatalityMean: 3.5,
    episodes: [{ from: '2026-02-01', to: '2026-07-31', factor: 2.4 }],
    leverage: { rounds: ['round-3'], factor: 2.5 },
    notes: [
      'MJR fighters attacked the FAO camp at {town}; the group demands a seat at the national talks.',
      'Clashes between the MJR and the FAO near {town} over the fishing and lake trade.',
    ],
  },
  {
    id: 'mjr-ied',
    actor1: A.mjr,
    actor2: A.army,
    type: 'explosions-remote-violence',
    subTypes: ['Remote explosive/landmine/IED'],
    regions: [['Talu Lakes', 1]],
    perMonth: 0.6,
    fatalityMean: 2.5,
    episodes: [{ from: '2026-02-01', to: '2026-07-31', factor: 2 }],
    notes: [
      'An improvised explosive device hit an FAO vehicle on the road to {town}; passers-by among the dead.',
    ],
  },
  {
    id: 'unidentified-killings',
    actor1: A.unidentified,
    actor2: A.civilians,
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Abduction/forced disappearance'],
    regions: [
      ['Amber Coast', 0.6],
      ['Orvo Capital District', 0.4],
    ],
    perMonth: 0.5,
    fatalityMean: 1.3,
    episodes: [{ from: '2025-10-01', to: '2026-01-31', factor: 2.5 }],
    notes: ['Unidentified gunmen killed a local councillor in {town} ahead of the elections.'],
  },
  {
    id: 'party-youth',
    actor1: A.partyYouth,
    actor2: A.civilians,
    type: 'violence-against-civilians',
    subTypes: ['Attack'],
    regions: [['Orvo Capital District', 1]],
    perMonth: 0.2,
    fatalityMean: 1,
    episodes: [{ from: '2025-10-15', to: '2026-01-15', factor: 8 }],
    notes: ['Ruling-party youth wing beat opposition supporters in {town} during the election campaign.'],
  },
  {
    id: 'protests',
    actor1: A.protesters,
    actor2: null,
    type: 'protests',
    subTypes: ['Peaceful protest', 'Protest with intervention'],
    regions: [
      ['Orvo Capital District', 0.6],
      ['Amber Coast', 0.4],
    ],
    perMonth: 4,
    fatalityMean: 0,
    episodes: [{ from: '2025-10-01', to: '2026-01-31', factor: 2.5 }],
    notes: ['Demonstrators in {town} protested against the cost of living and the election timetable.'],
  },
  {
    id: 'riots',
    actor1: A.rioters,
    actor2: A.police,
    type: 'riots',
    subTypes: ['Violent demonstration', 'Mob violence'],
    regions: [['Orvo Capital District', 1]],
    perMonth: 0.6,
    fatalityMean: 0.3,
    episodes: [{ from: '2025-10-15', to: '2026-01-15', factor: 4 }],
    notes: ['Rioters clashed with police in {town} after the results of the election were announced.'],
  },
  {
    id: 'strategic',
    actor1: A.army,
    actor2: null,
    type: 'strategic-developments',
    subTypes: ['Headquarters or base established', 'Change to group/activity'],
    regions: [
      ['Kessa Highlands', 0.4],
      ['Talu Lakes', 0.3],
      ['Lower Varo', 0.3],
    ],
    perMonth: 0.7,
    fatalityMean: 0,
    notes: ['The FAO set up a forward base at {town}.'],
  },
];

// Sub-types that rarely kill: arrests, abductions and sexual violence are counted, not their deaths.
const NON_LETHAL = new Set([
  'Arrests',
  'Abduction/forced disappearance',
  'Sexual violence',
  'Peaceful protest',
]);

const EVENT_TYPE_WORDS: Record<ViolenceType, string> = {
  battles: 'Battles',
  // GED's words, should a demo thread ever be a GED conflict type.
  'state-based-conflict': 'state-based',
  'non-state-conflict': 'non-state',
  'explosions-remote-violence': 'Explosions/Remote violence',
  'violence-against-civilians': 'Violence against civilians',
  protests: 'Protests',
  riots: 'Riots',
  'strategic-developments': 'Strategic developments',
};

export interface DemoEventsOptions {
  seed?: number;
  from?: string;
  to?: string;
  /** Multiplies every rate: 1.8 gives about two thousand events over the demonstration period. */
  scale?: number;
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
          events.push({
            source: 'demo',
            sourceEventId: `ORV${String(events.length + 1).padStart(5, '0')}`,
            dateStart: date,
            dateEnd: date,
            datePrecision: 'day',
            country: DEMO_COUNTRY,
            admin1: regionName,
            admin2: `${town} district`,
            location: town,
            latitude: lat,
            longitude: lon,
            geoPrecision: rng.next() < 0.7 ? 1 : 2,
            violenceType: thread.type,
            eventType: EVENT_TYPE_WORDS[thread.type],
            subEventType,
            actor1: thread.actor1.name,
            actor1Category: thread.actor1.category,
            actor2: thread.actor2?.name ?? '',
            actor2Category: thread.actor2?.category ?? null,
            civilianTargeting: againstCivilians,
            civilianTargetingDerived: false,
            fatalities,
            fatalitiesLow: null,
            fatalitiesHigh: null,
            civilianFatalities,
            targets: [],
            notes: `${rng.pick(thread.notes).replace('{town}', town)} (fictional demonstration event)`,
            sourceText: 'Tandem demonstration model (fictional)',
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
