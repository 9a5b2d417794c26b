import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadActorList } from '../src/app/actor-list.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
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
        await importFiles(store, [ged.path]);
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

    test("events take the register's coding too, and the aggregates move with them", {
      skip: actorList.skip || ged.skip,
    }, async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [ged.path]);
        const totals = async () =>
          (await summarizeEvents(store.db, 'actor-category', {})).rows.reduce(
            (t, r) => ({ events: t.events + r.events, fatalities: t.fatalities + r.fatalities }),
            { events: 0, fatalities: 0 },
          );
        const before = await totals();
        const r = await loadActorList(store, actorList.path);
        assert.ok(r.eventsCategorised > 100, `${r.eventsCategorised} events categorised`);
        const christians = await store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('actor1', '=', 'Christians (CAR)')
          .where('actor1_category', '=', 'identity-militia')
          .executeTakeFirstOrThrow();
        assert.ok(Number(christians.n) > 0);
        // Governments keep the importer's category: a name does not say which country's it is.
        const govNull = await store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('actor1', 'like', 'Government of %')
          .where('actor1_category', 'is', null)
          .executeTakeFirstOrThrow();
        assert.equal(Number(govNull.n), 0);
        assert.deepEqual(await totals(), before, 'no event gained or lost');
        // The aggregate table agrees with a count over the events themselves.
        const stored = await store.db
          .selectFrom('event_counts')
          .select((eb) => ['actor_category', eb.fn.sum<number>('events').as('n')])
          .groupBy('actor_category')
          .execute();
        const counted = await store.db
          .selectFrom('events')
          .select((eb) => [
            eb.fn.coalesce('actor1_category', sql<string>`''`).as('actor_category'),
            eb.fn.countAll<number>().as('n'),
          ])
          .groupBy('actor1_category')
          .execute();
        const asMap = (rows: { actor_category: string | null; n: number | string }[]) =>
          new Map(rows.map((x) => [x.actor_category ?? '', Number(x.n)]));
        assert.deepEqual(asMap(stored), asMap(counted));
        assert.ok((asMap(stored).get('identity-militia') ?? 0) > 0);
        // Loading again changes nothing more.
        assert.equal((await loadActorList(store, actorList.path)).eventsCategorised, 0);
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

test('a GED file imported after the actor list takes its coding at once', {
  skip: actorList.skip || ged.skip,
}, async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'tandem-actors-')), 'a.db');
  assert.equal((await runCli(['actors', 'load', actorList.path, '--db', db])).code, 0);
  const imp = await runCli(['import', ged.path, '--db', db, '--json']);
  assert.equal(imp.code, 0, imp.stderr);
  assert.deepEqual(Object.keys(JSON.parse(imp.stdout)), ['files'], 'the import contract is unchanged');
  const s = await runCli(['summary', '--by', 'actor-category', '--db', db, '--json']);
  const rows = JSON.parse(s.stdout).rows as { key: string; events: number }[];
  assert.ok(
    rows.some((r) => r.key === 'identity-militia' && r.events > 0),
    s.stdout,
  );
  assert.equal(
    rows.reduce((n, r) => n + r.events, 0),
    1848,
  );
});
