import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Values worked out from a store's events, kept per store until the events change (their
 * revision, events-revision.ts, is the stamp a value was made under). Each is keyed by everything
 * else it depends on; past `maxKept` entries the least recently used goes. A computation that
 * fails is not kept.
 */
export class RevisionMemo<T> {
  readonly #byStore = new WeakMap<Kysely<Database>, Map<string, { stamp: number; value: Promise<T> }>>();

  constructor(private readonly maxKept: number) {}

  /** The value kept for `key` under `stamp`, or `make()`'s, kept in its place. */
  get(db: Kysely<Database>, key: string, stamp: number, make: () => Promise<T>): Promise<T> {
    let entries = this.#byStore.get(db);
    if (!entries) {
      entries = new Map();
      this.#byStore.set(db, entries);
    }
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp) {
      // Most recently used last: the oldest use is what a full memo lets go.
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const value = make();
    entries.delete(key);
    if (entries.size >= this.maxKept) entries.delete(entries.keys().next().value as string);
    entries.set(key, { stamp, value });
    const kept = entries;
    value.catch(() => kept.delete(key));
    return value;
  }
}
