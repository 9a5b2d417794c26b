import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/** Negotiation process files kept by the workbench, so the negotiations page can re-check them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('negotiation_processes')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('process', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addColumn('stored_by', 'text', (c) => c.notNull())
    .execute();
}
