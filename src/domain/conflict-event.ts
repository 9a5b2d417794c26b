import type { ActorCategory } from './actor-category.ts';
import type { ViolenceType } from './violence-type.ts';

export type SourceName = 'acled' | 'ucdp' | 'hxl' | 'demo' | 'mission';

/** How exact a date is: the source's own precision, in words. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'unknown';

/**
 * One conflict event, normalised across ACLED, UCDP GED and HXL. Field names say what they hold;
 * the source's own spelling of places and actors is kept as it is, so figures can be traced back.
 */
export interface ConflictEvent {
  source: SourceName;
  /** The source's own id (ACLED `event_id_cnty`, GED `id`); with `source` it identifies the event. */
  sourceEventId: string;
  /** First day, YYYY-MM-DD. */
  dateStart: string;
  /** Last day, YYYY-MM-DD (equal to dateStart for one-day events). */
  dateEnd: string;
  datePrecision: DatePrecision;
  country: string;
  admin1: string;
  admin2: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  /** The source's geo precision code (ACLED geo_precision 1–3, GED where_prec 1–7). */
  geoPrecision: number | null;
  violenceType: ViolenceType;
  /** The source's event type and sub-type as written (GED: its type of violence in words). */
  eventType: string;
  subEventType: string;
  actor1: string;
  actor1Category: ActorCategory | null;
  actor2: string;
  actor2Category: ActorCategory | null;
  /** Whether civilians were the target. */
  civilianTargeting: boolean;
  /** True when the source has no such field and Tandem derived it (see sources/civilian-targeting.ts). */
  civilianTargetingDerived: boolean;
  /** ACLED `fatalities`, GED `best`. */
  fatalities: number;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  /** GED `deaths_civilians`; null where the source has no such figure (ACLED). */
  civilianFatalities: number | null;
  /**
   * The people harmed, as the source names them ("Women (South Sudan)", "Aid Workers
   * (International)"): ACLED's associated actors of the civilian side, the groups and victims a
   * mission incident records. Empty when the source names no group (GED never does).
   */
  targets: string[];
  /**
   * The actors the source names as acting with actor 1 or actor 2 (ACLED's `assoc_actor_1` and
   * `assoc_actor_2`: "Wagner Group" with "Military Forces of Mali (2021-)"), each an actor of the
   * event on that side. A civilian side's are its targets instead. Absent or empty when the source
   * names none (GED never does).
   */
  actor1Associated?: string[];
  actor2Associated?: string[];
  notes: string;
  /** Where the source says it got the event from (ACLED `source`, GED `source_article`). */
  sourceText: string;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}
