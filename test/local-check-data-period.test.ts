import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { localProcessSection } from '../src/reports/local-process-brief.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';

/**
 * A local process whose window before or after reaches outside the period the country's events
 * cover is not counted: its "before" would be 0 for want of data, not for want of violence, and its
 * change a rise that the data cannot show. (The DR Congo probe held PA-X Local agreements of 2015
 * and August 2020 against events from 2021, and the check answered `before: 0`, `change: +1`.)
 * The events of testland-events.csv run from July 2020 to September 2021.
 */

const fixture = (name: string) => new URL(`fixtures/local/${name}`, import.meta.url).pathname;

const process = (id: string, date: string) => `  - id: ${id}
    name: Port Lake accord of ${date}
    kind: arrangement
    date: ${date}
    country: Testland
    admin1: Lakeside
    place: Port Lake
    latitude: 7.5
    longitude: 30.25
    parties: [Military Forces of Testland (2019-), Testland Liberation Front]
    office: Port Lake
    status: signed
    nationalLink: direct
`;

const PROCESSES = `processes:
${process('accord-2015', '2015-12-10')}${process('accord-2020-12', '2020-12-01')}${process('accord-2021-03', '2021-03-01')}${process('accord-2021-08', '2021-08-01')}`;

interface Checked {
  id: string;
  before: { events: number };
  after: { events: number };
  change: number;
  countsUnavailable: string | null;
  findings: { kind: string }[];
}

for (const dialect of DIALECTS) {
  describe(`local check outside the period of the event data, on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let flags: string[];
    let drop: () => Promise<void>;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-local-period-'));
    const cli = (args: string[]) => runCli([...args, ...flags]);
    const check = async (extra: string[] = []) => {
      const r = await cli(['local', 'check', '--country', 'Testland', ...extra]);
      assert.equal(r.code, 0, r.stderr);
      return r;
    };

    before(async () => {
      ({ flags, drop } = await dialect.open());
      const file = join(dir, 'processes.yaml');
      writeFileSync(file, PROCESSES);
      assert.equal((await cli(['import', fixture('testland-events.csv')])).code, 0);
      const imported = await cli(['local', 'import', file]);
      assert.equal(imported.code, 0, imported.stderr);
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a window before the first month or after the last month of the data is no count', async () => {
      const json = JSON.parse((await check(['--json'])).stdout);
      const p = new Map((json.processes as Checked[]).map((x) => [x.id, x]));
      // Wholly before the data; partly before (its after window holds four events by the parties,
      // against one in the part of its before window the data cover); after window past the end.
      for (const id of ['accord-2015', 'accord-2020-12', 'accord-2021-08'])
        assert.equal(p.get(id)?.countsUnavailable, 'outside-data-period', id);
      assert.equal(p.get('accord-2021-03')?.countsUnavailable, null);
      assert.deepEqual(
        [p.get('accord-2021-03')?.before.events, p.get('accord-2021-03')?.after.events],
        [1, 2],
      );
      // No rise is read from counts that are not counts, and no "breaking down" either.
      const december = p.get('accord-2020-12')!;
      assert.ok(
        december.after.events > december.before.events,
        'the events found are kept, with their evidence',
      );
      assert.equal(december.change, 0);
      assert.ok(!december.findings.some((f) => f.kind === 'breaking-down'));
      assert.ok(p.get('accord-2021-03')!.findings.some((f) => f.kind === 'breaking-down'));
      assert.deepEqual(json.notes, [
        'local processes whose window before or after reaches outside the period of the event data (2020-07-01 to 2021-09-30), so events and deaths before and after them could not be compared (a shorter window, --window-days or windowDays, may fit in it): accord-2015, accord-2020-12, accord-2021-08',
      ]);
    });

    test('the table shows "–" for them, with the note, in English and in French', async () => {
      const text = (await check()).stdout;
      const row = (id: string) => text.split('\n').find((l) => l.startsWith(id)) ?? '';
      assert.match(row('accord-2015'), /^accord-2015\s+2015-12-10\s+–\s+–\s+–\s+–(\s|$)/);
      assert.match(row('accord-2020-12'), /^accord-2020-12\s+2020-12-01\s+–\s+–\s+–\s+–(\s|$)/);
      assert.match(row('accord-2021-03'), /^accord-2021-03\s+2021-03-01\s+1\s+2\s/);
      assert.match(text, /\n {2}- local processes whose window .* \(2020-07-01 to 2021-09-30\)/);
      const fr = (await check(['--lang', 'fr'])).stdout;
      assert.match(
        fr,
        /sort de la période couverte par les données d’événements \(du 1er juil\. 2020 au 30 sept\. 2021\)/,
      );
    });

    test('the brief leaves them out of its figures and says why', async () => {
      const json = JSON.parse((await check(['--json'])).stdout);
      const section = localProcessSection(json);
      const text = JSON.stringify(section);
      assert.match(text, /Violence around 3 of these 4 processes could not be counted/);
      assert.match(text, /outside the period of the event data/);
    });
  });
}
