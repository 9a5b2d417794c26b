import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

// The indexes on events that a large import drops and builds again once, on either dialect.

/**
 * The secondary indexes on events that a bulk load may drop and rebuild: building an index once
 * over sorted keys is far cheaper than a million random insertions into it. The unique index on
 * (source, source_event_id) is apart (dropSourceIdIndex), since looking rows up relies on it.
 */
const BULK_INDEXES: { name: string; columns: string[] }[] = [
  // The event lists and map points of a country or an area over a period, newest first. The type
  // and the perpetrator's category ride along so that the workbench's filters are checked in the
  // index, and a rare combination (riots by state forces) does not read every row of the period.
  { name: 'events_country_date', columns: ['country', 'date_start', 'violence_type', 'actor1_category'] },
  // The analysis's: evidence for an area or a perpetrator over a period.
  { name: 'events_perpetrator_area_date', columns: ['country', 'actor1', 'admin1', 'date_start'] },
  {
    name: 'events_area_date',
    columns: ['country', 'admin1', 'date_start', 'violence_type', 'actor1_category'],
  },
];

/** Within the import's transaction: drops the bulk indexes (createBulkIndexes builds them again). */
export async function dropBulkIndexes(db: Kysely<Database>): Promise<void> {
  for (const i of BULK_INDEXES) await db.schema.dropIndex(i.name).ifExists().execute();
}

export async function createBulkIndexes(db: Kysely<Database>): Promise<void> {
  for (const i of BULK_INDEXES)
    await db.schema.createIndex(i.name).ifNotExists().on('events').columns(i.columns).execute();
}

/**
 * The unique index on (source, source_event_id), as migration 001 made it. A first import of a
 * source looks nothing up and cannot collide (ids repeated in the file are set aside while
 * reading), so it may drop this index too and build it once at the end, inside the same
 * transaction: keeping it current cost a million-row load a third of its insert time. Building
 * it again checks every row, so the store never commits without it or with a duplicate.
 */
const SOURCE_ID_INDEX = { name: 'events_source_id', columns: ['source', 'source_event_id'] };

export async function dropSourceIdIndex(db: Kysely<Database>): Promise<void> {
  await db.schema.dropIndex(SOURCE_ID_INDEX.name).ifExists().execute();
}

export async function createSourceIdIndex(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createIndex(SOURCE_ID_INDEX.name)
    .ifNotExists()
    .unique()
    .on('events')
    .columns(SOURCE_ID_INDEX.columns)
    .execute();
}
