import type { Kysely } from 'kysely';

/**
 * A threat's key (country, area, perpetrator, group harmed, violence type) no longer unique: an
 * analyst who may not read a register entry in full (it rests on a restricted incident) adds the
 * same threat from what they know as an entry of their own. A refusal ("already in the register")
 * told them that a perpetrator they guessed stood against that group in that area, on records
 * withheld from them.
 */
const KEY = ['country', 'admin1', 'perpetrator', 'targeted_population', 'violence_type'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('threats_key').execute();
  await db.schema.createIndex('threats_key').on('threats').columns(KEY).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('threats_key').execute();
  await db.schema.createIndex('threats_key').unique().on('threats').columns(KEY).execute();
}
