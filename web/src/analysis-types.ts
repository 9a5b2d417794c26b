/** The parts of `tandem analyze --json` the pages read; the analysis operations define the whole. */
export interface AnalysisAnswer {
  period?: { from: string; to: string };
  headline?: { events: number; fatalities: number; civilianFatalities: number };
  alerts?: Alert[];
  perpetrators?: Perpetrator[];
  drivers?: DriverRow[];
  threats?: Threat[];
}

export interface Alert {
  level: string;
  country: string;
  key: string;
  start: string;
  metric: string;
  baseline: number;
  observed: number;
  score: number;
  evidence: unknown[];
}

export interface Perpetrator {
  actor: string;
  category: string | null;
  isState: boolean;
  events: number;
  civilianFatalities: number;
  [k: string]: unknown;
}

export interface DriverRow {
  driver: string;
  events: number;
  joint: boolean | number;
  evidence: unknown[];
  [k: string]: unknown;
}

export interface Threat {
  perpetrator?: string;
  targetedPopulation?: string;
  violenceType?: string;
  admin1?: string;
  likelihood?: string | number;
  severity?: string | number;
  trend?: string;
  [k: string]: unknown;
}

const LEVELS: Record<string, number> = {
  low: 1,
  medium: 2,
  moderate: 2,
  high: 3,
  'very-high': 4,
  'very high': 4,
  critical: 4,
};

function level(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return LEVELS[v.toLowerCase()] ?? 0;
  return 0;
}

/** A threat's weight: likelihood × severity on a 1–4 scale each. */
export function threatScore(t: Threat): number {
  return level(t.likelihood) * level(t.severity);
}

export function evidenceIds(evidence: unknown[] | undefined): number[] {
  return (evidence ?? [])
    .map((e) =>
      typeof e === 'number'
        ? e
        : typeof e === 'object' && e !== null
          ? Number((e as { id?: unknown }).id)
          : Number.NaN,
    )
    .filter((n) => Number.isFinite(n));
}
