/**
 * Answers to reads, shared by every viewer. Dashboard reads repeat the same few queries for every
 * viewer, so this is what keeps them fast under load:
 * - one computation per question at a time: concurrent askers wait for the same answer;
 * - an answer older than the time-to-live is still served while a fresh one is computed (another
 *   process, such as `tandem import`, may write to the same store), so nobody waits on a refresh;
 * - anything written through this server clears everything at once;
 * - an answer that `keep` refuses is served to those waiting for it and not kept (one whose
 *   computation wrote to the access log: a repeat read must compute, and be logged, again).
 */
export class ResponseCache<T = string> {
  readonly #entries = new Map<string, { at: number; body: T }>();
  readonly #pending = new Map<string, Promise<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  #generation = 0;

  constructor(ttlMs = 5000, maxEntries = 500) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  /** The answer for `key`, computing it with `compute` when there is none (or it is stale). */
  async get(key: string, compute: () => Promise<T>, keep: (body: T) => boolean = () => true): Promise<T> {
    if (this.#ttlMs <= 0) return compute();
    const hit = this.#entries.get(key);
    if (hit && Date.now() - hit.at <= this.#ttlMs) return hit.body;
    const refresh = this.#refresh(key, compute, keep);
    if (hit) {
      // Stale: answer now, let the refresh finish in the background (its errors surface next time).
      refresh.catch(() => {});
      return hit.body;
    }
    return refresh;
  }

  #refresh(key: string, compute: () => Promise<T>, keep: (body: T) => boolean): Promise<T> {
    const running = this.#pending.get(key);
    if (running) return running;
    const generation = this.#generation;
    const p = compute()
      .then((body) => {
        // A write during the computation may have changed the answer: do not keep it.
        if (generation === this.#generation && keep(body)) this.#set(key, body);
        return body;
      })
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, p);
    return p;
  }

  #set(key: string, body: T): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { at: Date.now(), body });
  }

  /** Forgets everything: called after every write through this server. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#pending.clear();
  }
}
