import type { EscalationAlert } from '../domain/alert.ts';
import type { Threat } from '../domain/threat.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import type { DataGap } from './data-gap.ts';
import type { DriverFinding } from './driver-findings.ts';
import type { SourceId } from './event-source-ids.ts';
import type { LogCusumOptions } from './log-cusum.ts';
import type { CusumOptions } from './nb-cusum.ts';
import type { NewActorOptions } from './new-actor-alerts.ts';
import type { ThinMonth } from './thin-last-month.ts';
import type { TrendDirection } from './trend.ts';

export interface Trend {
  direction: TrendDirection;
  /** Events in the last `trendMonths` months of the period, and in the months before them. */
  recent: number;
  previous: number;
}

export interface AreaSummary {
  country: string;
  admin1: string;
  events: number;
  fatalities: number;
  /** Null where no source in the area gives civilian deaths (ACLED). */
  civilianFatalities: number | null;
  civilianTargetingEvents: number;
  /** Direction of the last months against the months before (see `trendDetail`). */
  trend: TrendDirection;
  trendDetail: Trend;
  /** Monthly events over the period, for charts. */
  series: number[];
}

export interface PerpetratorProfile {
  actor: string;
  category: string;
  isState: boolean;
  events: number;
  fatalities: number;
  civilianFatalities: number | null;
  civilianTargetingEvents: number;
  /** Share of the actor's events that targeted civilians. */
  civilianTargetingShare: number;
  areaCount: number;
  areas: { admin1: string; events: number }[];
  /** What the actor did: events per violence type. */
  targets: Partial<Record<ViolenceType, number>>;
  /** The (at most three) groups the actor harmed most, by events, over all its threats, listed or left out (see `threats`). */
  targetedPopulations: string[];
  trend: TrendDirection;
  trendDetail: Trend;
  series: number[];
}

export interface Hotspot {
  country: string;
  admin1: string;
  events: number;
  fatalities: number;
  recent: number;
  previous: number;
  change: number;
}

/** The whole joint analysis: plain data, with the query or events behind every figure. */
export interface JointAnalysis {
  scope: { country: string | null; admin1: string | null };
  period: {
    from: string;
    to: string;
    firstMonth: string;
    lastMonth: string;
    /**
     * When the period stops early in its last month (before three quarters of it), that month
     * holds only some of its days: its counts, and the trends and alerts that include it, read
     * low. ACLED exports usually end mid-month. Null when the last month is (nearly) whole.
     */
    partialLastMonth: { month: string; days: number; of: number } | null;
    /**
     * The last month when it holds far fewer violent events than the six before it (a month only
     * begun, or data that stop early): its counts, and trends ending with it, read low.
     */
    thinLastMonth?: ThinMonth;
    /**
     * When a period asked to start (`from`) after the first quarter of its first month, that
     * month holds only its days from then: its counts read low beside whole months. Absent when
     * the first month is (nearly) whole or the period starts where the data does.
     */
    partialFirstMonth?: { month: string; days: number; of: number };
    /**
     * Runs of months the store holds no event of the country (of any kind), in the period or the
     * alerts' baselines before it: a gap in the data reads as months without violence, and a rise
     * after it as an escalation. Absent when there is none.
     */
    dataGaps?: DataGap[];
    /**
     * When the country's record begins less than the alerts' minimum history (6 months) before the
     * period's end of testing: the first month an alert could be tested (YYYY-MM) and the record's
     * first month. A rise before then cannot be found; "no alert" there is no finding. Absent when
     * every month of the period could be tested, or no country is in scope.
     */
    alertsTestedFrom?: string;
    dataFirstMonth?: string;
  };
  settings: {
    cusum: CusumOptions;
    fatalityCusum: LogCusumOptions;
    newActors: NewActorOptions;
    trendMonths: number;
    alertMetric: string;
    minActorEvents: number;
    evidenceLimit: number;
  };
  headline: {
    events: number;
    fatalities: number;
    civilianFatalities: number | null;
    /**
     * The period's events whose source gives civilian deaths (GED, a mission's incident reports):
     * where fewer than all, civilianFatalities counts only theirs.
     */
    civilianFatalitiesEvents: number;
    violentEvents: number;
    civilianTargetingEvents: number;
    /** Share of events targeting civilians whose perpetrator (first actor) is a state force. */
    stateShareOfCivilianTargeting: number | null;
    stateCivilianTargetingEvents: number;
  };
  mapping: {
    months: string[];
    events: number[];
    fatalities: number[];
    civilianFatalities: (number | null)[];
    civilianTargetingEvents: number[];
    stateCivilianTargetingEvents: number[];
    byViolenceType: Record<string, number[]>;
    byPerpetratorCategory: Record<string, number[]>;
  };
  areas: AreaSummary[];
  hotspots: { byLevel: Hotspot[]; byChange: Hotspot[] };
  alerts: EscalationAlert[];
  perpetrators: PerpetratorProfile[];
  perpetratorCount: number;
  drivers: DriverFinding[];
  driverSample: { events: number; limit: number };
  threats: Threat[];
  /**
   * How many threats the data suggest (`total`) and how many of them `threats` lists (`shown`),
   * the most severe first: the list is bounded. `exact` is false when some cells were counted as
   * one threat each without being split by group (threat-proposals.ts), making `total` a minimum.
   */
  threatCount: { shown: number; total: number; exact: boolean };
  /**
   * The events drivers' evidence and threats cite, keyed by store id: each one's source and the
   * source's own id, to find it again outside Tandem (alerts' evidence carries both itself).
   */
  citations: Record<string, SourceId>;
  /** For each section, the query behind its figures, in words a reviewer can re-run. */
  provenance: Record<string, string>;
}
