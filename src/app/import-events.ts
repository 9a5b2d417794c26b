import { stat } from 'node:fs/promises';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { type EventFile, openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import { isLargeImport, withEventImport } from '../store/event-import.ts';
import { applyRegisterCategories } from '../store/register-categories.ts';
import type { Store } from '../store/store.ts';
import { preparedBatches } from './prepared-rows.ts';

export interface ImportFileResult {
  path: string;
  format: EventFormat;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
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
  for (const p of paths) files.push(await openEventFile(p, { format: options.format }));
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
  return withEventImport(store, importOptions, async (imp) => {
    const results: ImportFileResult[] = [];
    for (const file of files) {
      const f = await imp.beginFile(file.path, file.format);
      const batches = preparedBatches(file.path, file.format, options.readInWorker, sensitivity);
      let next = await batches.next();
      try {
        while (!next.done) {
          await f.write(next.value);
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
      results.push({ ...(await f.finish()), format: file.format });
    }
    // ACLED codes every actor it names; other sources' actors take the register's coding.
    const uncoded = results.some((r) => r.format !== 'acled' && r.imported + r.updated > 0);
    await imp.finish(uncoded ? applyRegisterCategories : undefined);
    return { files: results };
  });
}
