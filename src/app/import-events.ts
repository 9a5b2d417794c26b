import { stat } from 'node:fs/promises';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type EventFile, openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import {
  type ConflictAggregate,
  HAPI_CONFLICT_FORMAT,
  isHapiConflictFile,
  readHapiConflictFile,
} from '../sources/hapi-conflict-reader.ts';
import { storedAdmin1Shapes } from '../store/admin1-shapes.ts';
import {
  addImportRecord,
  setImportCounts,
  writeConflictAggregates,
} from '../store/conflict-aggregate-repository.ts';
import { addProblems, isLargeImport, withEventImport } from '../store/event-import.ts';
import { applyRegisterCategories } from '../store/register-categories.ts';
import type { Store } from '../store/store.ts';
import { storedAreaSpellings } from '../store/stored-area-spellings.ts';
import { preparedBatches } from './prepared-rows.ts';

export interface ImportFileResult {
  path: string;
  /** An event format, or HDX HAPI's conflict_event aggregates (stored as aggregates, not events). */
  format: EventFormat | typeof HAPI_CONFLICT_FORMAT;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /**
   * An HXL sheet's columns that Tandem has no field for (a partner's #org, #affected+injured), as
   * the sheet names them: nothing of them is stored. Absent when every column was read.
   */
  columnsNotRead?: string[];
}

export interface ImportProgress {
  path: string;
  rows: number;
}

export interface ImportEventsOptions {
  format?: EventFormat | 'auto';
  onProgress?: (p: ImportProgress) => void;
  /** Read in a worker thread (true), in this one (false), or by file size (undefined). */
  readInWorker?: boolean;
  /** How sensitive the file's events are: a mission's own incident reports are not public data. */
  sensitivity?: Sensitivity;
  /**
   * The highest level the person importing may read: a stored record above it is never changed.
   * The importFiles operation passes the requester's; a direct caller acts as the store's owner.
   */
  clearance?: Sensitivity;
  /**
   * The name each file is recorded under, in the imports and the rows set aside, when it is not
   * its path: an upload's own name ("partner-events.csv") rather than the server's temporary copy.
   */
  recordedAs?: (path: string) => string;
}

/**
 * Imports event files into the store, all of them in one transaction: either every file is read
 * (rows that cannot be read are set aside, with file, line, column and reason, in `problems`) or,
 * when a file turns out unreadable or the import would lower a record's sensitivity or change one
 * above the requester's clearance, nothing is written at all. Formats are detected from the
 * header before anything is written. Events are keyed by (source, source event id): a row seen
 * before is counted unchanged, a changed row is updated, and the aggregate tables follow. Events
 * whose source names an actor but no category take the register's, in the same transaction.
 */
export async function importEvents(
  store: Store,
  paths: readonly string[],
  options: ImportEventsOptions = {},
): Promise<{ files: ImportFileResult[] }> {
  const files: EventFile[] = [];
  const aggregated: { path: string; read: Awaited<ReturnType<typeof readHapiConflictFile>> }[] = [];
  const auto = !options.format || options.format === 'auto';
  for (const p of paths) {
    if (auto && (await isHapiConflictFile(p))) {
      if ((options.sensitivity ?? 'public') !== 'public') {
        throw new TandemError(
          'bad-input',
          `${p}: HDX HAPI conflict aggregates are public data; import them as public (without --sensitivity)`,
        );
      }
      aggregated.push({ path: p, read: await readHapiConflictFile(p) });
    } else files.push(await openEventFile(p, { format: options.format }));
  }
  let bytes = 0;
  for (const f of files) bytes += (await stat(f.path)).size;
  const stored = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const sensitivity = options.sensitivity ?? 'public';
  const importOptions = {
    sensitivity,
    clearance: options.clearance ?? 'strictly-confidential',
    large: isLargeImport(bytes, Number(stored.n)),
  } as const;
  // The store's admin-1 spellings, and each file's new ones for the files after it (AreaSpellings).
  const knownAreas = files.length ? await storedAreaSpellings(store.db) : [];
  // The loaded polygons, for rows that give a point but name no admin-1 area.
  const shapes = files.length ? await storedAdmin1Shapes(store.db) : {};
  return withEventImport(store, importOptions, async (imp) => {
    const results: ImportFileResult[] = [];
    for (const file of files) {
      const name = options.recordedAs?.(file.path) ?? file.path;
      const f = await imp.beginFile(name, file.format);
      const batches = preparedBatches(
        file.path,
        file.format,
        options.readInWorker,
        sensitivity,
        [...knownAreas],
        shapes,
      );
      let next = await batches.next();
      try {
        while (!next.done) {
          const batch = next.value;
          if (batch.areas) knownAreas.push(...batch.areas);
          await f.write(
            name === file.path
              ? batch
              : { ...batch, problems: batch.problems.map((p) => ({ ...p, file: name })) },
          );
          options.onProgress?.({ path: file.path, rows: f.rows });
          next = await batches.next();
        }
      } catch (e) {
        await f.abort();
        throw e;
      } finally {
        // A write that fails must also stop the reader: a worker left waiting for the writer
        // would keep the process alive after the error.
        if (!next.done) await batches.return(undefined as never);
      }
      const notRead = file.unreadColumns.length ? { columnsNotRead: [...file.unreadColumns] } : {};
      results.push({ ...(await f.finish()), format: file.format, ...notRead });
    }
    for (const { path, read } of aggregated) {
      const name = options.recordedAs?.(path) ?? path;
      const problems = name === path ? read.problems : read.problems.map((p) => ({ ...p, file: name }));
      results.push(await writeAggregates(imp.db, name, { ...read, problems }));
    }
    // ACLED codes every actor it names; other sources' actors take the register's coding.
    const uncoded = results.some(
      (r) => r.format !== 'acled' && r.format !== HAPI_CONFLICT_FORMAT && r.imported + r.updated > 0,
    );
    await imp.finish(uncoded ? applyRegisterCategories : undefined);
    return { files: results };
  });
}

/** A HAPI conflict_event file's aggregates, written apart from the events, with its rows set aside. */
async function writeAggregates(
  db: Parameters<typeof writeConflictAggregates>[0],
  path: string,
  read: { aggregates: ConflictAggregate[]; problems: Parameters<typeof addProblems>[2]; rows: number },
): Promise<ImportFileResult> {
  const base = {
    path,
    format: HAPI_CONFLICT_FORMAT,
    rows: read.rows,
    rejected: read.problems.length,
  } as const;
  const importId = await addImportRecord(db, { ...base, imported: 0, updated: 0, unchanged: 0 });
  const counts = await writeConflictAggregates(db, importId, 'hdx-hapi', read.aggregates);
  await setImportCounts(db, importId, counts);
  await addProblems(db, importId, read.problems, 'public');
  return { ...base, ...counts };
}
