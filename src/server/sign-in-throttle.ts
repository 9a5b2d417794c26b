/**
 * Failed sign-ins allowed in a window before refusing (429): five per account; per address more,
 * since a field office's staff share one address behind its router, and one person's mistyped
 * password must not lock out the colleagues beside them (API probe), while guesses at many names
 * from one address are still stopped.
 */
const ALLOWED_FAILURES = 5;
const ALLOWED_FAILURES_PER_ADDRESS = 20;
const allowedFailures = (key: string) =>
  key.startsWith('address:') ? ALLOWED_FAILURES_PER_ADDRESS : ALLOWED_FAILURES;
const WINDOW_MS = 15 * 60 * 1000;
/** Each failure beyond the first waits longer before it is answered, up to this. */
const MAX_DELAY_MS = 2000;

interface Record {
  failures: number;
  /** Checks begun and not yet answered: each counts as a failure until it is known not to be. */
  pending: number;
  since: number;
}

/**
 * Slows, then refuses, repeated failed sign-ins: each failure is answered a little later than the
 * one before, and after so many failures in WINDOW_MS the account (by name) or the address (by
 * IP) is refused until the window passes, so a password cannot be guessed by trying many.
 * Kept in memory: a restart forgives, and one server process is what a mission runs.
 */
export class SignInThrottle {
  readonly #seen = new Map<string, Record>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * Seconds until the keys may try again (0 when they may now), counting the checks still under
   * way as failures: guesses sent all at once are refused as if each before had failed, since a
   * failure is only known once the password's slow hash has been checked. When it returns 0 the
   * attempt is counted as under way; end it with failed() or succeeded().
   */
  begin(keys: readonly string[]): number {
    let wait = 0;
    for (const k of keys) {
      const r = this.#current(k);
      if (r && r.failures + r.pending >= allowedFailures(k))
        wait = Math.max(wait, r.since + WINDOW_MS - this.#now(), 1000);
    }
    if (wait) return Math.ceil(wait / 1000);
    for (const k of keys) {
      const r = this.#current(k) ?? { failures: 0, pending: 0, since: this.#now() };
      r.pending++;
      this.#seen.set(k, r);
    }
    if (this.#seen.size > 100_000) this.#forgetOld();
    return 0;
  }

  /** Counts the attempt begun as a failure against each key; how long to wait before answering it (ms). */
  failed(keys: readonly string[]): number {
    let n = 0;
    for (const k of keys) {
      const r = this.#current(k) ?? { failures: 0, pending: 1, since: this.#now() };
      r.pending = Math.max(0, r.pending - 1);
      r.failures++;
      this.#seen.set(k, r);
      n = Math.max(n, r.failures);
    }
    return Math.min(MAX_DELAY_MS, 100 * 2 ** (n - 1));
  }

  /**
   * Ends the attempt begun as a success: the account's count is cleared (not the address's: one
   * address may try many names).
   */
  succeeded(keys: readonly string[], account?: string): void {
    for (const k of keys) {
      const r = this.#current(k);
      if (r) r.pending = Math.max(0, r.pending - 1);
    }
    if (account) this.#seen.delete(account);
  }

  #current(key: string): Record | undefined {
    const r = this.#seen.get(key);
    if (r && this.#now() - r.since > WINDOW_MS) {
      this.#seen.delete(key);
      return undefined;
    }
    return r;
  }

  #forgetOld(): void {
    for (const k of [...this.#seen.keys()]) this.#current(k);
  }
}
