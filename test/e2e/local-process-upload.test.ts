import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

const FILE = `processes:
  - id: ithel-market-committee
    name: Ithel market peace committee (fictional)
    kind: committee
    date: 2026-02-01
    country: Orvania (fictional)
    place: Ithel
    latitude: -4.4
    longitude: -21.2
    parties: [Kessa Liberation Front (KLF), traders' association]
    office: fo-kessa
    status: holding
    nationalLink: none
`;

describe('local processes loaded on their page, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([{ name: 'Fo Kessa', roles: ['poc'], offices: ['fo-kessa'] }]);
  });
  after(async () => w?.close());

  test('a field office loads its own file of local processes without the command line', async () => {
    const { page } = w;
    await w.signIn('Fo Kessa');
    await page.goto(w.url('#/local'));
    const rows = page.locator('table.local-list tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    const file = join(w.dir, 'ithel.yaml');
    writeFileSync(file, FILE);
    await page.setInputFiles('.file-upload input[type=file]', file);
    await page.getByText('ithel.yaml: 1 new, 0 updated, 0 unchanged, 0 set aside.').waitFor();
    await page.locator('table.local-list tbody tr', { hasText: 'Ithel market peace committee' }).waitFor();
    assert.equal(await rows.count(), before + 1);
    // The same file again changes nothing, and says so.
    await page.setInputFiles('.file-upload input[type=file]', file);
    await page.getByText('ithel.yaml: 0 new, 0 updated, 1 unchanged, 0 set aside.').waitFor();
    await page.locator('.file-upload').scrollIntoViewIfNeeded();
    await w.shots('local-process-upload');
    assert.deepEqual(w.errors, []);
  });
});
