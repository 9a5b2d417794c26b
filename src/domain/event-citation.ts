/**
 * How a finding, an alert or a negotiation check cites an event of the store: enough to show it in
 * a list and to find it again, in the store (`id`) and in its source (`source`, `sourceEventId`).
 */
export interface EventCitation {
  id: number;
  source: string;
  sourceEventId: string;
  /** The event's first day, YYYY-MM-DD. */
  date: string;
  admin1: string;
  actor1: string;
  fatalities: number;
}
