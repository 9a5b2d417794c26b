import { stat } from 'node:fs/promises';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { type EventFile, openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import { CountAccumulator, countedFromStored, RegisterTally } from '../store/count-accumulator.ts';
import { COL, type EventValues, sameContent } from '../store/event-columns.ts';
import {
  createBulkIndexes,
  createSourceIdIndex,
  dropBulkIndexes,
  dropSourceIdIndex,
} from '../store/event-indexes.ts';
import { type StoredProblem, withEventWriter } from '../store/event-writer.ts';
import { type PackedRows, RowUnpacker, type SetAsideRow } from '../store/packed-rows.ts';
import { PostgresFileImport } from '../store/postgres/postgres-event-import.ts';
import { higherSensitivity, SensitivityGuard } from '../store/sensitivity-guard.ts';
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
 * when a file turns out unreadable, nothing is written at all. Formats are detected from the
 * header before anything is written. Events are keyed by (source, source event id): a row seen
 * before is counted unchanged, a changed row is updated, and the aggregate tables follow.
 */
export async function importEvents(
  store: Store,
  paths: readonly string[],
  options: ImportEventsOptions = {},
): Promise<{ files: ImportFileResult[] }> {
  const files: EventFile[] = [];
  for (const p of paths) files.push(await openEventFile(p, { format: options.format }));
  // A first large import writes with a rollback journal on SQLite (see withEventWriter).
  let bytes = 0;
  for (const f of files) bytes += (await stat(f.path)).size;
  const stored = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const bulk = bytes / 200 >= Math.max(50_000, 2 * Number(stored.n));
  return withEventWriter(
    store,
    async (w) => {
      const results: ImportFileResult[] = [];
      // What the files' rows add to the aggregates and registers, tallied as batches
      // arrive; rows found unchanged, and the old values of changed rows, are taken back out here.
      const counts = new CountAccumulator();
      const registers = new RegisterTally();
      const level = options.sensitivity ?? 'public';
      const guard = new SensitivityGuard(level, options.clearance ?? 'strictly-confidential');
      for (const file of files) {
        const { id: importId } = await w.db
          .insertInto('imports')
          .values({
            path: file.path,
            format: file.format,
            started_at: new Date().toISOString(),
            rows: 0,
            imported: 0,
            updated: 0,
            unchanged: 0,
            rejected: 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const r: ImportFileResult = {
          path: file.path,
          format: file.format,
          rows: 0,
          imported: 0,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        };
        // Whether the store held events of a source when this file began (earlier files of this
        // command included). If not, no row of the file can match a stored one (ids repeated within
        // the file are set aside while reading), so the file needs no look-ups at all.
        const sourceHasRows = new Map<string, boolean>();
        const hasRows = async (source: string) => {
          let has = sourceHasRows.get(source);
          if (has === undefined) {
            has = (await w.countSource(source)) > 0;
            sourceHasRows.set(source, has);
          }
          return has;
        };
        const unpacker = new RowUnpacker();
        // A file that brings many new rows compared with those stored loads faster with the
        // secondary indexes dropped and rebuilt once at the end (about 200 bytes a row in the
        // field's exports). Whether its rows are new is known at the first batch: a file imported
        // again keeps its indexes, as it will write little or nothing.
        const large = (await stat(file.path)).size / 200 >= Math.max(50_000, (await w.countAll()) / 2);
        const indexes = { decided: !large, dropped: false, sourceIdDropped: false };
        /**
         * Called before rows are written, with the share of them that are new; `firstOfSource` when
         * they are all of one source the store does not hold, so nothing will be looked up.
         */
        const decideIndexes = async (newShare: number, firstOfSource = false) => {
          if (indexes.decided) return;
          indexes.decided = true;
          indexes.dropped = newShare >= 0.5;
          if (indexes.dropped) await dropBulkIndexes(w.db);
          // Rows of a first import cannot collide, so the unique index is built once at the end
          // too; a later batch that looks rows up brings it back first (restoreSourceIdIndex).
          if (indexes.dropped && firstOfSource) {
            await dropSourceIdIndex(w.db);
            indexes.sourceIdDropped = true;
          }
        };
        const restoreSourceIdIndex = async () => {
          if (!indexes.sourceIdDropped) return;
          indexes.sourceIdDropped = false;
          await createSourceIdIndex(w.db);
        };
        /** Rows of a source the store already holds, or of several sources: looked up first. */
        const writeRows = async (packed: PackedRows) => {
          const bySource = new Map<string, EventValues[]>();
          for (let i = 0; i < packed.count; i++) {
            const v = unpacker.row(packed, i);
            const source = v[COL.source] as string;
            const list = bySource.get(source);
            if (list) list.push(v);
            else bySource.set(source, [v]);
          }
          for (const [source, list] of bySource) {
            if (!(await hasRows(source))) {
              await decideIndexes(1);
              await w.insert(importId, list);
              r.imported += list.length;
              continue;
            }
            await restoreSourceIdIndex();
            const existing = await w.lookup(
              source,
              list.map((v) => v[COL.source_event_id] as string),
            );
            const inserts: EventValues[] = [];
            const updates: { id: number; row: EventValues }[] = [];
            for (const v of list) {
              const old = existing.get(v[COL.source_event_id] as string);
              if (!old) inserts.push(v);
              else if (!sameContent(old.content_hash, v)) {
                // A refused change is only tallied: the import fails as a whole before commit.
                if (!guard.allows(old.sensitivity)) continue;
                updates.push({ id: old.id, row: v });
                counts.add(countedFromStored(old), -1);
              } else {
                r.unchanged++;
                counts.addValues(v, -1);
              }
            }
            await decideIndexes(inserts.length / list.length);
            await w.insert(importId, inserts);
            await w.update(importId, updates);
            r.imported += inserts.length;
            r.updated += updates.length;
          }
        };
        /**
         * The level of each row set aside: the import's own, or higher where the row carries an id
         * the store holds at a higher level (a source the store did not hold before this file has
         * none but this import's, so nothing is looked up).
         */
        const setAsideLevels = async (problems: readonly SetAsideRow[]): Promise<StoredProblem[]> => {
          const idsBySource = new Map<string, string[]>();
          for (const p of problems) {
            if (!p.source || !p.sourceEventId || !(await hasRows(p.source))) continue;
            const ids = idsBySource.get(p.source);
            if (ids) ids.push(p.sourceEventId);
            else idsBySource.set(p.source, [p.sourceEventId]);
          }
          const stored = new Map<string, string>();
          for (const [source, ids] of idsBySource) {
            await restoreSourceIdIndex();
            for (const [id, k] of await w.lookup(source, ids))
              stored.set(`${source}\u001f${id}`, k.sensitivity);
          }
          return problems.map(({ source, sourceEventId, ...p }) => ({
            ...p,
            sensitivity: higherSensitivity(level, stored.get(`${source}\u001f${sourceEventId}`)),
          }));
        };
        // PostgreSQL streams the file's rows into a staging table and merges them when it ends.
        const staged = w.client
          ? new PostgresFileImport(w.client, w.db, importId, counts, guard, large)
          : null;
        const pendingProblems: SetAsideRow[] = [];
        const load = async () => {
          const batches = preparedBatches(file.path, file.format, options.readInWorker, options.sensitivity);
          let next = await batches.next();
          // A write that fails must also stop the reader: a worker left waiting for the writer
          // would keep the process alive after the error.
          try {
            while (!next.done) {
              const batch = next.value;
              const packed = batch.rows;
              unpacker.receive(packed);
              counts.addPacked(packed, unpacker.words, 1);
              registers.addPacked(packed, unpacker.words);
              // A file of one source whose events the store does not hold yet goes in as it is.
              const source = packed.count ? unpacker.source(packed, 0) : '';
              let oneSource = true;
              for (let i = 1; i < packed.count && oneSource; i++)
                oneSource = unpacker.source(packed, i) === source;
              if (staged) {
                await staged.write(unpacker, packed);
              } else if (oneSource && packed.count && !(await hasRows(source))) {
                await decideIndexes(1, true);
                await w.insertPacked(importId, unpacker, packed);
                r.imported += packed.count;
              } else {
                await writeRows(packed);
              }
              // While rows stream with COPY the connection takes no other statement: the rows set
              // aside wait for the merge.
              if (staged) for (const p of batch.problems) pendingProblems.push(p);
              else if (batch.problems.length)
                await w.addProblems(importId, await setAsideLevels(batch.problems));
              r.rejected += batch.problems.length;
              r.rows += batch.read;
              options.onProgress?.({ path: file.path, rows: r.rows });
              next = await batches.next();
            }
          } finally {
            if (!next.done) await batches.return(undefined as never);
          }
        };
        const tl = performance.now();
        try {
          await load();
        } catch (e) {
          await staged?.abort();
          throw e;
        }
        if (process.env.TANDEM_TRACE) console.error(`load ${(performance.now() - tl).toFixed(0)} ms`);
        if (staged) {
          const merged = await staged.finish();
          r.imported += merged.imported;
          r.updated += merged.updated;
          r.unchanged += merged.unchanged;
          for (let i = 0; i < pendingProblems.length; i += 5000)
            await w.addProblems(importId, await setAsideLevels(pendingProblems.slice(i, i + 5000)));
        }
        await w.buildingIndexes(async () => {
          await restoreSourceIdIndex();
          if (indexes.dropped) await createBulkIndexes(w.db);
        });
        await w.db
          .updateTable('imports')
          .set({
            rows: r.rows,
            imported: r.imported,
            updated: r.updated,
            unchanged: r.unchanged,
            rejected: r.rejected,
          })
          .where('id', '=', importId)
          .execute();
        results.push(r);
      }
      guard.assertClear();
      const tf = performance.now();
      await counts.flush(w.db, w.upsertCounts);
      await registers.flush(w.db);
      if (process.env.TANDEM_TRACE) console.error(`flush ${(performance.now() - tf).toFixed(0)} ms`);
      return { files: results };
    },
    { bulk },
  );
}
