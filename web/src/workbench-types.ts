/** Shapes of the API answers the pages read (the server's operations define them). */
export interface WorkbenchStatus {
  countries: { country: string; events: number; first: string; last: string }[];
  imports: { format: string; files: number; imported: number }[];
  boundaries: { country: string; areas: number }[];
  demo: boolean;
}

export interface AreaFigures {
  events: number;
  fatalities: number;
  civilianFatalities: number;
  civilianTargetingEvents: number;
  stateCivilianTargetingEvents: number;
}

export interface AreaMapAnswer {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: number;
    properties: { country: string; admin1: string } & AreaFigures;
    geometry: unknown;
  }[];
  areas: ({ country: string; admin1: string; hasBoundary: boolean } & AreaFigures)[];
  totals: AreaFigures;
  months: { first: string | null; last: string | null };
}

export interface TrendRow {
  month: string;
  violenceType: string;
  perpetrator: 'state-forces' | 'other';
  events: number;
}

export interface TrendAnswer {
  months: string[];
  series: { violenceType: string; perpetrator: 'state-forces' | 'other'; events: number[] }[];
}

/** The columnar trend as rows, as charts want it. */
export function trendRows(t: TrendAnswer): TrendRow[] {
  return t.series.flatMap((s) =>
    t.months.map((month, i) => ({
      month,
      violenceType: s.violenceType,
      perpetrator: s.perpetrator,
      events: s.events[i],
    })),
  );
}

export interface MapEvent {
  id: number;
  source: string;
  sourceEventId: string;
  date: string;
  country: string;
  admin1: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  violenceType: string;
  subEventType: string;
  actor1: string;
  actor1Category: string | null;
  actor2: string;
  fatalities: number;
  civilianTargeting: boolean;
  notes: string;
}

/** [id, longitude, latitude, civilian targeting 0|1, state-force perpetrator 0|1] */
export type MapPointRow = [number, number | null, number | null, number, number];

export const VIOLENCE_TYPES = [
  ['battles', 'Battles'],
  ['explosions-remote-violence', 'Explosions / remote violence'],
  ['violence-against-civilians', 'Violence against civilians'],
  ['protests', 'Protests'],
  ['riots', 'Riots'],
  ['strategic-developments', 'Strategic developments'],
] as const;

export const MEASURES = [
  ['events', 'Events'],
  ['fatalities', 'Fatalities'],
  ['civilianTargetingEvents', 'Attacks on civilians'],
  ['stateCivilianTargetingEvents', 'Attacks on civilians by state forces'],
  ['threat', 'Threat (likelihood × severity)'],
] as const;
