import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

const DRAFT = `Lakeside Local Ceasefire (fictional draft)

Article 1. Cessation of hostilities
1.1 The parties shall cease all attacks on civilians, including sexual violence, and shall refrain from recruiting children.

Article 2. Humanitarian access
2.1 The parties shall allow safe and unimpeded humanitarian access to all areas.
`;

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe('keeping an agreement review, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([{ name: 'Pol Officer', roles: ['political'] }]);
  });
  after(async () => w?.close());

  test('a review is downloaded as Markdown or HTML, and an uploaded text is saved to the corpus', async () => {
    const { page } = w;
    await w.signIn('Pol Officer');
    await page.goto(w.url('#/agreements'));
    await page.getByRole('button', { name: 'Download review (Markdown)' }).waitFor();
    const stored = await download(page, 'Download review (Markdown)');
    assert.match(stored.name, /-poc-review\.md$/);
    assert.match(stored.text, /^# /m);

    const before = (await w.store.db.selectFrom('agreements').select('id').execute()).length;
    const file = join(w.dir, 'lakeside-ceasefire.txt');
    writeFileSync(file, DRAFT);
    await page.setInputFiles('input[type=file][accept*=".txt"]', file);
    await page.getByRole('heading', { name: /Lakeside Local Ceasefire/ }).waitFor();
    const html = await download(page, 'Download review (HTML)');
    assert.equal(html.name, 'lakeside-local-ceasefire-fictional-draft-poc-review.html');
    assert.match(html.text, /<h1[^>]*>[^<]*Lakeside Local Ceasefire/);
    await page.getByRole('button', { name: 'Save to the corpus of agreements' }).click();
    await page.getByText(/Saved to the corpus as "Lakeside Local Ceasefire/).waitFor();
    const after = await w.store.db.selectFrom('agreements').select('title').execute();
    assert.equal(after.length, before + 1);
    assert.ok(after.some((a) => a.title.startsWith('Lakeside Local Ceasefire')));
    // The corpus list offers it at once.
    await page
      .locator('select option', { hasText: 'Lakeside Local Ceasefire' })
      .waitFor({ state: 'attached' });
    await w.shots('agreement-review-keep');
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
