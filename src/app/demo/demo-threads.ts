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
  /** What an officer would write of such an event, in English; `{town}` is the event's place. */
  notes: readonly string[];
}

/**
 * The demonstration model's patterns of violence: an insurgency and the army's reprisals, herder–
 * farmer clashes that follow the dry season, election-time repression, a second armed group. The
 * notes are English; `ENGLISH_EVENT_WORDS` collects them, and another language's words give as many
 * per thread (src/app/demo/fr/demo-texts.yaml).
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
    notes: [
      'KLF fighters attacked an FAO position near {town}; clashes over control of the gold-mining road.',
      'Clashes between the KLF and the FAO around {town} after the KLF raised roadblocks taxing traders.',
      'KLF ambush on an FAO convoy outside {town}; the group said it wanted to strengthen its hand before the talks.',
    ],
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
    notes: [
      'KLF fighters abducted villagers in {town} accused of informing the army; reprisal for recent arrests.',
      'KLF attacked displaced families returning to {town}; houses burned.',
      'KLF killed traders on the {town} market road; looting of cattle and grain.',
    ],
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
    notes: [
      'FAO soldiers killed men in {town} during a counter-insurgency sweep, in reprisal for a KLF attack.',
      'FAO troops detained and beat residents of {town} suspected of supporting armed groups.',
      'Women in {town} reported rape by FAO soldiers during a search operation.',
    ],
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
    notes: [
      'Police fired on opposition supporters in {town} protesting the election timetable.',
      'Police arrested journalists and opposition activists in {town} before the election.',
    ],
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
    notes: [
      'Herders and Varo self-defence fighters clashed near {town} over cattle crossing farmland on the transhumance corridor.',
      'Fighting between herders and farmers near {town} after cattle were stolen; dispute over grazing land.',
    ],
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
    notes: [
      'Armed herders attacked farming villages near {town} in a dispute over land and water points.',
      'Herders burned fields and killed farmers near {town}; communal tension over the grazing corridor.',
    ],
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
    notes: [
      'Varo self-defence fighters killed herder families camped near {town}; revenge for cattle raids.',
    ],
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
    notes: [
      'MJR fighters attacked the FAO camp at {town}; the group demands a seat at the national talks.',
      'Clashes between the MJR and the FAO near {town} over the fishing and lake trade.',
    ],
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
    notes: [
      'An improvised explosive device hit an FAO vehicle on the road to {town}; passers-by among the dead.',
    ],
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
    notes: ['Unidentified gunmen killed a local councillor in {town} ahead of the elections.'],
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
    notes: ['Ruling-party youth wing beat opposition supporters in {town} during the election campaign.'],
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
    notes: ['Demonstrators in {town} protested against the cost of living and the election timetable.'],
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
    notes: ['Rioters clashed with police in {town} after the results of the election were announced.'],
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
    notes: ['The FAO set up a forward base at {town}.'],
  },
];
