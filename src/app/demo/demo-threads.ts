import type { ViolenceType } from '../../domain/violence-type.ts';
import type { DemoActorKey } from './demo-country.ts';

interface Episode {
  from: string;
  to: string;
  factor: number;
}

/** One recurring pattern of violence: who against whom, what kind, where, how often, and when it rises. */
export interface Thread {
  id: string;
  actor1: DemoActorKey;
  actor2: DemoActorKey | null;
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
}

// Sub-types that rarely kill: arrests, abductions and sexual violence are counted, not their deaths.
// An event of one of these counts one death about one time in eight, never more.
export const NON_LETHAL: ReadonlySet<string> = new Set([
  'Arrests',
  'Abduction/forced disappearance',
  'Sexual violence',
  'Peaceful protest',
]);

/** Whether the thread's events of a sub-type can count deaths (and so need notes that tell of them). */
export function canKill(thread: Thread, subType: string): boolean {
  return NON_LETHAL.has(subType) || thread.fatalityMean > 0;
}

/**
 * The demonstration model's patterns of violence: an insurgency and the army's reprisals, herder–
 * farmer clashes that follow the dry season, election-time repression, a second armed group. What
 * an officer would write of each thread's events is in `demo-event-notes.ts`.
 */
export const THREADS: readonly Thread[] = [
  {
    id: 'klf-insurgency',
    actor1: 'klf',
    actor2: 'army',
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
  },
  {
    id: 'klf-against-civilians',
    actor1: 'klf',
    actor2: 'civilians',
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
  },
  {
    id: 'fao-reprisals',
    actor1: 'army',
    actor2: 'civilians',
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Arrests', 'Sexual violence'],
    regions: [
      ['Lower Varo', 0.65],
      ['Kessa Highlands', 0.35],
    ],
    perMonth: 2,
    fatalityMean: 2.2,
    episodes: [{ from: '2025-07-01', to: '2026-01-31', factor: 3.2 }],
  },
  {
    id: 'police-crackdown',
    actor1: 'police',
    actor2: 'protesters',
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Arrests'],
    regions: [['Orvo Capital District', 1]],
    perMonth: 0.4,
    fatalityMean: 1.2,
    episodes: [{ from: '2025-10-15', to: '2026-01-15', factor: 6 }],
  },
  {
    id: 'herder-farmer',
    actor1: 'herders',
    actor2: 'varoMilitia',
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
  },
  {
    id: 'herders-against-villages',
    actor1: 'herders',
    actor2: 'civilians',
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Looting/property destruction'],
    regions: [
      ['Selet Plateau', 0.6],
      ['Rinwa Basin', 0.4],
    ],
    perMonth: 1.4,
    fatalityMean: 3,
    drySeasonFactor: 2.5,
  },
  {
    id: 'varo-against-herders',
    actor1: 'varoMilitia',
    actor2: 'civilians',
    type: 'violence-against-civilians',
    subTypes: ['Attack'],
    regions: [
      ['Lower Varo', 0.5],
      ['Dunmarch', 0.5],
    ],
    perMonth: 0.8,
    fatalityMean: 2.5,
    drySeasonFactor: 2,
  },
  {
    id: 'mjr-insurgency',
    actor1: 'mjr',
    actor2: 'army',
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
  },
  {
    id: 'mjr-ied',
    actor1: 'mjr',
    actor2: 'army',
    type: 'explosions-remote-violence',
    subTypes: ['Remote explosive/landmine/IED'],
    regions: [['Talu Lakes', 1]],
    perMonth: 0.6,
    fatalityMean: 2.5,
    episodes: [{ from: '2026-02-01', to: '2026-07-31', factor: 2 }],
  },
  {
    id: 'unidentified-killings',
    actor1: 'unidentified',
    actor2: 'civilians',
    type: 'violence-against-civilians',
    subTypes: ['Attack', 'Abduction/forced disappearance'],
    regions: [
      ['Amber Coast', 0.6],
      ['Orvo Capital District', 0.4],
    ],
    perMonth: 0.5,
    fatalityMean: 1.3,
    episodes: [{ from: '2025-10-01', to: '2026-01-31', factor: 2.5 }],
  },
  {
    id: 'party-youth',
    actor1: 'partyYouth',
    actor2: 'civilians',
    type: 'violence-against-civilians',
    subTypes: ['Attack'],
    regions: [['Orvo Capital District', 1]],
    perMonth: 0.2,
    fatalityMean: 1,
    episodes: [{ from: '2025-10-15', to: '2026-01-15', factor: 8 }],
  },
  {
    id: 'protests',
    actor1: 'protesters',
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
  },
  {
    id: 'riots',
    actor1: 'rioters',
    actor2: 'police',
    type: 'riots',
    subTypes: ['Violent demonstration', 'Mob violence'],
    regions: [['Orvo Capital District', 1]],
    perMonth: 0.6,
    fatalityMean: 0.3,
    episodes: [{ from: '2025-10-15', to: '2026-01-15', factor: 4 }],
  },
  {
    id: 'strategic',
    actor1: 'army',
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
  },
];
