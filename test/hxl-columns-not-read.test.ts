import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Papa from 'papaparse';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-hxl-unread-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A protection partner's incident sheet: who reported each incident is a bare #org, and it counts
// the injured, for which Tandem has no field. Its year column restates the date.
const SHEET = [
  'Date,Year,Country,Region,Type,Perpetrator,Killed,Injured,Reported by,Sector',
  '#date,#date+year,#country+name,#adm1+name,#event+type,#group+name+first,#affected+killed,#affected+injured,#org,#sector',
  '2024-03-02,2024,Mali,Mopti,Violence against civilians,Unidentified armed group,2,5,Partner A,Protection',
  '2024-03-04,2024,Mali,Ségou,Battles,Unidentified armed group,0,1,Partner B,Protection',
  '',
].join('\n');

test('an HXL sheet’s bare #org is the source of its rows, and the columns Tandem has no field for are named', async () => {
  const file = join(dir, 'partner.csv');
  writeFileSync(file, SHEET);
  const db = join(dir, 'partner.db');
  const imported = await runCli(['import', file, '--db', db, '--json']);
  assert.equal(imported.code, 0, imported.stderr);
  const [result] = (
    JSON.parse(imported.stdout) as { files: { imported: number; columnsNotRead?: string[] }[] }
  ).files;
  assert.equal(result?.imported, 2);
  // Named as the sheet names them, its own title beside the hashtag; the year is not news.
  assert.deepEqual(result?.columnsNotRead, ['#affected+injured (Injured)', '#sector (Sector)']);

  const text = await runCli(['import', file, '--db', join(dir, 'again.db')]);
  assert.match(
    text.stdout,
    /columns Tandem has no field for, so nothing of them was stored: #affected\+injured \(Injured\), #sector \(Sector\)\./,
  );

  const out = join(dir, 'out.csv');
  assert.equal((await runCli(['export', '--format', 'csv', '--out', out, '--db', db])).code, 0);
  const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  assert.deepEqual(rows.map((r) => r.source_text).sort(), ['Partner A', 'Partner B']);
});

test('a sheet whose every column is read says nothing more', async () => {
  const file = join(dir, 'plain.csv');
  writeFileSync(
    file,
    [
      '#date,#country+name,#event+type,#affected+killed,#meta+source',
      '2024-03-02,Mali,Battles,1,Radio',
      '',
    ].join('\n'),
  );
  const r = await runCli(['import', file, '--db', join(dir, 'plain.db'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    (JSON.parse(r.stdout) as { files: { columnsNotRead?: string[] }[] }).files[0]?.columnsNotRead,
    undefined,
  );
});
