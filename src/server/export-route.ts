import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import {
  assertMayRunAudited,
  type OperationCall,
  parseOperationInput,
  runOperation,
} from '../app/run-operation.ts';
import { exportFileName } from '../domain/file-name.ts';
import { inputJsonSchema } from './openapi-document.ts';
import { queryToInput, refuseUnknownFields } from './operation-input.ts';
import type { OperationTable } from './operation-table.ts';
import { scopeOf } from './request-scope.ts';

/** The response stream `stream()` hands its callback. */
type ResponseStream = Parameters<Parameters<typeof stream>[1]>[0];

export interface ExportRouteOptions {
  operations: OperationTable;
  call: (name: string) => OperationCall;
}

/**
 * `GET /api/export`: the events as CSV, HXL or GeoJSON, streamed as they are written, so a large
 * store is never held in memory whole. Everything that can be refused is refused before the first
 * byte, as JSON with its status: bad parameters, rights, and what the operation refuses before it
 * writes (a country or area with no events). A query parameter the export does not take is refused
 * by name too: `blur=10` for `blurKm=10` must not hand out every point at full precision.
 */
export function exportRoute(app: Hono, { operations, call }: ExportRouteOptions): void {
  const exportOp = operations.exportEvents;
  if (!exportOp) return;
  const schema = inputJsonSchema(exportOp.input);
  app.get('/api/export', async (c) => {
    const url = new URL(c.req.url);
    refuseUnknownFields(schema, url.searchParams.keys(), '/api/export', ['write']);
    const raw = queryToInput(schema, url.searchParams);
    const checked = parseOperationInput(
      exportOp.input,
      { ...raw, write: () => {} },
      { name: 'exportEvents' },
    );
    await assertMayRunAudited(exportOp, call('exportEvents'));
    // The export runs at once; its chunks wait for the response stream, which opens only once the
    // first chunk is written, so a refusal before it still answers as JSON.
    let open!: (out: ResponseStream) => void;
    const opened = new Promise<ResponseStream>((resolve) => {
      open = resolve;
    });
    let started!: () => void;
    const firstChunk = new Promise<void>((resolve) => {
      started = resolve;
    });
    const running = runOperation(
      exportOp,
      {
        ...raw,
        write: (chunk: string) => {
          started();
          return opened.then((out) => out.write(chunk));
        },
      },
      call('exportEvents'),
    );
    await Promise.race([firstChunk, running]);
    const format = (checked as { format: string }).format;
    c.header('content-type', format === 'geojson' ? 'application/geo+json' : 'text/csv; charset=utf-8');
    // Named for what it holds, so exports of several places or periods are told apart when saved.
    c.header(
      'content-disposition',
      `attachment; filename="${exportFileName(format, scopeOf(url.searchParams))}"`,
    );
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      open(out);
      await running;
    });
  });
}
