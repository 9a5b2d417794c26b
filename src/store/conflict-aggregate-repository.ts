import type { Kysely } from 'kysely';
import type { FileCounts } from './event-import.ts';
import type { Database } from './schema.ts';

/** One aggregate as stored (HDX HAPI's conflict_event rows). */
export interface ConflictAggregateValues {
  countryCode: string;
  country: string;
  admin1Code: string;
  admin1: string;
  admin2Code: string;
  admin2: string;
  eventType: string;
  periodStart: string;
  periodEnd: string;
  events: number;
  fatalities: number | null;
}

const key = (a: {
  countryCode: string;
  admin1Code: string;
  admin2Code: string;
  eventType: string;
  periodStart: string;
}) => [a.countryCode, a.admin1Code, a.admin2Code, a.eventType, a.periodStart].join('\u001f');

/**
 * Writes a file's aggregates, keyed by source, area, kind of event and period: a new one is
 * inserted, a changed one updated, an unchanged one counted; they never touch the events or the
 * event aggregates, which count events themselves.
 */
export async function writeConflictAggregates(
  db: Kysely<Database>,
  importId: number,
  source: string,
  aggregates: readonly ConflictAggregateValues[],
): Promise<FileCounts> {
  const counts: FileCounts = { imported: 0, updated: 0, unchanged: 0 };
  const codes = [...new Set(aggregates.map((a) => a.countryCode))];
  const stored = new Map<string, { id: number; events: number; fatalities: number | null }>();
  for (let i = 0; i < codes.length; i += 100) {
    const rows = await db
      .selectFrom('conflict_aggregates')
      .select([
        'id',
        'country_code',
        'admin1_code',
        'admin2_code',
        'event_type',
        'period_start',
        'events',
        'fatalities',
      ])
      .where('source', '=', source)
      .where('country_code', 'in', codes.slice(i, i + 100))
      .execute();
    for (const r of rows) {
      stored.set(
        key({
          countryCode: r.country_code,
          admin1Code: r.admin1_code,
          admin2Code: r.admin2_code,
          eventType: r.event_type,
          periodStart: r.period_start,
        }),
        { id: Number(r.id), events: r.events, fatalities: r.fatalities },
      );
    }
  }
  const inserts = [];
  for (const a of aggregates) {
    const old = stored.get(key(a));
    const values = {
      import_id: importId,
      source,
      country_code: a.countryCode,
      country: a.country,
      admin1_code: a.admin1Code,
      admin1: a.admin1,
      admin2_code: a.admin2Code,
      admin2: a.admin2,
      event_type: a.eventType,
      period_start: a.periodStart,
      period_end: a.periodEnd,
      events: a.events,
      fatalities: a.fatalities,
    };
    if (!old) {
      inserts.push(values);
      counts.imported++;
    } else if (old.events === a.events && old.fatalities === a.fatalities) counts.unchanged++;
    else {
      await db.updateTable('conflict_aggregates').set(values).where('id', '=', old.id).execute();
      counts.updated++;
    }
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await db
      .insertInto('conflict_aggregates')
      .values(inserts.slice(i, i + 500))
      .execute();
  }
  return counts;
}

/** Adds a row to `imports` for a file that brought no events (its counts known already). */
export async function addImportRecord(
  db: Kysely<Database>,
  r: { path: string; format: string; rows: number; rejected: number } & FileCounts,
): Promise<number> {
  const { id } = await db
    .insertInto('imports')
    .values({ ...r, started_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Sets an import's counts once they are known. */
export async function setImportCounts(
  db: Kysely<Database>,
  importId: number,
  counts: FileCounts,
): Promise<void> {
  await db.updateTable('imports').set(counts).where('id', '=', importId).execute();
}
