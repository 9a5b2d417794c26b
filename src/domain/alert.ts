import type { EventCitation } from './event-citation.ts';

/** What an escalation alert is about: the whole country, one first-level area, or one actor. */
export type AlertLevel = 'country' | 'admin1' | 'actor';

/** The monthly quantity an alert watches: violent events, or the deaths in them. */
export type AlertMetric = 'events' | 'fatalities';

/**
 * What kind of signal an alert is: a sustained rise of its metric over the series' own baseline
 * (`escalation`), a month with one event of at least 100 deaths, whatever came before it
 * (`mass-casualty`), or an actor new to the country that appears at
 * scale (`new-actor`).
 */
export type AlertKind = 'escalation' | 'mass-casualty' | 'new-actor';

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
  kind: AlertKind;
  /** Expected events (or deaths) per month before the rise (trailing-window mean); 0 for a new actor. */
  baseline: number;
  /** Observed events (or deaths) per month from `start` to `alarm`, inclusive. */
  observed: number;
  /**
   * The test's score at the alarm and the threshold it crossed: the CUSUM score for an escalation,
   * the event's deaths for a mass casualty (threshold 100), the actor's events for a new actor.
   */
  score: number;
  threshold: number;
  /** Monthly counts (events or deaths) from `start` to `alarm`, so the rise can be read directly. */
  counts: number[];
  /** Events behind the alert (store ids and source ids), the most lethal first, bounded. */
  evidence: EventCitation[];
}
