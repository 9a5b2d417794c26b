import { closeActorNames, type KnownActor, withSuggestions } from '../domain/actor-names.ts';
import { namesStateForcesOf } from '../domain/state-force-abbreviations.ts';
import type { Store } from '../store/store.ts';
import { parseAliases } from './actor-list.ts';

/**
 * Of the actor names a user wrote (a plan's partners, a negotiation party's actors), those the
 * event data for the country never names, each with the data's closest names as a suggestion:
 * "SPLM-IO (did you mean "SPLM-In Opposition: …"?)". Empty when every name is found. `withheld`:
 * the names the requester may not learn (namesWithheldFrom).
 */
export async function actorsNotInData(
  store: Store,
  country: string,
  written: readonly string[],
  withheld: ReadonlySet<string>,
): Promise<string[]> {
  const names = [...new Set(written)];
  if (!names.length) return [];
  const rows = await store.db
    .selectFrom('actor_counts')
    .leftJoin('actors', 'actors.name', 'actor_counts.actor')
    .select((eb) => [
      'actor_counts.actor as name',
      'actors.aliases',
      eb.fn.sum<number>('actor_counts.events').as('events'),
    ])
    .where('actor_counts.country', '=', country)
    .groupBy(['actor_counts.actor', 'actors.aliases'])
    .execute();
  // A name only records the requester may not read carry is neither found nor suggested.
  const known: KnownActor[] = rows
    .filter((r) => !withheld.has(r.name))
    .map((r) => ({
      name: r.name,
      aliases: parseAliases(r.aliases ?? ''),
      events: Number(r.events),
    }));
  const seen = new Set(known.map((k) => k.name));
  const missing = names.filter((n) => !seen.has(n));
  // "FACA" shares no word with "Government of Central African Republic": an abbreviation of the
  // country's own forces is offered the data's state forces of the country.
  const armies = new Set(missing.filter((n) => namesStateForcesOf(n, country)));
  const state = armies.size
    ? (
        await store.db
          .selectFrom('actor_counts')
          .select((eb) => ['actor', eb.fn.sum<number>('events').as('events')])
          .where('country', '=', country)
          .where('actor_category', '=', 'state-forces')
          .where('role', 'in', [1, 2])
          .groupBy('actor')
          .orderBy('events', 'desc')
          .limit(3)
          .execute()
      )
        .map((r) => r.actor)
        .filter((a) => !withheld.has(a))
    : [];
  return missing.map((n) => {
    const close = closeActorNames(n, known);
    return withSuggestions(n, close.length || !armies.has(n) ? close : state);
  });
}
