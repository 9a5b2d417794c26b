import { TandemError } from '../domain/tandem-error.ts';
import { lastAttemptAt } from '../store/source-pull-repository.ts';
import type { Store } from '../store/store.ts';
import type { Requester } from './operation.ts';
import { pullOperations } from './pull-operations.ts';
import { runOperation } from './run-operation.ts';

/** One pull the server runs on a schedule: `acled:South Sudan`, `ucdp:Central African Republic@25.1`. */
export interface ScheduledPull {
  source: 'acled' | 'ucdp';
  country: string;
  version?: string;
}

/** Reads a `--pull` value: SOURCE:COUNTRY, with `@VERSION` for UCDP. */
export function parsePullSpec(spec: string): ScheduledPull {
  const m = /^\s*(acled|ucdp)\s*:\s*(.+?)\s*$/i.exec(spec);
  if (!m) {
    throw new TandemError(
      'bad-input',
      `--pull: "${spec}" is not SOURCE:COUNTRY; expected for example "acled:South Sudan" or "ucdp:Central African Republic" (ucdp:COUNTRY@25.1 for a version)`,
    );
  }
  const source = (m[1] as string).toLowerCase() as 'acled' | 'ucdp';
  const rest = m[2] as string;
  const at = rest.lastIndexOf('@');
  if (source === 'ucdp' && at > 0)
    return { source, country: rest.slice(0, at).trim(), version: rest.slice(at + 1).trim() };
  return { source, country: rest };
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Reads a `--pull-every` value: a whole number of minutes, hours, days or weeks (`30m`, `12h`, `7d`, `1w`). */
export function parseEvery(s: string): number {
  const m = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(s);
  const ms = m ? Number(m[1]) * (UNIT_MS[(m[2] as string).toLowerCase()] as number) : 0;
  if (!m || ms < 60_000) {
    throw new TandemError(
      'bad-input',
      `--pull-every: "${s}" is not a period; expected a whole number of minutes, hours, days or weeks, at least 1m (30m, 12h, 7d, 1w)`,
    );
  }
  return ms;
}

/** Longest wait one timer can hold (about 24.8 days); a longer wait is taken in steps. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Runs pulls in the background of `tandem serve`: each when it is due (its last attempt, kept in
 * the store, older than the period; at once if never tried), one after another, each through the
 * same operation as `tandem pull` and the "pull now" button. A failed pull is recorded with its
 * error for the Import page, logged in one line, and tried again at the next period.
 */
export class PullSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly pulls: readonly ScheduledPull[],
    private readonly everyMs: number,
    private readonly requester: Requester,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    if (this.pulls.length) this.planSafely();
  }

  /** Plans the next round; a store that fails meanwhile is said in one line, not a crash. */
  private planSafely(): void {
    this.plan().catch((e) => this.log(`tandem: scheduled pulls stopped: ${(e as Error).message}`));
  }

  /** Stops the timers and waits for a pull under way to end (committed or rolled back). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Waits until the first pull is due, runs every pull that is, and plans again. */
  private async plan(): Promise<void> {
    if (this.stopped) return;
    const due = await Promise.all(this.pulls.map((p) => this.dueAt(p)));
    const wait = Math.max(0, Math.min(...due) - Date.now());
    this.timer = setTimeout(
      () => {
        this.running = this.runDue(due).finally(() => this.planSafely());
      },
      Math.min(wait, MAX_TIMER),
    );
    this.timer.unref?.();
  }

  private async runDue(due: number[]): Promise<void> {
    for (const [i, p] of this.pulls.entries()) {
      if (this.stopped) return;
      if ((due[i] as number) > Date.now()) continue;
      const name = `${p.source}:${p.country}${p.version ? `@${p.version}` : ''}`;
      try {
        const op = p.source === 'acled' ? pullOperations.pullAcled : pullOperations.pullUcdp;
        const input =
          p.source === 'acled' ? { country: p.country } : { country: p.country, version: p.version };
        const r = await runOperation(op, input, {
          via: 'server',
          name: `scheduled pull ${name}`,
          requester: this.requester,
          store: this.store,
        });
        const f = r.files[0];
        this.log(
          `tandem: pulled ${name}: ${f?.rows ?? 0} rows, ${f?.imported ?? 0} new, ${f?.updated ?? 0} updated, ${r.deleted} deleted`,
        );
      } catch (e) {
        this.log(`tandem: scheduled pull ${name} failed: ${(e as Error).message}`);
      }
    }
  }

  /** When a pull is next due: its last attempt plus the period, or now. */
  private async dueAt(p: ScheduledPull): Promise<number> {
    const last = await lastAttemptAt(this.store.db, p.source, p.country);
    return last ? Date.parse(last) + this.everyMs : Date.now();
  }
}
