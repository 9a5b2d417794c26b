import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

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
 * A friction's edits, oldest first, read from the audit chain (the register keeps only the
 * latest): every change of its owner, decision, status, review date and note, who made it and
 * when. The decisions leadership took on a friction, and who reopened it, stay on the record.
 */
export async function readFrictionHistory(
  db: Kysely<Database>,
  ref: string,
): Promise<FrictionHistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'action', 'detail'])
    .where('record_kind', '=', 'friction')
    .where('record_id', '=', ref)
    .orderBy('id')
    .execute();
  return rows.map((r) => {
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
  });
}
