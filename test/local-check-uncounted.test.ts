import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';

/**
 * `tandem local check` never shows a count it could not make as 0: with no events for the country
 * in the store, or around a process with no usable location (0, 0), the counts are said to be
 * unavailable (`countsUnavailable`, a note, "–" in the table), in English and in French. And the
 * French table and the French inclusion lines of `negotiation check` read as French.
 */

const fixture = (name: string) => new URL(`fixtures/local/${name}`, import.meta.url).pathname;

interface Checked {
  id: string;
  before: { events: number };
  after: { events: number };
  countsUnavailable: string | null;
}

for (const dialect of DIALECTS) {
  describe(`local check without counts on ${dialect.name}`, { skip: dialect.skip }, () => {
    let flags: string[];
    let drop: () => Promise<void>;
    const cli = (args: string[]) => runCli([...args, ...flags]);
    const check = async (extra: string[] = []) => {
      const r = await cli(['local', 'check', '--country', 'Testland', ...extra]);
      assert.equal(r.code, 0, r.stderr);
      return r;
    };
    const byId = (json: { processes: Checked[] }) => new Map(json.processes.map((p) => [p.id, p]));

    before(async () => {
      ({ flags, drop } = await dialect.open());
      for (const f of ['mission-local-processes.yaml', 'null-island.yaml'])
        assert.equal((await cli(['local', 'import', fixture(f)])).code, 0);
    });
    after(async () => {
      await drop();
    });

    test('no events for the country: every count is unavailable, said in a note, shown as "–"', async () => {
      const json = JSON.parse((await check(['--json'])).stdout);
      assert.equal(json.eventDataForCountry, false);
      const p = byId(json);
      assert.equal(p.get('lakeside-grazing')?.countsUnavailable, 'no-event-data');
      assert.equal(p.get('hillside-committee')?.countsUnavailable, 'no-event-data');
      // (0, 0) is no place, whatever the store holds.
      assert.equal(p.get('lost-place-dialogue')?.countsUnavailable, 'no-location');
      // The contract's fields are all still there.
      for (const x of json.processes) assert.deepEqual([x.before.events, x.after.events], [0, 0]);
      assert.deepEqual(json.notes, [
        'no events for Testland in the store: events and deaths before and after each local process could not be counted (import event data first)',
        'local processes with no usable location (coordinates 0, 0: a missing location, not a place), so events and deaths around them could not be counted: lost-place-dialogue',
      ]);

      const text = (await check()).stdout;
      const row = (id: string) => text.split('\n').find((l) => l.startsWith(id)) ?? '';
      assert.match(row('lakeside-grazing'), /^lakeside-grazing\s+2021-03-01\s+–\s+–\s+–\s+–\s/);
      assert.match(row('lost-place-dialogue'), /^lost-place-dialogue\s+2021-03-01\s+–\s+–\s+–\s+–$/);
      assert.match(text, /\nnotes:\n {2}- no events for Testland in the store: /);
      assert.match(text, /\n {2}- local processes with no usable location .*: lost-place-dialogue\n/);

      const fr = (await check(['--lang', 'fr'])).stdout;
      assert.match(fr, /\nid +date +avant +après +morts avant +morts après +constats\n/);
      assert.doesNotMatch(fr, /before|after|deaths|findings/);
      assert.match(fr, /\nnotes\u00a0:\n {2}- aucun événement pour Testland dans la base\u00a0: /);
      assert.match(fr, /processus locaux sans emplacement utilisable .*\u00a0: lost-place-dialogue\n/);
    });

    test('with events for the country, counts are counts again; the process at (0, 0) is still not counted', async () => {
      assert.equal((await cli(['import', fixture('testland-events.csv')])).code, 0);
      const json = JSON.parse((await check(['--json'])).stdout);
      assert.equal(json.eventDataForCountry, true);
      const p = byId(json);
      const lake = p.get('lakeside-grazing')!;
      assert.equal(lake.countsUnavailable, null);
      assert.deepEqual([lake.before.events, lake.after.events], [1, 2]);
      assert.equal(p.get('hillside-committee')?.countsUnavailable, null);
      assert.equal(p.get('lost-place-dialogue')?.countsUnavailable, 'no-location');
      assert.equal(json.notes.length, 1);
      assert.match(json.notes[0], /no usable location .*: lost-place-dialogue$/);
      const text = (await check()).stdout;
      assert.match(text, /\nlakeside-grazing\s+2021-03-01\s+1\s+2\s+3\s+6\s/);
    });
  });
}

describe('negotiation check in French', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-nego-fr-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('each delegation line has a decimal comma and a no-break space before the colon; English unchanged', async () => {
    const file = new URL('fixtures/negotiations/hand-checked-talks.yaml', import.meta.url).pathname;
    const db = ['--db', ':memory:'];
    const fr = await runCli(['negotiation', 'check', file, '--lang', 'fr', ...db]);
    assert.equal(fr.code, 0, fr.stderr);
    assert.match(fr.stdout, /\n {2}cycle R1 {2}GOV\u00a0: 1\/10 \(0,1\) {2}SOUS le quota de 0,3\n/);
    assert.match(fr.stdout, /\n {2}cycle R1 {2}IO\u00a0: 2\/3 \(0,667\) {2}quota atteint\n/);
    const en = await runCli(['negotiation', 'check', file, ...db]);
    assert.match(en.stdout, /\n {2}round R1 {2}GOV: 1\/10 \(0\.1\) {2}BELOW quota 0\.3\n/);
  });
});
