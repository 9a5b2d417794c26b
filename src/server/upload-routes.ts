import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { AppContext } from '../app/operation.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { errorResponse } from './error-response.ts';
import { parseInput } from './operation-input.ts';
import type { OperationTable } from './operation-table.ts';

export interface UploadRoutesOptions {
  operations: OperationTable;
  context: () => AppContext;
  /** The context an event import runs in (create-app.ts gives it a connection of its own). */
  importContext?: () => Promise<{ ctx: AppContext; close: () => Promise<void> }>;
  onWrite: () => void;
}

/** Upload limit: a large country's ACLED history is a few hundred MB. */
const MAX_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * `POST /api/imports?name=FILE` (events) or `?name=FILE&kind=boundaries&country=NAME` (admin-1
 * polygons as GeoJSON): the file arrives as the raw request body and is streamed to a
 * private temporary folder (never held in memory), then imported with the same operation as
 * `tandem import`. The answer is newline-delimited JSON, written as the work goes: `{"stage":
 * "receiving","bytes"}` lines, `{"stage":"importing"}`, and a last line with `{"stage":"done",
 * "result"}` or `{"stage":"failed","error":{code,message,details}}`.
 */
export function uploadRoutes(app: Hono, options: UploadRoutesOptions): void {
  app.post('/api/imports', async (c) => {
    // `kind=boundaries&country=…` stores admin-1 polygons (GeoJSON) instead of events.
    const boundaries = c.req.query('kind') === 'boundaries';
    const country = c.req.query('country') ?? '';
    const op = boundaries ? options.operations.loadBoundaries : options.operations.importFiles;
    if (!op) throw new TandemError('not-found', 'importing is not available in this build');
    if (boundaries && !country.trim()) {
      throw new TandemError(
        'bad-input',
        'say which country the boundaries are for: POST /api/imports?kind=boundaries&country=…',
      );
    }
    const name = basename(c.req.query('name') ?? '');
    if (!name || name === '.' || name === '..') {
      throw new TandemError('bad-input', 'name the uploaded file: POST /api/imports?name=events.csv');
    }
    const body = c.req.raw.body;
    if (!body)
      throw new TandemError('bad-input', 'the request has no body: send the file as the request body');
    const total = Number(c.req.header('content-length') ?? 0) || null;

    c.header('content-type', 'application/x-ndjson');
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      const line = (v: unknown) => out.write(`${JSON.stringify(v)}\n`);
      const dir = await mkdtemp(join(tmpdir(), 'tandem-upload-'));
      const path = join(dir, name);
      try {
        let bytes = 0;
        let reported = 0;
        const file = createWriteStream(path);
        const reader = body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
          if (bytes > MAX_BYTES)
            throw new TandemError('bad-input', `the file is larger than ${MAX_BYTES} bytes`);
          if (!file.write(value)) await new Promise<void>((r) => file.once('drain', () => r()));
          if (bytes - reported >= 1 << 20) {
            reported = bytes;
            await line({ stage: 'receiving', bytes, total });
          }
        }
        await new Promise<void>((resolve, reject) =>
          file.end((e?: Error | null) => (e ? reject(e) : resolve())),
        );
        await line({ stage: 'received', bytes, total });
        await line({ stage: 'importing', file: name });
        const input = parseInput(
          op.input,
          boundaries ? { paths: [path], country } : { paths: [path] },
          'import',
        );
        let result: unknown;
        if (!boundaries && options.importContext) {
          const { ctx, close } = await options.importContext();
          result = await op.run(ctx, input).finally(close);
        } else result = await op.run(options.context(), input);
        options.onWrite();
        await line({ stage: 'done', file: name, result });
      } catch (e) {
        await line({ stage: 'failed', ...errorResponse(e).body });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
