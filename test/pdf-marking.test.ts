import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { CHROMIUM_PATH, PdfPrinter } from '../src/reports/pdf-printer.ts';

// A printed brief's pages are handled one by one: each must say its classification, not only the
// first and the last.
const chromium = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

test('every page of a printed brief carries its marking and its number', { skip: chromium }, async () => {
  const html = `<!doctype html><html><body><p class="marking">RESTRICTED</p>${'<p>A paragraph of the brief, long enough to fill a line of the page.</p>'.repeat(300)}<p class="marking">RESTRICTED</p></body></html>`;
  const printer = new PdfPrinter();
  try {
    const pdf = await printer.print(html);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: false,
    });
    assert.ok(totalPages >= 3, `${totalPages} pages`);
    text.forEach((page, i) => {
      assert.match(page, /RESTRICTED/, `page ${i + 1}`);
      assert.match(page, new RegExp(`${i + 1} / ${totalPages}`), `page ${i + 1}`);
    });
  } finally {
    await printer.close();
  }
});
