import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

// A partner's sheet that gives deaths only by sex or age, with no column of all deaths.
const dir = mkdtempSync(join(tmpdir(), 'tandem-hxl-deaths-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sheet = (titles: string, tags: string, rows: string[]) => {
  const file = join(dir, `sheet-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(
    file,
    [
      `Date,Country,Department,Type,${titles}`,
      `#date+occurred,#country+name,#adm1+name,#event+type,${tags}`,
      ...rows.map((r, i) => `2024-02-0${i + 1},Haiti,Ouest,Violence against civilians,${r}`),
      '',
    ].join('\n'),
  );
  return file;
};

const deathsIn = async (file: string) => {
  const db = join(dir, `${Math.random().toString(36).slice(2)}.db`);
  const imported = await runCli(['import', file, '--db', db]);
  assert.equal(imported.code, 0, imported.stderr);
  const r = await runCli(['summary', '--by', 'admin1', '--json', '--db', db]);
  return (JSON.parse(r.stdout) as { rows: { fatalities: number }[] }).rows[0]?.fatalities;
};

test('deaths given as women, men and children (titles say so) are their sum, an empty part none', async () => {
  const file = sheet(
    'Killed - women,Killed - men,Killed - children',
    '#affected+killed+f,#affected+killed+m,#affected+killed+children',
    ['2,3,1', '0,,4'],
  );
  assert.equal(await deathsIn(file), 10);
});

test('deaths tagged as parts that cannot overlap are summed without titles', async () => {
  const file = sheet(
    'a,b,c',
    '#affected+killed+f+adults,#affected+killed+m+adults,#affected+killed+children',
    ['1,1,1'],
  );
  assert.equal(await deathsIn(file), 3);
});

test('a sheet whose parts may overlap, or that gives one group only, is refused naming the columns', async () => {
  const overlapping = sheet(
    'Female,Male,Under 18',
    '#affected+killed+f,#affected+killed+m,#affected+killed+children',
    ['2,3,1'],
  );
  const r = await runCli(['import', overlapping, '--db', join(dir, 'refused.db')]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /#affected\+killed\+f \("Female"\) and #affected\+killed\+children \("Under 18"\) may count the same people/,
  );
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const one = sheet('Women killed', '#affected+killed+f', ['2']);
  const r1 = await runCli(['import', one, '--db', join(dir, 'refused1.db')]);
  assert.equal(r1.code, 2);
  assert.match(r1.stderr, /counts one group's deaths, not all of them/);
});

test('a column of all deaths is read as before, beside its breakdown', async () => {
  const file = sheet('Killed,Killed - women', '#affected+killed,#affected+killed+f', ['7,2']);
  assert.equal(await deathsIn(file), 7);
});
