import type { Hono } from 'hono';
import { type OperationCall, runOperation } from '../app/run-operation.ts';
import { briefFileName } from '../domain/file-name.ts';
import { isTandemError, TandemError } from '../domain/tandem-error.ts';
import { printHtmlToPdf } from '../reports/pdf-printer.ts';
import { inputJsonSchema } from './openapi-document.ts';
import { queryToInput, refuseUnknownFields } from './operation-input.ts';
import type { OperationTable } from './operation-table.ts';
import { scopeOf } from './request-scope.ts';

export type PrintPdf = (html: string) => Promise<Uint8Array>;

export interface BriefRoutesOptions {
  operations: OperationTable;
  call: (name: string) => OperationCall;
  printPdf?: PrintPdf;
}

/**
 * The joint analysis brief as HTML, as PDF and as Markdown, in English or French (`lang=fr`). The HTML comes
 * from the analysis operations (the same brief `tandem analyze --format html` writes); the PDF is
 * that HTML printed by Chromium. Without Chromium the PDF route answers 503 with one line saying
 * what to install, in plain text, since a person follows the link from the brief page.
 */
export function briefRoutes(app: Hono, options: BriefRoutesOptions): void {
  const printPdf = options.printPdf ?? printHtmlToPdf;

  const brief = async (url: URL, format: 'html' | 'md'): Promise<string> => {
    const op = options.operations.brief;
    if (!op) throw new TandemError('not-found', 'the analysis brief is not available in this build');
    const schema = inputJsonSchema(op.input);
    // The format is the route's (.html, .pdf, .md); anything else the brief does not take is refused.
    refuseUnknownFields(schema, url.searchParams.keys(), `GET ${url.pathname}`, ['format']);
    // The evidence links point at this workbench, whole, so that a brief saved or printed from it
    // still leads back here (in the brief's language).
    const asked = queryToInput(schema, url.searchParams) as { lang?: string };
    const workbench = `${url.origin}/${asked.lang === 'fr' ? '?lang=fr' : ''}`;
    const input = { ...asked, format, workbench };
    const out = await runOperation(op, input, options.call('brief'));
    const text =
      typeof out === 'string'
        ? out
        : ((out as { content?: string; html?: string })?.html ?? (out as { content?: string })?.content);
    if (typeof text !== 'string') throw new Error(`the brief operation returned no ${format}`);
    return text;
  };
  const html = (url: URL) => brief(url, 'html');

  app.get('/api/brief.html', async (c) => c.html(await html(new URL(c.req.url))));
  // The Markdown brief, to paste into a report or a code-sharing tool, saved as a file.
  app.get('/api/brief.md', async (c) => {
    const url = new URL(c.req.url);
    return c.body(await brief(url, 'md'), 200, {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${briefFileName(scopeOf(url.searchParams), 'md')}"`,
    });
  });
  app.get('/api/brief.pdf', async (c) => {
    const url = new URL(c.req.url);
    const page = await html(url);
    let pdf: Uint8Array;
    try {
      pdf = await printPdf(page);
    } catch (e) {
      if (isTandemError(e) && e.code === 'unavailable') return c.text(`${e.message}\n`, 503);
      throw e;
    }
    // Saved, not opened in the browser's viewer, under a name that tells one brief from another
    // in a downloads folder; the HTML brief stays a page to read.
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${briefFileName(scopeOf(url.searchParams))}"`,
    });
  });
}
