/**
 * Answers to reads, kept until anything is written through this server or until they are a few
 * seconds old (another process, such as `tandem import`, may write to the same store). Dashboard
 * reads repeat the same few queries for every viewer, so this is what keeps them fast under load.
 */
export class ResponseCache {
  readonly #entries = new Map<string, { at: number; body: string }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(ttlMs = 5000, maxEntries = 500) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  get(key: string): string | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.#ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return hit.body;
  }

  set(key: string, body: string): void {
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { at: Date.now(), body });
  }

  /** Forgets everything: called after every write. */
  clear(): void {
    this.#entries.clear();
  }
}
