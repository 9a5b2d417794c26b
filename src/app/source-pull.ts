import { AreaSpellings } from '../domain/area-spellings.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { isTandemError } from '../domain/tandem-error.ts';
import type { ApiRowReader } from '../sources/api-event-rows.ts';
import { eventValues } from '../store/event-columns.ts';
import { type EventImport, isLargeImport, withEventImport } from '../store/event-import.ts';
import { type PreparedBatch, RowPacker } from '../store/packed-rows.ts';
import { applyRegisterCategories } from '../store/register-categories.ts';
import type { NewSourcePull } from '../store/source-pull-repository.ts';
import { recordSourcePull } from '../store/source-pull-repository.ts';
import type { Store } from '../store/store.ts';
import { admin2Scope } from '../store/stored-area-spellings.ts';
import type { AppContext } from './operation.ts';

/** One pull's counts: the `tandem import --json` file entry, plus the events that left the store. */
export interface PulledFile {
  path: string;
  format: 'acled' | 'ucdp';
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
}

/** What a pull answers: the shape of `tandem import --json`, plus `deleted`. */
export interface PullResult {
  files: PulledFile[];
  deleted: number;
  /** What the person should know of a pull that succeeded (a source without a deletion list). */
  warnings?: string[];
}

/**
 * A pull's pages gathered before anything is written, so that a page that never comes or a
 * refused request leaves the store as it was: each page is read into events by the file readers'
 * rules (api-event-rows.ts) and packed for the writer at once, and an id repeated on a later page
 * (a page that shifted while it was read) is set aside naming where it first came.
 */
export class PulledPages {
  readonly batches: PreparedBatch[] = [];
  private readonly packer = new RowPacker(BATCH);
  private readonly firstSeen = new Map<string, string>();
  /** Every source id pulled. */
  readonly ids = new Set<string>();
  rows = 0;

  /** One spelling per admin-1 area: the store's, where the API writes it otherwise (AreaSpellings). */
  private readonly spellings: AreaSpellings;

  constructor(
    private readonly path: string,
    private readonly reader: ApiRowReader,
    knownAreas: readonly (readonly [string, string])[] = [],
    private readonly sensitivity: Sensitivity = 'public',
  ) {
    this.spellings = new AreaSpellings(knownAreas);
  }

  add(page: number, rows: readonly unknown[]): void {
    const batch = this.reader.read(page, rows);
    const problems: ReadProblem[] = batch.problems;
    for (const { line, event } of batch.records) {
      const where = `page ${page}, row ${line}`;
      const first = this.firstSeen.get(event.sourceEventId);
      if (first) {
        problems.push({
          file: `${this.path}, page ${page}`,
          line,
          column: 0,
          reason: `event id ${event.sourceEventId} repeats ${first}; the first was kept`,
          raw: JSON.stringify(event).slice(0, 2000),
        });
        continue;
      }
      this.firstSeen.set(event.sourceEventId, where);
      this.ids.add(event.sourceEventId);
      event.admin1 = this.spellings.of(event.country, event.admin1);
      if (event.admin2)
        event.admin2 = this.spellings.of(admin2Scope(event.country, event.admin1), event.admin2);
      this.packer.add(eventValues(event, this.sensitivity));
      if (this.packer.count === BATCH) this.batches.push({ rows: this.packer.take(), problems: [], read: 0 });
    }
    // Problems and the count of rows read ride with the page's last batch.
    this.batches.push({ rows: this.packer.take(), problems, read: rows.length });
    this.rows += rows.length;
  }
}

/** Rows per prepared batch, as a file import sends them. */
const BATCH = 5000;

export interface WritePullOptions {
  path: string;
  format: 'acled' | 'ucdp';
  pages: PulledPages;
  clearance: Sensitivity;
  /** Runs after the rows are written, in the same transaction: takes withdrawn events out. */
  remove?: (imp: EventImport) => Promise<number>;
  /** Runs last in the transaction, with the import's id and counts: records the pull. */
  record?: (imp: EventImport, file: PulledFile, importId: number) => Promise<void>;
}

/**
 * Writes a pull as one import, all or nothing: its rows as a file's would be (new ones inserted,
 * changed ones updated, unchanged ones counted, rows set aside kept in `problems`), withdrawn
 * events taken out of the store and the aggregates, and the pull recorded, in one transaction.
 */
export async function writePull(store: Store, o: WritePullOptions): Promise<PullResult> {
  const stored = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const options = {
    sensitivity: 'public',
    clearance: o.clearance,
    large: isLargeImport(o.pages.rows * 200, Number(stored.n)),
  } as const;
  return withEventImport(store, options, async (imp) => {
    const f = await imp.beginFile(o.path, o.format);
    try {
      for (const batch of o.pages.batches) await f.write(batch);
    } catch (e) {
      await f.abort();
      throw e;
    }
    const counts = await f.finish();
    const deleted = o.remove ? await o.remove(imp) : 0;
    const file: PulledFile = { ...counts, format: o.format, deleted };
    // GED names actors without a category; the register's coding is given as for a GED file.
    await imp.finish(
      o.format === 'ucdp' && counts.imported + counts.updated > 0 ? applyRegisterCategories : undefined,
    );
    if (o.record) await o.record(imp, file, f.id);
    return { files: [file], deleted };
  });
}

/** The record of a pull, before its outcome is known. */
export type PullRecord = Omit<
  NewSourcePull,
  | 'finished_at'
  | 'status'
  | 'error'
  | 'import_id'
  | 'rows'
  | 'imported'
  | 'updated'
  | 'unchanged'
  | 'rejected'
  | 'deleted'
>;

/** The row of a successful pull. */
export function succeeded(r: PullRecord, file: PulledFile, importId: number): NewSourcePull {
  return {
    ...r,
    finished_at: new Date().toISOString(),
    status: 'ok',
    error: null,
    import_id: importId,
    rows: file.rows,
    imported: file.imported,
    updated: file.updated,
    unchanged: file.unchanged,
    rejected: file.rejected,
    deleted: file.deleted,
  };
}

/**
 * Records a failed pull with its one-line error, for the Import page; nothing of the pull's data
 * was written. A store that cannot record it (the store itself failed) does not hide the error.
 */
export async function recordFailure(ctx: AppContext, r: PullRecord, e: unknown): Promise<void> {
  const message = isTandemError(e) ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
  try {
    await recordSourcePull(ctx.store.db, {
      ...r,
      finished_at: new Date().toISOString(),
      status: 'failed',
      error: message,
      import_id: null,
      rows: 0,
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      deleted: 0,
      cursor: null,
      deleted_cursor: null,
    });
  } catch {
    // The original error is what the person must see.
  }
}
