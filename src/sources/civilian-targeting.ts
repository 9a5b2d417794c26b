import type { ActorCategory } from '../domain/actor-category.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import type { Field } from './field-readers.ts';

/**
 * Whether civilians were the target, for sources that do not say. Older ACLED exports (before
 * the `civilian_targeting` column) and HXL sheets leave it to the reader: an event is counted as
 * targeting civilians when it is violence against civilians, or when the second actor is
 * civilians in a battle, an explosion or remote violence, or a riot (ACLED's rule for the column it
 * later added, which it sets on riots too: a mob that lynches or burns out its neighbours).
 */
export function deriveCivilianTargeting(type: ViolenceType, actor2Category: ActorCategory | null): boolean {
  if (type === 'violence-against-civilians') return true;
  return (
    actor2Category === 'civilians' &&
    (type === 'explosions-remote-violence' || type === 'battles' || type === 'riots')
  );
}

// What a sheet saved or retyped by hand may hold in place of ACLED's own words.
const YES = new Set(['yes', 'true', '1']);
const NO = new Set(['no', 'false', '0']);

/**
 * Reads ACLED's `civilian_targeting`: "Civilian targeting" when civilians were the target, empty
 * when not. A sheet that went through other hands may say yes or no instead (Yes, TRUE, 1; No,
 * FALSE, 0), read as such. Anything else is not read as "no": the row is set aside with the reason.
 */
export function readAcledCivilianTargeting(raw: string | undefined): Field<boolean> {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || NO.has(v)) return { ok: true, value: false };
  if (v.startsWith('civilian') || YES.has(v)) return { ok: true, value: true };
  return {
    ok: false,
    reason: `civilian_targeting "${(raw ?? '').trim()}" is not ACLED's "Civilian targeting" or empty, nor yes/no (yes, true, 1; no, false, 0)`,
  };
}
