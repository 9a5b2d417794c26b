import { z } from 'zod';
import { latestPulls, type SourcePullRow } from '../store/source-pull-repository.ts';
import { mayWrite } from './access-control.ts';
import { isoDate } from './event-filter-input.ts';
import { defineOperation } from './operation.ts';

const day = isoDate;

const country = z.string().trim().min(1, 'name a country').max(100);

/** One query's pulls as the Import page shows them: the last attempt, and the last that succeeded. */
export interface SourcePullStatus {
  source: string;
  country: string;
  parameters: Record<string, unknown>;
  lastAttempt: { at: string; status: string; error: string | null; requestedBy: string };
  lastSuccess: {
    at: string;
    rows: number;
    imported: number;
    updated: number;
    unchanged: number;
    rejected: number;
    deleted: number;
  } | null;
}

function status(attempt: SourcePullRow, ok: SourcePullRow | undefined): SourcePullStatus {
  return {
    source: attempt.source,
    country: attempt.country,
    parameters: JSON.parse(attempt.parameters),
    lastAttempt: {
      at: attempt.finished_at,
      status: attempt.status,
      error: attempt.error,
      requestedBy: attempt.requested_by,
    },
    lastSuccess: ok
      ? {
          at: ok.finished_at,
          rows: ok.rows,
          imported: ok.imported,
          updated: ok.updated,
          unchanged: ok.unchanged,
          rejected: ok.rejected,
          deleted: ok.deleted,
        }
      : null,
  };
}

export const pullOperations = {
  pullAcled: defineOperation({
    writes: true,
    needs: 'own-connection',
    summary:
      "Pull a country's ACLED events from ACLED's API into the store as one import: the first pull everything (in the period, if given), later ones only what changed since, with ACLED's deletions taken out.",
    input: z
      .object({ country, from: day.optional(), to: day.optional() })
      .refine((i) => !i.from || !i.to || i.from <= i.to, {
        message: 'must not be after --to',
        path: ['from'],
      })
      // A period that starts after today holds no event yet; asked for, ACLED got a reversed
      // range and the pull failed as 'ACLED sent no events'.
      .refine((i) => !i.from || i.from <= new Date().toISOString().slice(0, 10), {
        message: 'is after today: no event is recorded yet',
        path: ['from'],
      }),
    run: async (ctx, input) => {
      const { pullAcled } = await import('./acled-pull.ts');
      return pullAcled(ctx, input);
    },
  }),

  pullUcdp: defineOperation({
    writes: true,
    needs: 'own-connection',
    summary:
      "Pull a country's UCDP GED events of one version (yearly 25.1, candidate 25.0.11) from UCDP's API into the store as one import; a yearly release replaces the candidate events it covers.",
    input: z.object({ country, version: z.string().trim().min(1).max(20).optional() }),
    run: async (ctx, input) => {
      const { pullUcdp } = await import('./ucdp-pull.ts');
      return pullUcdp(ctx, input);
    },
  }),

  listSourcePulls: defineOperation({
    summary:
      'The pulls from ACLED and UCDP: for each query, its last attempt (and error, if it failed) and the counts of its last successful pull; and whether the requester may pull.',
    input: z.object({}),
    run: async (ctx) => {
      const [attempts, oks] = await Promise.all([latestPulls(ctx.store.db), latestPulls(ctx.store.db, true)]);
      const okByQuery = new Map(oks.map((r) => [`${r.source}|${r.query_key}`, r]));
      return {
        pulls: attempts.map((a) => status(a, okByQuery.get(`${a.source}|${a.query_key}`))),
        // Whether to offer "pull now": the pull operations refuse read-only roles whatever is shown.
        mayPull: mayWrite(ctx.requester),
      };
    },
  }),
};
