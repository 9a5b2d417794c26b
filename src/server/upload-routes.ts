import { createWriteStream } from 'node:fs';
import { rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { assertMayRunAudited, type OperationCall, runOperation } from '../app/run-operation.ts';
import { SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { errorResponse } from './error-response.ts';
import type { OperationTable } from './operation-table.ts';
import { BODY_PACE, type BodyPace, pacedChunks, tooLarge } from './request-guards.ts';
import { tempFolder } from './temp-folders.ts';

export interface UploadRoutesOptions {
  operations: OperationTable;
  /** How an operation is called for this request (who asks, which store). */
  call: (name: string) => OperationCall;
  onWrite: () => void;
  /** How slowly an upload may arrive before it is given up. */
  pace?: BodyPace;
}

/** The largest upload, unless TANDEM_MAX_UPLOAD_BYTES says otherwise: a country's ACLED history. */
const MAX_BYTES = Number(process.env.TANDEM_MAX_UPLOAD_BYTES) || 1024 * 1024 * 1024;
/** Uploads received at once; more are refused (429) rather than filling the disk in parallel. */
const MAX_CONCURRENT = 4;
/**
 * Uploads one person may send at once: one, so that an account trickling uploads a byte at a time
 * holds one of the slots, never all of them.
 */
const MAX_PER_PERSON = 1;
/** Room left on the disk after an upload. */
const DISK_MARGIN_BYTES = 256 * 1024 * 1024;

/** The endings an upload may keep: the readers tell formats apart by them (and by the header). */
const KEPT_ENDING = /\.(csv|tsv|txt|xlsx|json|geojson)$/i;

/**
 * `POST /api/imports?name=FILE[&sensitivity=LEVEL]` (events) or
 * `?name=FILE&kind=boundaries[&country=NAME]` (admin-1 polygons as GeoJSON; without a country, the
 * one in the file's name or the stored country whose events lie inside): the file arrives as the
 * raw request body and is streamed to a private temporary folder (never held in memory), then
 * imported with the same operation as `tandem import`. The name the browser gives is shown back,
 * never used as a path: the file is stored as `upload` plus its ending. The answer is
 * newline-delimited JSON, written as the work goes: `{"stage":"receiving","bytes"}` lines,
 * `{"stage":"importing"}`, and a last line with `{"stage":"done","result"}` or
 * `{"stage":"failed","error":{code,message,details}}`. Temporary paths never appear in it.
 */
export function uploadRoutes(app: Hono, options: UploadRoutesOptions): void {
  let receiving = 0;
  const byPerson = new Map<string, number>();
  app.post('/api/imports', async (c) => {
    const kind = c.req.query('kind') ?? 'events';
    if (kind !== 'events' && kind !== 'boundaries')
      throw new TandemError(
        'bad-input',
        `kind: must be events or boundaries; got ${JSON.stringify(kind.slice(0, 40))}`,
        {
          details: { issues: [{ path: 'kind', message: 'must be events or boundaries' }] },
        },
      );
    const boundaries = kind === 'boundaries';
    const opName = boundaries ? 'loadBoundaries' : 'importFiles';
    const op = options.operations[opName];
    if (!op) throw new TandemError('not-found', 'importing is not available in this build');
    // The upload itself is the server's: it makes the path. Rights are checked before any byte is read.
    const call: OperationCall = { ...options.call(opName), via: 'server' };
    await assertMayRunAudited(op, call);
    // The query is checked whole before a byte of the body is read (API probe: a misspelt level was
    // refused only once a file of any size had arrived, and an unknown parameter passed unseen).
    const takes = boundaries ? ['kind', 'name', 'country'] : ['kind', 'name', 'sensitivity'];
    const unknown = Object.keys(c.req.queries()).filter((k) => !takes.includes(k));
    if (unknown.length)
      throw new TandemError(
        'bad-input',
        `/api/imports${boundaries ? '?kind=boundaries' : ''} does not take ${unknown.join(', ')}; it takes ${takes.join(', ')}`,
        { details: { issues: unknown.map((path) => ({ path, message: 'not a field of this request' })) } },
      );
    const country = c.req.query('country')?.trim() || undefined;
    const name = uploadName(c.req.query('name'));
    const sensitivity = c.req.query('sensitivity');
    if (sensitivity !== undefined && !(SENSITIVITY_LEVELS as readonly string[]).includes(sensitivity))
      throw new TandemError(
        'bad-input',
        `sensitivity: must be one of ${SENSITIVITY_LEVELS.join(', ')}; got ${JSON.stringify(sensitivity.slice(0, 40))}`,
        {
          details: { issues: [{ path: 'sensitivity', message: `one of ${SENSITIVITY_LEVELS.join(', ')}` }] },
        },
      );
    const body = c.req.raw.body;
    if (!body)
      throw new TandemError('bad-input', 'the request has no body: send the file as the request body');
    const declared = Number(c.req.header('content-length') ?? 0) || null;
    if (declared !== null && declared > MAX_BYTES) throw tooLarge(MAX_BYTES);
    const free = await freeBytes();
    if (declared !== null && free !== null && declared > free - DISK_MARGIN_BYTES) {
      throw new TandemError('too-large', 'the server has no room for this file now; ask its administrator');
    }
    const who = call.requester.name;
    if ((byPerson.get(who) ?? 0) >= MAX_PER_PERSON) {
      throw new TandemError(
        'too-many-requests',
        'an upload of yours is being received already; send the next when it has finished',
      );
    }
    if (receiving >= MAX_CONCURRENT) {
      throw new TandemError(
        'too-many-requests',
        `${MAX_CONCURRENT} uploads are being received already; try again when one has finished`,
      );
    }
    const release = () => {
      receiving--;
      const n = (byPerson.get(who) ?? 1) - 1;
      if (n > 0) byPerson.set(who, n);
      else byPerson.delete(who);
    };
    receiving++;
    byPerson.set(who, (byPerson.get(who) ?? 0) + 1);
    const dir = await tempFolder('upload').catch((e) => {
      release();
      throw e;
    });
    const path = join(dir, `upload${KEPT_ENDING.exec(name)?.[0]?.toLowerCase() ?? ''}`);
    // Whatever the readers say names the file as the person called it, never by its temporary path.
    const shown = (v: unknown) =>
      JSON.parse(
        JSON.stringify(v ?? null)
          .split(path)
          .join(name)
          .split(dir)
          .join('.'),
      );

    c.header('content-type', 'application/x-ndjson');
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      const line = (v: unknown) => out.write(`${JSON.stringify(v)}\n`);
      try {
        const bytes = await receive(body, path, declared, options.pace ?? BODY_PACE, async (b) =>
          line({ stage: 'receiving', bytes: b, total: declared }),
        );
        await line({ stage: 'received', bytes, total: declared });
        await line({ stage: 'importing', file: name });
        const input = boundaries
          ? { paths: [path], country, names: [name] }
          : { paths: [path], sensitivity, names: [name] };
        const result = await runOperation(op, input, call);
        options.onWrite();
        await line({ stage: 'done', file: name, result: shown(result) });
      } catch (e) {
        await line({ stage: 'failed', ...shown(errorResponse(e).body) });
      } finally {
        release();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}

/** Checks the name a browser gives a file: shown back to people, never used as a path. */
function uploadName(raw: string | undefined): string {
  const name = (raw ?? '').split(/[\\/]/).pop()!.trim();
  if (!name || name === '.' || name === '..') {
    throw new TandemError('bad-input', 'name the uploaded file: POST /api/imports?name=events.csv');
  }
  if (name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new TandemError(
      'bad-input',
      'name: a file name of at most 255 characters, without control characters',
    );
  }
  return name;
}

/** Streams a request body to a file, refusing it once it passes MAX_BYTES; resolves with its size. */
async function receive(
  body: ReadableStream<Uint8Array>,
  path: string,
  declared: number | null,
  pace: BodyPace,
  progress: (bytes: number) => Promise<unknown>,
): Promise<number> {
  const file = createWriteStream(path);
  let failed: Error | null = null;
  file.on('error', (e) => {
    failed = e;
  });
  let bytes = 0;
  let reported = 0;
  try {
    for await (const value of pacedChunks(body, pace)) {
      bytes += value.byteLength;
      if (bytes > MAX_BYTES || (declared !== null && bytes > declared)) throw tooLarge(MAX_BYTES);
      if (failed) throw failed;
      if (!file.write(value)) await new Promise<void>((r) => file.once('drain', () => r()));
      if (bytes - reported >= 1 << 20) {
        reported = bytes;
        await progress(bytes);
      }
    }
  } catch (e) {
    file.destroy();
    throw e;
  }
  await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (failed) throw failed;
  return bytes;
}

async function freeBytes(): Promise<number | null> {
  try {
    const s = await statfs(tmpdir());
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
