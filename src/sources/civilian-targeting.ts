import type { ActorCategory } from '../domain/actor-category.ts';
import type { ViolenceType } from '../domain/violence-type.ts';

/**
 * Whether civilians were the target, for sources that do not say. Older ACLED exports (before
 * the `civilian_targeting` column) and HXL sheets leave it to the reader: an event is counted as
 * targeting civilians when it is violence against civilians, or when the second actor is
 * civilians in a violent event (ACLED's rule for the column it later added).
 */
export function deriveCivilianTargeting(type: ViolenceType, actor2Category: ActorCategory | null): boolean {
  if (type === 'violence-against-civilians') return true;
  return actor2Category === 'civilians' && (type === 'explosions-remote-violence' || type === 'battles');
}

/** The words under which a derived value is explained to users. */
export const DERIVED_CIVILIAN_TARGETING_NOTE =
  'civilian targeting derived: violence against civilians, or a violent event whose second actor is civilians';
