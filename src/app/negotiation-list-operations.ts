import { z } from 'zod';
import { normalizeAreaName } from '../domain/area-names.ts';
import { defineOperation } from './operation.ts';

export interface StoredNegotiationSummary {
  id: number;
  process: string;
  country: string;
  fileName: string;
  storedAt: string;
  storedBy: string;
}

export const negotiationListOperations = {
  /**
   * The negotiation processes kept in the store (newest first, of one country when named): what
   * the workbench offers to choose from and lay side by side, each opened with `currentNegotiation`
   * by its id.
   */
  listNegotiations: defineOperation({
    summary: 'List the stored negotiation processes, newest first.',
    input: z.object({ country: z.string().min(1).optional() }),
    async run(ctx, input): Promise<{ processes: StoredNegotiationSummary[] }> {
      const q = ctx.store.db
        .selectFrom('negotiation_processes')
        .select(['id', 'process', 'country', 'file_name', 'stored_at', 'stored_by'])
        .orderBy('id', 'desc');
      // A country retyped in other case or without its accents names the same processes.
      const want = input.country && normalizeAreaName(input.country);
      const rows = (await q.execute()).filter((r) => !want || normalizeAreaName(r.country) === want);
      return {
        processes: rows.map((r) => ({
          id: Number(r.id),
          process: r.process,
          country: r.country,
          fileName: r.file_name,
          storedAt: r.stored_at,
          storedBy: r.stored_by,
        })),
      };
    },
  }),
};
