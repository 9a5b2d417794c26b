// The reading half of a large import, in its own thread: it reads and prepares batches and
// posts them to the writer, staying at most `ahead` batches in front of it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { isTandemError } from '../domain/tandem-error.ts';
import type { Admin1Shapes } from '../store/admin1-shapes.ts';
import { prepareRows } from './prepared-rows.ts';

const { path, format, ahead, sensitivity, knownAreas, shapes } = workerData as {
  path: string;
  format: 'acled' | 'ucdp' | 'hxl';
  ahead: number;
  sensitivity: Sensitivity;
  knownAreas: [string, string][];
  shapes: Admin1Shapes;
};
const port = parentPort as NonNullable<typeof parentPort>;
let inFlight = 0;
let release: (() => void) | null = null;
port.on('message', () => {
  inFlight--;
  release?.();
});

try {
  for await (const batch of prepareRows(path, format, sensitivity, knownAreas, shapes)) {
    // The packed numbers move to the writer instead of being copied (the packer made them fresh).
    port.postMessage({ type: 'batch', batch }, [
      batch.rows.codes.buffer as ArrayBuffer,
      batch.rows.numbers.buffer as ArrayBuffer,
    ]);
    inFlight++;
    while (inFlight >= ahead) await new Promise<void>((r) => (release = r));
    release = null;
  }
  port.postMessage({ type: 'done' });
} catch (e) {
  // A refusal of the file (a user's error) crosses to the writer as one, with its code; an error
  // thread to thread would arrive as a plain Error, reported as a bug in Tandem.
  if (!isTandemError(e)) throw e;
  port.postMessage({ type: 'refused', code: e.code, message: e.message, details: e.details });
}
