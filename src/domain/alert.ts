/** What an escalation alert is about: the whole country, one first-level area, or one actor. */
export type AlertLevel = 'country' | 'admin1' | 'actor';

/** The monthly quantity an alert watches. Only event counts are tested for now. */
export type AlertMetric = 'events';

/**
 * A sustained rise of a monthly series above its own baseline, found by a statistical test.
 * `start` is the first month of the rise (not the month the test fired, which is `alarm`), so a
 * reader sees when things began to get worse and how long the test took to be sure.
 */
export interface EscalationAlert {
  level: AlertLevel;
  country: string;
  /** The country, the admin1 name or the actor name, spelled as the data spells it. */
  key: string;
  /** First month of the rise, YYYY-MM. */
  start: string;
  /** Month in which the score first crossed the threshold, YYYY-MM. */
  alarm: string;
  metric: AlertMetric;
  /** Expected events per month before the rise (trailing-window mean). */
  baseline: number;
  /** Observed events per month from `start` to `alarm`, inclusive. */
  observed: number;
  /** The CUSUM score (log-likelihood ratio) at the alarm; the threshold it crossed is `threshold`. */
  score: number;
  threshold: number;
  /** Monthly counts from `start` to `alarm`, so the rise can be read directly. */
  counts: number[];
  /** Events behind the alert (store ids and source ids), the most lethal first, bounded. */
  evidence: AlertEvidence[];
}

export interface AlertEvidence {
  id: number;
  source: string;
  sourceEventId: string;
  date: string;
  admin1: string;
  actor1: string;
  fatalities: number;
}
