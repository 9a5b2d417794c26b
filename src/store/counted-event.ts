import type { StoredEventKeys } from './event-columns.ts';

// An event as the aggregate tables count it, from a stored one (rows about to be written are
// counted from their values: CountAccumulator.addValues).

/** The part of an event that the aggregate tables count. */
export interface CountedEvent {
  country: string;
  admin1: string;
  admin2: string;
  month: string;
  violenceType: string;
  actor1: string;
  actor1Category: string | null;
  actor2: string;
  actor2Category: string | null;
  /** The actors acting with each side, as stored ('; ' between them, '' for none). */
  actor1Associated: string;
  actor2Associated: string;
  fatalities: number;
  civilianFatalities: number | null;
  civilianTargeting: boolean;
  civilianTargetingDerived: boolean;
}

export function countedFromStored(r: StoredEventKeys): CountedEvent {
  return {
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    month: r.month,
    violenceType: r.violence_type,
    actor1: r.actor1,
    actor1Category: r.actor1_category,
    actor2: r.actor2,
    actor2Category: r.actor2_category,
    actor1Associated: r.actor1_associated,
    actor2Associated: r.actor2_associated,
    fatalities: r.fatalities,
    civilianFatalities: r.civilian_fatalities,
    civilianTargeting: r.civilian_targeting === 1,
    civilianTargetingDerived: r.civilian_targeting_derived === 1,
  };
}
