import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { Admin1ByPoint, pointPlacesArea } from '../analysis/admin1-by-point.ts';
import { AreaSpellings } from '../domain/area-spellings.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { type ErrorCode, TandemError } from '../domain/tandem-error.ts';
import { openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import type { Admin1Shapes } from '../store/admin1-shapes.ts';
import { eventValues } from '../store/event-columns.ts';
import { type PreparedBatch, RowPacker } from '../store/packed-rows.ts';
import { admin2Scope } from '../store/stored-area-spellings.ts';
import { FirstLines } from './first-lines.ts';

export type { PreparedBatch };

/**
 * Reads a file and prepares its rows for the writer: each event becomes its column values with a
 * content hash, and an id repeated within the file is set aside naming the line of its first
 * appearance. The writer counts the rows from their packed form (CountAccumulator.addPacked):
 * that costs it little, and the reader is the slower of the two threads.
 */
export async function* prepareRows(
  path: string,
  format: EventFormat,
  sensitivity: Sensitivity = 'public',
  knownAreas: readonly (readonly [string, string])[] = [],
  shapes: Admin1Shapes = {},
): AsyncGenerator<PreparedBatch> {
  // One spelling per area (admin-1, and admin-2 within it): the store's, where this file writes it
  // with other accents or hyphens.
  const spellings = new AreaSpellings(knownAreas);
  // A row that names no admin-1 area but gives its point takes the loaded polygon's that holds it.
  const byPoint = new Admin1ByPoint(shapes);
  // Small batches from the file, so that a row's parsed fields and event die young; rows are
  // packed one by one and sent BATCH at a time.
  const file = await openEventFile(path, { format, batchSize: 250 });
  const seen = new FirstLines();
  const packer = new RowPacker(BATCH);
  let problems: ReadProblem[] = [];
  let read = 0;
  for await (const batch of file.batches()) {
    read += batch.records.length + batch.problems.length;
    for (const p of batch.problems) problems.push(p);
    for (const { line, event } of batch.records) {
      const first = seen.firstOrAdd(event.sourceEventId, line);
      if (first !== -1) {
        problems.push({
          file: path,
          line,
          column: 0,
          reason: `event id ${event.sourceEventId} repeats the row at line ${first}; the first was kept`,
          raw: JSON.stringify(event).slice(0, 2000),
        });
        continue;
      }
      if (
        !event.admin1 &&
        event.latitude !== null &&
        event.longitude !== null &&
        pointPlacesArea(event.source, event.geoPrecision)
      )
        event.admin1 = byPoint.of(event.country, event.latitude, event.longitude);
      event.admin1 = spellings.of(event.country, event.admin1);
      // An admin-2 area likewise, within its admin-1 area ("Segou" under Ségou is Ségou).
      if (event.admin2) event.admin2 = spellings.of(admin2Scope(event.country, event.admin1), event.admin2);
      packer.add(eventValues(event, sensitivity));
      if (packer.count === BATCH) {
        yield { rows: packer.take(), problems, read, areas: spellings.takeAdded() };
        problems = [];
        read = 0;
      }
    }
  }
  if (packer.count || problems.length || read)
    yield { rows: packer.take(), problems, read, areas: spellings.takeAdded() };
}

/** Rows a prepared batch holds at most. */
const BATCH = 5000;

/** Files at least this large are read in a worker thread while the main thread writes. */
const WORKER_THRESHOLD = 8 * 1024 * 1024;
/** Batches the worker may run ahead of the writer. */
const AHEAD = 4;

/**
 * The prepared batches of a file. Large files are read in a worker thread, so parsing one batch
 * overlaps writing the one before (the two cores of a field laptop both work); small ones in this
 * thread, where a worker's start-up would cost more than it saves.
 */
export async function* preparedBatches(
  path: string,
  format: EventFormat,
  useWorker?: boolean,
  sensitivity: Sensitivity = 'public',
  knownAreas: readonly (readonly [string, string])[] = [],
  shapes: Admin1Shapes = {},
): AsyncGenerator<PreparedBatch> {
  if (!(useWorker ?? (await stat(path)).size >= WORKER_THRESHOLD)) {
    yield* prepareRows(path, format, sensitivity, knownAreas, shapes);
    return;
  }
  const worker = new Worker(new URL('./import-worker.mjs', import.meta.url), {
    workerData: { path, format, ahead: AHEAD, sensitivity, knownAreas, shapes },
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
      const m = queue.shift() as
        | { type: 'batch'; batch: PreparedBatch }
        | { type: 'done' }
        | { type: 'refused'; code: ErrorCode; message: string; details: unknown }
        | undefined;
      if (!m) throw failure;
      if (m.type === 'done') return;
      if (m.type === 'refused') throw new TandemError(m.code, m.message, { details: m.details });
      yield m.batch;
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}
