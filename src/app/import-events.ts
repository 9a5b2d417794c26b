import { hash } from 'node:crypto';
import type { ReadProblem } from '../domain/read-problem.ts';
import { type EventFile, openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import { CountAccumulator, countedFromEvent, countedFromStored } from '../store/count-accumulator.ts';
import { type EventToWrite, type StoredEventKeys, withEventWriter } from '../store/event-writer.ts';
import type { Store } from '../store/store.ts';

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
  return withEventWriter(store, async (w) => {
    const results: ImportFileResult[] = [];
    const counts = new CountAccumulator();
    for (const file of files) {
      // Whether the store held events of a source when this file began (earlier files of this
      // command included). If not, no row of the file can match a stored one: ids repeated
      // within the file are caught by `seen`, so the file needs no look-ups at all.
      const sourceHasRows = new Map<string, boolean>();
      const started = new Date().toISOString();
      const { id: importId } = await w.db
        .insertInto('imports')
        .values({ path: file.path, format: file.format, started_at: started, rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const r: ImportFileResult = { path: file.path, format: file.format, rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 };
      const seen = new Map<string, number>();
      for await (const batch of file.batches()) {
        const problems: ReadProblem[] = [...batch.problems];
        const fresh: (EventToWrite & { line: number })[] = [];
        for (const { line, event } of batch.records) {
          const first = seen.get(event.sourceEventId);
          if (first !== undefined) {
            problems.push({
              file: file.path,
              line,
              column: 0,
              reason: `event id ${event.sourceEventId} repeats the row at line ${first}; the first was kept`,
              raw: JSON.stringify(event).slice(0, 2000),
            });
            continue;
          }
          seen.set(event.sourceEventId, line);
          fresh.push({ event, hash: hash('md5', JSON.stringify(event)), line });
        }
        // A source that has no events in the store yet needs no look-ups (the first import of a file).
        const bySource = new Map<string, typeof fresh>();
        for (const f of fresh) {
          const list = bySource.get(f.event.source);
          if (list) list.push(f);
          else bySource.set(f.event.source, [f]);
        }
        for (const [source, list] of bySource) {
          let has = sourceHasRows.get(source);
          if (has === undefined) {
            has = (await w.countSource(source)) > 0;
            sourceHasRows.set(source, has);
          }
          const existing: Map<string, StoredEventKeys> = has
            ? await w.lookup(source, list.map((f) => f.event.sourceEventId))
            : new Map();
          const inserts: EventToWrite[] = [];
          const updates: { id: number; row: EventToWrite }[] = [];
          for (const f of list) {
            const old = existing.get(f.event.sourceEventId);
            if (!old) {
              inserts.push(f);
              counts.add(countedFromEvent(f.event), 1);
            } else if (old.content_hash !== f.hash) {
              updates.push({ id: old.id, row: f });
              counts.add(countedFromStored(old), -1);
              counts.add(countedFromEvent(f.event), 1);
            } else r.unchanged++;
          }
          await w.insert(importId, inserts);
          await w.update(importId, updates);
          r.imported += inserts.length;
          r.updated += updates.length;
        }
        if (problems.length) await w.addProblems(importId, problems);
        r.rejected += problems.length;
        r.rows += batch.records.length + batch.problems.length;
        options.onProgress?.({ path: file.path, rows: r.rows });
      }
      await w.db
        .updateTable('imports')
        .set({ rows: r.rows, imported: r.imported, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected })
        .where('id', '=', importId)
        .execute();
      results.push(r);
    }
    await counts.flush(w.db);
    return { files: results };
  });
}
