import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { z } from 'zod';
import { defineOperation } from '../app/operation.ts';
import { briefFileName, exportFileName } from '../domain/file-name.ts';
import { briefRoutes } from './brief-routes.ts';
import { scopeOf } from './request-scope.ts';

/** The routes on a stand-in brief operation (no store needed) and a stand-in printer. */
function app(): Hono {
  const a = new Hono();
  briefRoutes(a, {
    operations: {
      brief: defineOperation({
        summary: 'a stand-in brief',
        needs: 'none',
        input: z.object({
          country: z.string().optional(),
          admin1: z.string().optional(),
          from: z.string().optional(),
          to: z.string().optional(),
          lang: z.string().optional(),
          format: z.string(),
        }),
        run: async (_ctx: unknown, input: { format: string }) => ({
          format: input.format,
          content: input.format === 'md' ? '# Brief\n' : '<html><body>brief</body></html>',
        }),
      }),
    },
    call: (name) => ({ via: 'http', name, requester: { name: 'test', roles: ['admin'] } }),
    printPdf: async () => new TextEncoder().encode('%PDF-1.4 test'),
  });
  return a;
}

test('the PDF brief is a download named for its country and period; the HTML brief opens in the page', async () => {
  const pdf = await app().request('/api/brief.pdf?country=South%20Sudan&from=2025-12-01&to=2026-11-30');
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(
    pdf.headers.get('content-disposition'),
    'attachment; filename="tandem-brief-south-sudan-2025-12-01-2026-11-30.pdf"',
  );
  const html = await app().request('/api/brief.html?country=South%20Sudan');
  assert.equal(html.status, 200);
  assert.equal(html.headers.get('content-disposition'), null);
});

test('the Markdown brief is a download named for its country and period, asked of the brief as Markdown', async () => {
  const md = await app().request('/api/brief.md?country=South%20Sudan&from=2025-12-01&to=2026-11-30&lang=fr');
  assert.equal(md.status, 200);
  assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
  assert.equal(
    md.headers.get('content-disposition'),
    'attachment; filename="tandem-brief-south-sudan-2025-12-01-2026-11-30.md"',
  );
  assert.equal(await md.text(), '# Brief\n');
});

test("the brief's file name is ASCII, names the area when there is one, and leaves out what is not given", () => {
  const name = (q: string) => briefFileName(scopeOf(new URLSearchParams(q)));
  assert.equal(
    name('country=Côte d’Ivoire&admin1=Bas-Sassandra&from=2026-01-01&to=2026-06-30'),
    'tandem-brief-cote-d-ivoire-bas-sassandra-2026-01-01-2026-06-30.pdf',
  );
  assert.equal(name('country=Orvania (fictional)'), 'tandem-brief-orvania-fictional.pdf');
  assert.equal(
    name('country=Orvania (fictional)&from=2026-01-01'),
    'tandem-brief-orvania-fictional-from-2026-01-01.pdf',
  );
  assert.equal(name('country=السودان&to=2026-06-30'), 'tandem-brief-to-2026-06-30.pdf');
  assert.equal(name('country=a"b\r\nc'), 'tandem-brief-a-b-c.pdf', 'nothing that would break the header');
  assert.equal(name(''), 'tandem-brief.pdf');
});

test("an export's file name says its place, period and format", () => {
  const scope = { country: 'Mali', admin1: 'Ségou', from: '2026-01-01', to: '2026-06-30' };
  assert.equal(exportFileName('csv', scope), 'tandem-events-mali-segou-2026-01-01-2026-06-30.csv');
  assert.equal(exportFileName('hxl', scope), 'tandem-events-mali-segou-2026-01-01-2026-06-30-hxl.csv');
  assert.equal(exportFileName('geojson', { country: 'Mali' }), 'tandem-events-mali.geojson');
});
