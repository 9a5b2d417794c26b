import type { Kysely } from 'kysely';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { applyCategoryPeriods } from './category-periods.ts';
import { CountAccumulator, type CountUpsert } from './count-accumulator.ts';
import { countedFromStored } from './counted-event.ts';
import { STORED_KEY_COLUMNS, type StoredEventKeys } from './event-columns.ts';
import { raiseEventsRevision } from './events-revision.ts';
import { type PackedRows, type PreparedBatch, RowUnpacker } from './packed-rows.ts';
import type { PostgresStore } from './postgres/postgres-store.ts';
import { RegisterTally } from './register-tally.ts';
import type { Database } from './schema.ts';
import { SensitivityGuard } from './sensitivity-guard.ts';
import { SetAsideLevels } from './set-aside-levels.ts';
import type { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** What one file's rows did to the store. */
export interface FileCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

/** The counts of one file of an import, as the imports table and the CLI report them. */
export interface ImportedFile extends FileCounts {
  path: string;
  format: string;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  rejected: number;
}

/** How a dialect writes one file's events (sqlite/sqlite-event-import.ts, postgres/postgres-event-import.ts). */
export interface FileWriter {
  /** Writes a batch of packed rows: new ones inserted, changed ones updated, unchanged ones counted. */
  write(unpacker: RowUnpacker, rows: PackedRows): Promise<void>;
  /** Lets other statements through (PostgreSQL's COPY holds the connection until it ends). */
  pause(): Promise<void>;
  /** Writes what is left and rebuilds what was dropped; the file's counts. */
  finish(): Promise<FileCounts>;
  /** Gives up a file whose import fails, leaving the connection fit to roll back. */
  abort(): Promise<void>;
}

/** What a dialect's file writer is given. */
export interface FileWriterContext {
  importId: number;
  /** The aggregates: the reader's rows are counted in; the writer takes back what it does not write. */
  counts: CountAccumulator;
  guard: SensitivityGuard;
  /** The import is large against the store (isLargeImport): indexes may be rebuilt rather than kept. */
  large: boolean;
}

/** A dialect's side of an import, inside the import's one transaction. */
export interface DialectImport {
  readonly db: Kysely<Database>;
  startFile(context: FileWriterContext): FileWriter;
  /** Adds to the aggregate tables faster than Kysely's statements (CountAccumulator.flush). */
  upsertCounts: CountUpsert;
}

/**
 * Whether an import is large against the store it goes into, decided once per command from the
 * files' size (about 200 bytes a row in the field's exports): such an import loads faster with the
 * secondary indexes dropped and rebuilt once, and on SQLite with a rollback journal.
 */
export function isLargeImport(bytes: number, storedEvents: number): boolean {
  return bytes / 200 >= Math.max(50_000, storedEvents / 2);
}

export interface EventImportOptions {
  /** The level the import gives its events, and at least the rows it sets aside (SetAsideLevels). */
  sensitivity: Sensitivity;
  /** The highest level the person importing may read: a stored record above it is never changed. */
  clearance: Sensitivity;
  large: boolean;
}

/**
 * An event import as one unit of the store: files begin one after another, their prepared batches
 * are written as they arrive, and `finish` checks the sensitivity rule, adds the aggregates and
 * registers and runs the caller's last steps, all in the transaction `withEventImport` commits.
 */
export class EventImport {
  private readonly counts = new CountAccumulator();
  private readonly registers = new RegisterTally();
  private readonly guard: SensitivityGuard;
  private readonly setAside: SetAsideLevels;

  constructor(
    private readonly dialect: DialectImport,
    private readonly options: EventImportOptions,
  ) {
    this.guard = new SensitivityGuard(options.sensitivity, options.clearance);
    this.setAside = new SetAsideLevels(dialect.db, options.sensitivity);
  }

  /** The transaction's Kysely handle. */
  get db(): Kysely<Database> {
    return this.dialect.db;
  }

  async beginFile(path: string, format: string): Promise<ImportFile> {
    const { id } = await this.db
      .insertInto('imports')
      .values({
        path,
        format,
        started_at: new Date().toISOString(),
        rows: 0,
        imported: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // What was set aside before this import is read before the file's writer starts (PostgreSQL's
    // COPY holds the connection while it runs); an incident's own event does not need it.
    if (format !== 'mission') await this.setAside.earlierRows();
    const writer = this.dialect.startFile({
      importId: id,
      counts: this.counts,
      guard: this.guard,
      large: this.options.large,
    });
    return new ImportFile(
      this.db,
      id,
      path,
      format,
      writer,
      this.counts,
      this.registers,
      this.guard,
      this.setAside,
    );
  }

  /**
   * Takes events a source has withdrawn (ACLED's deletions, UCDP candidate events the yearly
   * release replaced) out of the store and out of the aggregates, in the import's transaction. A
   * driver tag on such an event stays as a tag on its area. Ids the store does not hold are
   * skipped; a record the importer may not change is tallied, and the import refused at `finish`.
   * Returns how many events left the store.
   */
  async removeEvents(source: string, ids: Iterable<string>): Promise<number> {
    const list = [...new Set(ids)];
    let removed = 0;
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const stored = (await this.db
        .selectFrom('events')
        .select([...STORED_KEY_COLUMNS])
        .where('source', '=', source)
        .where('source_event_id', 'in', chunk)
        .execute()) as StoredEventKeys[];
      const gone = stored.filter((r) => this.guard.allows(r.sensitivity));
      if (!gone.length) continue;
      for (const r of gone) this.counts.add(countedFromStored(r), -1);
      const eventIds = gone.map((r) => Number(r.id));
      await this.db
        .updateTable('driver_tags')
        .set({ event_id: null })
        .where('event_id', 'in', eventIds)
        .execute();
      await this.db.deleteFrom('events').where('id', 'in', eventIds).execute();
      removed += gone.length;
    }
    return removed;
  }

  /**
   * Refuses the whole import if it would lower a record's sensitivity or change one above the
   * requester's clearance; otherwise adds the aggregates and registers and runs `last` (the
   * register's categories), still inside the transaction. The actors' dated categories come last,
   * over whatever category the source or the register gave.
   */
  async finish(last?: (db: Kysely<Database>) => Promise<unknown>): Promise<void> {
    this.guard.assertClear();
    await this.counts.flush(this.db, this.dialect.upsertCounts);
    await this.registers.flush(this.db);
    if (last) await last(this.db);
    await applyCategoryPeriods(this.db);
  }
}

/** One file of an import: its batches in order, then `finish`. */
export class ImportFile {
  private readonly unpacker = new RowUnpacker();
  private readonly result: ImportedFile;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly importId: number,
    path: string,
    private readonly format: string,
    private readonly writer: FileWriter,
    private readonly counts: CountAccumulator,
    private readonly registers: RegisterTally,
    private readonly guard: SensitivityGuard,
    private readonly setAside: SetAsideLevels,
  ) {
    this.result = { path, format, rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 };
  }

  /** The import's id (its row in `imports`). */
  get id(): number {
    return this.importId;
  }

  /** Data rows read so far. */
  get rows(): number {
    return this.result.rows;
  }

  async write(batch: PreparedBatch): Promise<void> {
    const packed = batch.rows;
    this.unpacker.receive(packed);
    // Every row is counted in as it arrives; the writer takes back what it finds unchanged or replaces.
    this.counts.addPacked(packed, this.unpacker.words, 1);
    this.registers.addPacked(packed, this.unpacker.words);
    // An incident's own event (format 'mission') is guarded by the incident's rules, not by rows
    // set aside from files, whose incident numbers may be another store's.
    if (this.format !== 'mission') await this.setAside.checkRows(this.unpacker, packed, this.guard);
    await this.writer.write(this.unpacker, packed);
    if (batch.problems.length) {
      await this.writer.pause();
      const levels = await this.setAside.levelsOf(this.format, batch.problems);
      await addProblems(this.db, this.importId, batch.problems, levels);
    }
    this.result.rejected += batch.problems.length;
    this.result.rows += batch.read;
  }

  async finish(): Promise<ImportedFile> {
    const c = await this.writer.finish();
    const r = this.result;
    r.imported = c.imported;
    r.updated = c.updated;
    r.unchanged = c.unchanged;
    await this.db
      .updateTable('imports')
      .set({
        rows: r.rows,
        imported: r.imported,
        updated: r.updated,
        unchanged: r.unchanged,
        rejected: r.rejected,
      })
      .where('id', '=', this.importId)
      .execute();
    return { ...r };
  }

  abort(): Promise<void> {
    return this.writer.abort();
  }
}

/**
 * Stores rows set aside, each at `sensitivity`: one level for all, or one per row (an event
 * import gives each the highest level its record has held: SetAsideLevels.levelsOf).
 */
export async function addProblems(
  db: Kysely<Database>,
  importId: number,
  problems: readonly ReadProblem[],
  sensitivity: Sensitivity | readonly Sensitivity[],
): Promise<void> {
  const levelOf = (k: number) => (typeof sensitivity === 'string' ? sensitivity : sensitivity[k]);
  for (let i = 0; i < problems.length; i += 500) {
    await db
      .insertInto('problems')
      .values(
        problems.slice(i, i + 500).map((p, k) => ({
          import_id: importId,
          file: p.file,
          line: p.line,
          column: p.column,
          field: p.field ?? null,
          reason: p.reason,
          raw: p.raw ?? null,
          sensitivity: levelOf(i + k),
        })),
      )
      .execute();
  }
}

/**
 * Runs `fn` with an EventImport inside one transaction: everything it writes lands together or
 * not at all (an error, a refusal, a kill or Ctrl-C leaves the store as it was).
 */
export async function withEventImport<T>(
  store: Store,
  options: EventImportOptions,
  fn: (imp: EventImport) => Promise<T>,
): Promise<T> {
  // Whatever the import changed, the events' revision is raised in its transaction.
  const run = async (d: DialectImport) => {
    const result = await fn(new EventImport(d, options));
    await raiseEventsRevision(d.db);
    return result;
  };
  if (store.dialect === 'sqlite') {
    const { withSqliteImport } = await import('./sqlite/sqlite-event-import.ts');
    return withSqliteImport(store as SqliteStore, options.large, run);
  }
  const { withPostgresImport } = await import('./postgres/postgres-event-import.ts');
  return withPostgresImport(store as PostgresStore, run);
}
