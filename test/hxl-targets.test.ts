import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-hxl-targets-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A partner's sheet names the people harmed as the second actor ("Women (Sudan)"), where ACLED
// writes "Civilians (Sudan)" and lists the group beside it, or in a targets column.
const SHEET = [
  'id,date,country,admin1,type,perpetrator,victims,targets,killed',
  '#event+id,#date,#country+name,#adm1+name,#event+type,#group+name+first,#group+name+second,#group+name+targets,#affected+killed',
  'H1,2024-02-01,Sudan,West Darfur,Violence against civilians,Militia X,Women (Sudan),,2',
  'H2,2024-02-03,Sudan,West Darfur,Violence against civilians,Militia X,Masalit Ethnic Group (Sudan),,9',
  'H3,2024-02-05,Sudan,West Darfur,Violence against civilians,Militia X,Civilians (Sudan),Aid Workers (Sudan); Women (Sudan),1',
  'H4,2024-02-06,Sudan,West Darfur,Violence against civilians,Militia X,Civils (Soudan),,1',
  'H5,2024-02-07,Sudan,West Darfur,Protests,Protesters (Sudan),Women (Sudan),,0',
].join('\n');

test('a partner sheet’s victims are its targets: the groups named as the second actor or listed', async () => {
  const file = join(dir, 'partner.csv');
  writeFileSync(file, `${SHEET}\n`);
  const db = join(dir, 'partner.db');
  assert.equal((await runCli(['import', file, '--db', db])).code, 0);
  const r = await runCli(['summary', '--by', 'target', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const rows = (JSON.parse(r.stdout) as { rows: { key: string; events: number; fatalities: number }[] }).rows;
  const by = Object.fromEntries(rows.map((x) => [x.key, [x.events, x.fatalities]]));
  assert.deepEqual(by['Women (Sudan)'], [2, 3], r.stdout);
  assert.deepEqual(by['Masalit Ethnic Group (Sudan)'], [1, 9], r.stdout);
  assert.deepEqual(by['Aid Workers (Sudan)'], [1, 1], r.stdout);
  // Civilians in general name no group; a protest harms no one.
  assert.equal(by['Civils (Soudan)'], undefined, r.stdout);
});

test('a bare #group+name is the population group harmed, never the perpetrator', async () => {
  const file = join(dir, 'groups.csv');
  writeFileSync(
    file,
    [
      'Incident date,Country,Region,Type,Affected group,Killed',
      '#date+occurred,#country+name,#adm1+name,#event+type,#group+name,#affected+killed',
      '2023-05-11,Mali,Ségou,Violence against civilians,Peulh community,1',
      '2023-05-12,Mali,Mopti,Violence against civilians,IDPs,3',
      '',
    ].join('\n'),
  );
  const db = join(dir, 'groups.db');
  assert.equal((await runCli(['import', file, '--db', db])).code, 0);
  const targets = await runCli(['summary', '--by', 'target', '--json', '--db', db]);
  const rows = (JSON.parse(targets.stdout) as { rows: { key: string; events: number }[] }).rows;
  assert.deepEqual(rows.map((x) => [x.key, x.events]).sort(), [
    ['IDPs', 1],
    ['Peulh community', 1],
  ]);
  // No column names a perpetrator: there is none to list.
  const actors = await runCli(['actors', '--country', 'Mali', '--json', '--db', db]);
  assert.equal(actors.code, 0, actors.stderr);
  assert.deepEqual(JSON.parse(actors.stdout), { actors: [] });
});

test('civilians named only in the targets column of an explosion or a clash are its target (held-out probe: 7 of 20 IED and mortar rows were not)', async () => {
  const file = join(dir, 'ied.csv');
  writeFileSync(
    file,
    [
      'id,date,country,admin1,type,perpetrator,victims,killed',
      '#event+id,#date,#country+name,#adm1+name,#event+type,#group+name+first,#group+name,#affected+killed',
      'S1,2023-01-04,Somalia,Banadir,IED explosion,Al Shabaab,Civilians,6',
      'S2,2023-01-09,Somalia,Banadir,Mortar attack,Al Shabaab,Civilians (Somalia),2',
      'S3,2023-01-12,Somalia,Banadir,IED explosion,Al Shabaab,,1',
      'S4,2023-01-15,Somalia,Banadir,Armed clash,Al Shabaab,Aid workers,0',
    ].join('\n'),
  );
  const db = join(dir, 'ied.db');
  assert.equal((await runCli(['import', file, '--db', db])).code, 0);
  const r = await runCli(['summary', '--by', 'country', '--json', '--db', db]);
  const row = (JSON.parse(r.stdout) as { rows: { events: number; civilianTargetingEvents: number }[] })
    .rows[0]!;
  // S1 and S2 target civilians; S3 names no one; aid workers in a clash are not civilians in general.
  assert.deepEqual([row.events, row.civilianTargetingEvents], [4, 2]);
});
