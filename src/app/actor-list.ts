import { sql } from 'kysely';
import type { ReadProblem } from '../domain/read-problem.ts';
import { readUcdpActorList, type UcdpActor } from '../sources/ucdp-actor-reader.ts';
import { applyRegisterCategories } from '../store/register-categories.ts';
import type { Store } from '../store/store.ts';

export interface ActorListResult {
  path: string;
  /** Actors in the list (a name listed for several actors counted once). */
  actors: number;
  /** Actors not yet in the register, added to it. */
  added: number;
  /** Actors of the register that had no category and now have the list's. */
  categorised: number;
  /** Actors whose category inferred from events differed from the list's and was replaced. */
  recategorised: { actor: string; from: string; to: string }[];
  /** Events whose source gave no category for an actor, now given the register's. */
  eventsCategorised: number;
  problems: ReadProblem[];
}

/** The register's aliases column: a JSON array of names, or empty. */
export function parseAliases(text: string): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Loads a UCDP actor list into the actor register, in one transaction. UCDP's own coding of an
 * actor (rebel group, party supporters, identity group) replaces a category Tandem inferred from
 * the actor's side in GED events, which cannot tell an identity militia from a rebel group; a
 * government's category is left to the importer, which knows whether it is the host state. Names
 * UCDP records for the actor are added to its aliases. Rows set aside are returned with their line.
 */
export async function loadActorList(store: Store, path: string): Promise<ActorListResult> {
  const list = await readUcdpActorList(path);
  // UCDP spells a few different actors the same way ("UPC" is a party in CAR, in Cameroon and in
  // Congo). The register knows actors by name, so such a name takes the entry whose location is a
  // country where the actor has events; failing that, only a category all its entries agree on.
  const entries = new Map<string, UcdpActor[]>();
  for (const a of list.actors) entries.set(a.name, [...(entries.get(a.name) ?? []), a]);
  const seenIn = new Map<string, string[]>();
  for (const r of await store.db.selectFrom('actor_counts').select(['actor', 'country']).distinct().execute())
    seenIn.set(r.actor, [...(seenIn.get(r.actor) ?? []), r.country]);
  const actors: UcdpActor[] = [];
  for (const [name, list] of entries) {
    if (list.length === 1) {
      actors.push(list[0]!);
      continue;
    }
    const countries = seenIn.get(name) ?? [];
    const here = list.filter((a) => countries.some((c) => a.location.includes(c)));
    if (here.length === 1) actors.push(here[0]!);
    else {
      const categories = new Set(list.map((a) => a.category));
      actors.push({ ...list[0]!, category: categories.size === 1 ? list[0]!.category : null, aliases: [] });
    }
  }
  const result: ActorListResult = {
    path,
    actors: actors.length,
    added: 0,
    categorised: 0,
    recategorised: [],
    eventsCategorised: 0,
    problems: list.problems,
  };
  await store.db.transaction().execute(async (trx) => {
    const current = new Map(
      (await trx.selectFrom('actors').select(['name', 'category', 'aliases']).execute()).map((r) => [
        r.name,
        r,
      ]),
    );
    const rows = actors.map((a) => {
      const had = current.get(a.name);
      if (!had) result.added++;
      else if (a.category && !had.category) result.categorised++;
      else if (a.category && had.category !== a.category)
        result.recategorised.push({ actor: a.name, from: had.category!, to: a.category });
      const aliases = [...new Set([...parseAliases(had?.aliases ?? ''), ...a.aliases])];
      return {
        name: a.name,
        category: a.category ?? had?.category ?? null,
        is_state: 0,
        aliases: aliases.length ? JSON.stringify(aliases) : '',
      };
    });
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('actors')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            category: sql`coalesce(excluded.category, actors.category)`,
            aliases: sql`excluded.aliases`,
          }),
        )
        .execute();
    }
    result.eventsCategorised = await applyRegisterCategories(trx);
  });
  return result;
}
