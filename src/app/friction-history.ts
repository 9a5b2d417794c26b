import { z } from 'zod';
import { TandemError } from '../domain/tandem-error.ts';
import { frictionRefInput } from './friction-edit-input.ts';
import { defineOperation } from './operation.ts';

/** One edit of a friction in the register, as the audit chain recorded it. */
export interface FrictionHistoryEntry {
  at: string;
  by: string;
  /** `decided` when the edit took a decision, `edited` otherwise. */
  action: 'decided' | 'edited';
  /** The fields the edit set. */
  fields: string[];
  /**
   * What each changed from and to (owner, decision, status, review date, note); absent for
   * edits recorded before values were kept, which name their fields only.
   */
  changes?: { field: string; from: string | null; to: string | null }[];
}

/**
 * A friction's history: every edit of its owner, decision, status, review date and note, who made
 * it and when, oldest first, read from the audit chain (the register keeps only the latest). The
 * decisions leadership took on a friction, and who reopened it, stay on the record.
 */
export const frictionHistory = defineOperation({
  summary:
    "A friction's history: every edit of its owner, decision, status, review date and note, who and when.",
  input: z.object({ ref: frictionRefInput }),
  async run(ctx, { ref }): Promise<{ ref: string; history: FrictionHistoryEntry[] }> {
    const rows = await ctx.store.db
      .selectFrom('audit_log')
      .select(['at', 'actor', 'action', 'detail'])
      .where('record_kind', '=', 'friction')
      .where('record_id', '=', ref)
      .orderBy('id')
      .execute();
    if (!rows.length) {
      const known = await ctx.store.db
        .selectFrom('frictions')
        .select('ref')
        .where('ref', '=', ref)
        .executeTakeFirst();
      if (!known)
        throw new TandemError(
          'not-found',
          `no friction ${ref} in the register: see \`tandem frictions list\``,
        );
    }
    return {
      ref,
      history: rows.map((r) => {
        const detail = JSON.parse(r.detail) as {
          fields?: string[];
          changes?: FrictionHistoryEntry['changes'];
        };
        return {
          at: r.at,
          by: r.actor,
          action: r.action === 'friction-decided' ? 'decided' : 'edited',
          fields: detail.fields ?? [],
          ...(detail.changes ? { changes: detail.changes } : {}),
        };
      }),
    };
  },
});
