import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadActorList } from '../src/app/actor-list.ts';
import { importEvents } from '../src/app/import-events.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

const small = new URL('./fixtures/actors/ucdp-actors-small.csv', import.meta.url).pathname;
const actorList = sharedData('ucdp-actors/ucdp-actor-221.csv');
const ged = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');

for (const dialect of DIALECTS) {
  describe(`UCDP actor list (${dialect.name})`, { skip: dialect.skip }, () => {
    test("each actor takes UCDP's category and other names; bad rows are set aside with their line", async () => {
      const { store, drop } = await dialect.open();
      try {
        const r = await loadActorList(store, small);
        assert.equal(r.actors, 5);
        assert.equal(r.added, 5);
        assert.deepEqual(
          r.problems.map((p) => [p.line, p.field, p.column]),
          [
            [7, 'NameData', 2],
            [8, 'Org', 7],
          ],
        );
        assert.match(r.problems[1]!.reason, /"9" is not one of 1, 2, 3, 4/);
        const rows = await store.db.selectFrom('actors').selectAll().orderBy('name').execute();
        const by = new Map(rows.map((a) => [a.name, a]));
        assert.equal(by.get('Front for the Hills')?.category, 'rebel-group');
        assert.deepEqual(JSON.parse(by.get('Front for the Hills')!.aliases), [
          'FH',
          'Front pour les\ncollines',
        ]);
        assert.equal(by.get('Supporters of the Blue Party')?.category, 'political-militia');
        assert.equal(by.get('Valley herders')?.category, 'identity-militia');
        // Host state or foreign force depends on where the event is: the importer decides.
        assert.equal(by.get('Government of Norland')?.category, null);
        // One name for two actors in two countries, and no events to tell which is meant here:
        // the category they share, but neither one's other names.
        assert.equal(by.get('UPC')?.category, 'rebel-group');
        assert.equal(by.get('UPC')?.aliases, '');

        const again = await loadActorList(store, small);
        assert.equal(again.added, 0);
        assert.equal((await store.db.selectFrom('actors').selectAll().execute()).length, 5);
      } finally {
        await drop();
      }
    });

    test('after loading the UCDP list, GED perpetrators known only from one-sided events have their category', {
      skip: actorList.skip || ged.skip,
    }, async () => {
      const { store, drop } = await dialect.open();
      try {
        await importEvents(store, [ged.path]);
        const category = async (name: string) =>
          (await store.db.selectFrom('actors').select('category').where('name', '=', name).executeTakeFirst())
            ?.category;
        assert.equal(await category('Christians (CAR)'), null);
        const r = await loadActorList(store, actorList.path);
        assert.ok(r.categorised > 0);
        assert.equal(await category('Christians (CAR)'), 'identity-militia');
        assert.equal(await category('3R'), 'rebel-group');
        // The importer's judgement on governments stands: Uganda's army in CAR is a foreign force.
        assert.equal(await category('Government of Uganda'), 'external-forces');
        assert.equal(await category('Government of Central African Republic'), 'state-forces');
        // "UPC" names three UCDP actors; the one in CAR is the one with events here.
        const upc = await store.db
          .selectFrom('actors')
          .select('aliases')
          .where('name', '=', 'UPC')
          .executeTakeFirst();
        assert.ok(JSON.parse(upc!.aliases).includes('Union pour la Paix en Centrafrique'));
        assert.ok(!JSON.parse(upc!.aliases).includes('Union des populations camerounaises'));
      } finally {
        await drop();
      }
    });
  });
}

test('`tandem actors load` writes to the store its flags name and refuses a file that is not an actor list', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'tandem-actors-')), 'a.db');
  const ok = await runCli(['actors', 'load', small, '--db', db, '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).added, 5);
  const notList = new URL('./fixtures/good/acled-old-format.csv', import.meta.url).pathname;
  const bad = await runCli(['actors', 'load', notList, '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(
    bad.stderr,
    /acled-old-format\.csv:1: not a UCDP actor list: no ActorId, NameData, Org columns/,
  );
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
});
