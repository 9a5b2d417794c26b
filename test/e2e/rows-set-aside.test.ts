import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { evidenceOperations } from '../../src/app/evidence-operations.ts';
import { browserSkip, openWorkbenchSession, ROOT, type WorkbenchSession } from './workbench-session.ts';

const SECRET = 'Informant at the Kessa ford named the convoy commander';

describe('rows set aside, seen and downloaded in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Ana Poc', roles: ['poc'] },
      { name: 'Vic Viewer', roles: ['viewer'] },
    ]);
    // A restricted field report with one good row and one whose fatalities cannot be read.
    const good = readFileSync(join(ROOT, 'test/fixtures/bad/fatalities-not-a-number.csv'), 'utf8').split(
      '\n',
    );
    const header = good[0]!;
    const row = good[1]!.replace(',many,', ',2,');
    const bad = good[1]!
      .replace('1001,', '=1+1,')
      .replace('TST1,1,', 'TST2,2,')
      .replace('Soldiers raided a village; two people were killed.', `=HYPERLINK("x") ${SECRET}`);
    const file = join(w.dir, 'field-report.csv');
    writeFileSync(file, `${header}\n${row}\n${bad}\n`);
    const r = await evidenceOperations.importFiles.run(
      { store: w.store, requester: { name: 'importer', roles: ['admin'] } },
      { paths: [file], format: 'auto', sensitivity: 'restricted' },
    );
    assert.deepEqual([r.files[0]!.imported, r.files[0]!.rejected], [1, 1]);
  });
  after(async () => w?.close());

  const downloaded = async () => {
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'tandem-set-aside.csv');
    return readFileSync((await download.path())!, 'utf8');
  };

  test('a POC analyst reads and downloads the row; a viewer sees where and why, never its text', async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    await page.goto(w.url('#/'));
    await page.getByRole('link', { name: 'Set aside' }).click();
    const cell = page.locator('tr', { hasText: 'field-report.csv' }).first();
    await cell.waitFor();
    assert.match((await cell.textContent()) ?? '', /fatalities/i);
    assert.match((await cell.textContent()) ?? '', new RegExp(SECRET));
    const csv = await downloaded();
    assert.match(csv, /^\ufefffile,line,column,field,reason,sensitivity,importedAt,raw\r\n/);
    assert.ok(csv.includes(SECRET), 'the cleared analyst gets the row in the file');
    // The row begins with "=1+1": opened in a spreadsheet, no cell may start a formula.
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.flat();
    assert.ok(
      cells.some((c) => c.startsWith("'=1+1")),
      'the formula cell is escaped',
    );
    assert.deepEqual(
      cells.filter((c) => /^[=+\-@]/.test(c)),
      [],
      'a cell would run as a formula',
    );
    await w.shots('rows-set-aside');

    await w.signIn('Vic Viewer');
    await page.goto(w.url('#/problems?file=field-report'));
    await page.locator('tr', { hasText: 'field-report.csv' }).first().waitFor();
    const content = await page.content();
    assert.ok(!content.includes(SECRET), 'the viewer read the withheld text');
    assert.match(content, /withheld: above your clearance or need-to-know/);
    const viewerCsv = await downloaded();
    assert.ok(!viewerCsv.includes(SECRET), 'the viewer downloaded the withheld text');
    assert.match(viewerCsv, /field-report\.csv/);

    const reads = await w.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('record_kind', '=', 'problem')
      .execute();
    assert.ok(
      reads.some((r) => r.actor === 'Ana Poc' && r.action === 'released'),
      JSON.stringify(reads),
    );
    assert.ok(
      reads.some((r) => r.actor === 'Vic Viewer' && r.action === 'withheld'),
      JSON.stringify(reads),
    );
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
