import { z } from 'zod';
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
      let q = ctx.store.db
        .selectFrom('negotiation_processes')
        .select(['id', 'process', 'country', 'file_name', 'stored_at', 'stored_by'])
        .orderBy('id', 'desc');
      if (input.country) q = q.where('country', '=', input.country);
      const rows = await q.execute();
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
