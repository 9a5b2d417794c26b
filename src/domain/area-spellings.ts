import { sameAreaKey } from './area-names.ts';

/**
 * One spelling per admin-1 area of a country. ACLED writes "Segou", "Nord-Kivu", "Kasai-Central";
 * GED (its kind dropped) "Ségou", "Nord Kivu", "Kasaï-Central"; a French partner sheet "Région de
 * Ségou", "Province du Nord-Kivu"; an English one "North Kivu". The same area under two spellings
 * is two areas everywhere it is counted (hotspots, alerts, forecasts), so an event's area is stored
 * under the spelling the store already holds for it when the two differ only in accents, case,
 * hyphens, apostrophes, spacing, the kind of unit ("Region", "Province", "State"), or French and
 * English compass words ("Nord", "North"): sameAreaKey. It is stored under its own when the store
 * holds none: the first spelling stored stays. A few exonyms are listed (area-names.ts EXONYMS:
 * GED's "Timbuktu" is ACLED's "Tombouctou"); names that differ otherwise ("Kiev", "Kyiv"), or by
 * "City" ("Kyiv", "Kyiv City": two areas), are not joined here; boundary files match exonyms by
 * where events lie.
 */
export class AreaSpellings {
  /** country NUL folded name → the spelling kept. */
  private readonly kept = new Map<string, string>();
  /** Per country, each spelling met → the spelling kept (every row asks; few distinct names). */
  private readonly met = new Map<string, Map<string, string>>();
  private added: [string, string][] = [];

  /** `known`: the store's areas as (country, spelling), the most used spelling of each first. */
  constructor(known: Iterable<readonly [string, string]> = []) {
    for (const [country, name] of known) {
      const key = `${country}\u0000${sameAreaKey(name)}`;
      if (name && !this.kept.has(key)) this.kept.set(key, name);
    }
  }

  /** The spelling to store for an event's admin-1 area in `country`. */
  of(country: string, admin1: string): string {
    if (!admin1) return admin1;
    let seen = this.met.get(country);
    if (!seen) {
      seen = new Map();
      this.met.set(country, seen);
    }
    let spelling = seen.get(admin1);
    if (spelling === undefined) {
      const key = `${country}\u0000${sameAreaKey(admin1)}`;
      spelling = this.kept.get(key);
      if (spelling === undefined) {
        spelling = admin1;
        this.kept.set(key, admin1);
        this.added.push([country, admin1]);
      }
      seen.set(admin1, spelling);
    }
    return spelling;
  }

  /** The spellings first kept since the last call: what a later file of the same import must know. */
  takeAdded(): [string, string][] {
    const out = this.added;
    this.added = [];
    return out;
  }
}
