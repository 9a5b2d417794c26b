import { type Kysely, sql } from 'kysely';

/**
 * A sensitivity level on every row set aside at import: its raw text is as sensitive as the
 * records it stood for, so the rows are released through the same access check as events. New
 * rows carry the highest level their source id has held, at least the import's own. Rows already
 * stored take the highest level among the events their import wrote; where it wrote none, the
 * level cannot be known and they are treated as the most sensitive (never released by mistake).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('problems')
    .addColumn('sensitivity', 'text', (c) => c.notNull().defaultTo('strictly-confidential'))
    .execute();
  // One pass over the events, grouped by import: there is no index of events by import.
  const byImport = await sql<{ import_id: number; rank: number }>`
    SELECT import_id, max(CASE sensitivity WHEN 'public' THEN 0 WHEN 'internal' THEN 1
      WHEN 'restricted' THEN 2 ELSE 3 END) AS rank
    FROM events
    WHERE import_id IN (SELECT import_id FROM problems)
    GROUP BY import_id`.execute(db);
  const levels = ['public', 'internal', 'restricted', 'strictly-confidential'];
  for (const r of byImport.rows) {
    await sql`UPDATE problems SET sensitivity = ${levels[Number(r.rank)]} WHERE import_id = ${r.import_id}`.execute(
      db,
    );
  }
}
