import type { Hono } from 'hono';
import { type OperationCall, runOperation } from '../app/run-operation.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { inputJsonSchema } from './openapi-document.ts';
import { queryToInput } from './operation-input.ts';
import type { OperationTable } from './operation-table.ts';
import { printHtmlToPdf } from './pdf-printer.ts';

export type PrintPdf = (html: string) => Promise<Uint8Array>;

export interface BriefRoutesOptions {
  operations: OperationTable;
  call: (name: string) => OperationCall;
  printPdf?: PrintPdf;
}

/**
 * The joint analysis brief as HTML and as PDF. The HTML comes from the analysis operations (the
 * same brief `tandem analyze --format html` writes); the PDF is that HTML printed by Chromium.
 */
export function briefRoutes(app: Hono, options: BriefRoutesOptions): void {
  const printPdf = options.printPdf ?? printHtmlToPdf;

  const html = async (url: URL): Promise<string> => {
    const op = options.operations.brief;
    if (!op) throw new TandemError('not-found', 'the analysis brief is not available in this build');
    const input = { ...queryToInput(inputJsonSchema(op.input), url.searchParams), format: 'html' };
    const out = await runOperation(op, input, options.call('brief'));
    const text =
      typeof out === 'string'
        ? out
        : ((out as { content?: string; html?: string })?.html ?? (out as { content?: string })?.content);
    if (typeof text !== 'string') throw new Error('the brief operation returned no HTML');
    return text;
  };

  app.get('/api/brief.html', async (c) => c.html(await html(new URL(c.req.url))));
  app.get('/api/brief.pdf', async (c) => {
    const pdf = await printPdf(await html(new URL(c.req.url)));
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': 'inline; filename="tandem-brief.pdf"',
    });
  });
}
