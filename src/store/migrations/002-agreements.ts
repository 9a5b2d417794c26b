import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/**
 * The user's corpus of agreements: each imported agreement with its normalised text, its
 * provisions with their spans, and one row per code on a provision, so precedents for a gap are
 * one indexed lookup by category.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = autoId(db);
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('characters', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('coverage', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreement_provisions')
    .addColumn('id', 'integer', id)
    .addColumn('agreement_id', 'integer', (c) => c.notNull())
    .addColumn('provision_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_provisions_agreement')
    .on('agreement_provisions')
    .columns(['agreement_id', 'span_start'])
    .execute();

  await db.schema
    .createTable('provision_codes')
    .addColumn('agreement_id', 'integer', (c) => c.notNull())
    .addColumn('provision_row_id', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('provision_codes_code')
    .on('provision_codes')
    .columns(['code', 'agreement_id'])
    .execute();
}
