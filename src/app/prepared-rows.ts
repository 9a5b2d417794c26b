import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import { type EventValues, eventValues } from '../store/event-writer.ts';

/** One batch of a file's rows, read, hashed and checked for repeated ids, ready for the writer. */
export interface PreparedBatch {
  rows: EventValues[];
  problems: ReadProblem[];
  /** Data rows read in this batch (rows plus problems). */
  read: number;
}

/**
 * Reads a file and prepares its rows for the writer: each event becomes its column values with a
 * content hash, an id repeated within the file is set aside naming the line of its first
 * appearance.
 */
export async function* prepareRows(
  path: string,
  format: EventFormat,
  sensitivity: Sensitivity = 'public',
): AsyncGenerator<PreparedBatch> {
  const file = await openEventFile(path, { format });
  const seen = new Map<string, number>();
  for await (const batch of file.batches()) {
    const read = batch.records.length + batch.problems.length;
    const rows: EventValues[] = [];
    const problems = batch.problems;
    for (const { line, event } of batch.records) {
      const first = seen.get(event.sourceEventId);
      if (first !== undefined) {
        problems.push({
          file: path,
          line,
          column: 0,
          reason: `event id ${event.sourceEventId} repeats the row at line ${first}; the first was kept`,
          raw: JSON.stringify(event).slice(0, 2000),
        });
        continue;
      }
      seen.set(event.sourceEventId, line);
      rows.push(eventValues(event, sensitivity));
    }
    yield { rows, problems, read };
  }
}

/** Files at least this large are read in a worker thread while the main thread writes. */
const WORKER_THRESHOLD = 8 * 1024 * 1024;
/** Batches the worker may run ahead of the writer. */
const AHEAD = 4;

/**
 * The prepared batches of a file. Large files
 * are read in a worker thread, so parsing one batch overlaps writing the one before (the two
 * cores of a field laptop both work); small ones in this thread, where a worker's start-up would
 * cost more than it saves.
 */
export async function* preparedBatches(
  path: string,
  format: EventFormat,
  useWorker?: boolean,
  sensitivity: Sensitivity = 'public',
): AsyncGenerator<PreparedBatch> {
  if (!(useWorker ?? (await stat(path)).size >= WORKER_THRESHOLD)) {
    yield* prepareRows(path, format, sensitivity);
    return;
  }
  const worker = new Worker(new URL('./import-worker.mjs', import.meta.url), {
    workerData: { path, format, ahead: AHEAD, sensitivity },
    // A larger young generation: the reader allocates many short-lived strings and rows.
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  const queue: unknown[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the import worker stopped with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = queue.shift() as { type: 'batch'; batch: PreparedBatch } | { type: 'done' } | undefined;
      if (!m) throw failure;
      if (m.type === 'done') return;
      yield m.batch;
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}
