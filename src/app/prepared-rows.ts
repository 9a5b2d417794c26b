import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { openEventFile } from '../sources/event-file.ts';
import type { EventFormat } from '../sources/event-row-reader.ts';
import {
  CountAccumulator,
  type CountEntries,
  countedFromValues,
  RegisterTally,
} from '../store/count-accumulator.ts';
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
 * appearance, and every prepared row is counted into `tally` (aggregates, actors, areas; the
 * writer takes back the counts of rows it finds unchanged or replaced).
 */
export async function* prepareRows(
  path: string,
  format: EventFormat,
  tally: ImportTally,
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
      const v = eventValues(event, sensitivity);
      rows.push(v);
      tally.counts.add(countedFromValues(v), 1);
      tally.registers.add(v);
    }
    yield { rows, problems, read };
  }
}

/** Files at least this large are read in a worker thread while the main thread writes. */
const WORKER_THRESHOLD = 8 * 1024 * 1024;
/** Batches the worker may run ahead of the writer. */
const AHEAD = 4;

/** What reading a file gathers besides its rows: aggregate counts and the actor and area registers. */
export interface ImportTally {
  counts: CountAccumulator;
  registers: RegisterTally;
}

export interface TallyEntries {
  counts: CountEntries;
  registers: ReturnType<RegisterTally['entries']>;
}

export function newTally(): ImportTally {
  return { counts: new CountAccumulator(), registers: new RegisterTally() };
}

export function tallyEntries(t: ImportTally): TallyEntries {
  return { counts: t.counts.entries(), registers: t.registers.entries() };
}

/**
 * The prepared batches of a file, and at the end what was tallied while reading. Large files
 * are read in a worker thread, so parsing one batch overlaps writing the one before (the two
 * cores of a field laptop both work); small ones in this thread, where a worker's start-up would
 * cost more than it saves.
 */
export async function* preparedBatches(
  path: string,
  format: EventFormat,
  useWorker?: boolean,
  sensitivity: Sensitivity = 'public',
): AsyncGenerator<PreparedBatch, TallyEntries> {
  if (!(useWorker ?? (await stat(path)).size >= WORKER_THRESHOLD)) {
    const tally = newTally();
    yield* prepareRows(path, format, tally, sensitivity);
    return tallyEntries(tally);
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
      const m = queue.shift() as
        | { type: 'batch'; batch: PreparedBatch }
        | { type: 'done'; tally: TallyEntries }
        | undefined;
      if (!m) throw failure;
      if (m.type === 'done') return m.tally;
      yield m.batch;
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}
