import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadActorPeriods } from '../src/app/actor-periods.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { categoryOn, periodProblems } from '../src/domain/actor-category-period.ts';
import { readActorPeriods } from '../src/sources/actor-period-reader.ts';
import type { Store } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

const acled = sharedData('acled/acled_south_sudan_2011-2015.csv');
const southSudanPeriods = new URL('../data/actor-periods-south-sudan.csv', import.meta.url).pathname;
const MUTINY = 'Mutiny of Military Forces of South Sudan (2011-)';
const dir = mkdtempSync(join(tmpdir(), 'tandem-periods-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// A small ACLED file: one militia leader's men, coded as state forces by the source throughout,
// who attack civilians before and after they leave the army on 2020-03-01.
const FIXTURE_HEADER =
  'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities';
const row = (id: string, date: string, actor1: string, inter1: string) =>
  `${id},${date},2020,1,Violence against civilians,Attack,${actor1},,${inter1},Civilians (Testland),,7,17,Testland,North,,,Town,1,1,1,src,note,1`;
const fixture = file(
  'testland.csv',
  [
    FIXTURE_HEADER,
    row('T1', '2020-01-15', 'Mutiny of Army of Testland', '1'),
    row('T2', '2020-02-29', 'Mutiny of Army of Testland', '1'),
    row('T3', '2020-03-01', 'Mutiny of Army of Testland', '1'),
    row('T4', '2020-04-10', 'Mutiny of Army of Testland', '1'),
    row('T5', '2020-04-11', 'Army of Testland', '1'),
  ].join('\n'),
);
const fixturePeriods = file(
  'testland-periods.csv',
  'actor,category,from,until,note\nMutiny of Army of Testland,state forces,,2020-02-29,still in the army\nMutiny of Army of Testland,2,2020-03-01,,"left the army; named\nby the press as rebels"\n',
);

const badPeriods = file(
  'bad.csv',
  'actor,category,from,until\nX,warlords,,\nY,1,2020-1-1,\nZ,1,,2020-01-31\nZ,2,2020-01-15,\n',
);

async function stateShare(store: Store, country: string) {
  const a = await runOperation(
    operations.analyze,
    { country },
    { via: 'cli', name: 'analyze', requester: { name: 'test', roles: ['admin'] }, store },
  );
  return a.headline;
}

describe('dated actor categories', () => {
  test('an event takes the category of the period that holds on its first day, both ends included', () => {
    const periods = [
      { actor: 'A', category: 'state-forces' as const, from: '', until: '2020-02-29', note: '' },
      { actor: 'A', category: 'rebel-group' as const, from: '2020-03-01', until: '', note: '' },
    ];
    assert.equal(categoryOn(periods, '1999-01-01'), 'state-forces');
    assert.equal(categoryOn(periods, '2020-02-29'), 'state-forces');
    assert.equal(categoryOn(periods, '2020-03-01'), 'rebel-group');
    assert.deepEqual(periodProblems(periods), []);
    assert.match(periodProblems([periods[0]!, { ...periods[1]!, from: '2020-02-01' }])[0]!, /overlaps/);
  });

  test("a bad file's problems are each given with its line and field", async () => {
    const { problems } = await readActorPeriods(badPeriods);
    assert.deepEqual(
      problems.map((p) => [p.line, p.field ?? '']),
      [
        [2, 'category'],
        [3, 'from'],
        [5, ''],
      ],
    );
    // Dates of the right shape that are no day: compared as text, they had moved events all the same.
    const impossible = await readActorPeriods(
      file(
        'impossible.csv',
        'actor,category,from,until\nA,rebel-group,2013-13-01,\nB,rebel-group,,2014-02-30\n',
      ),
    );
    assert.deepEqual(
      impossible.problems.map((p) => [p.line, p.field, p.reason]),
      [
        [2, 'from', '"2013-13-01" is not a day of the calendar written YYYY-MM-DD'],
        [3, 'until', '"2014-02-30" is not a day of the calendar written YYYY-MM-DD'],
      ],
    );
    await assert.rejects(
      readActorPeriods(file('nohead.csv', 'name,kind\nX,1\n')),
      /no actor, category, from, until column/,
    );
  });
});

for (const dialect of DIALECTS) {
  describe(`dated actor categories in the store (${dialect.name})`, { skip: dialect.skip }, () => {
    test("events take their period's category, counts follow, and an import keeps it so", async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [fixture]);
        assert.equal((await stateShare(store, 'Testland')).stateShareOfCivilianTargeting, 1);
        // A bad file is refused whole: nothing stored, no event touched.
        await assert.rejects(loadActorPeriods(store, badPeriods), /nothing loaded; 3 problems/);
        assert.equal((await store.db.selectFrom('actor_category_periods').selectAll().execute()).length, 0);
        const r = await loadActorPeriods(store, fixturePeriods);
        assert.equal(r.eventsRecategorised, 2);
        const cats = await store.db
          .selectFrom('events')
          .select(['source_event_id', 'actor1_category'])
          .orderBy('source_event_id')
          .execute();
        assert.deepEqual(
          cats.map((c) => [c.source_event_id, c.actor1_category]),
          [
            ['T1', 'state-forces'],
            ['T2', 'state-forces'],
            ['T3', 'rebel-group'],
            ['T4', 'rebel-group'],
            ['T5', 'state-forces'],
          ],
        );
        assert.equal((await stateShare(store, 'Testland')).stateShareOfCivilianTargeting, 0.6);
        await assertAggregatesMatchEvents(store, 'after the periods');
        // The importer flags an actor it sees coded as state forces; the periods still decide.
        await importFiles(store, [fixture]);
        const reg = await store.db
          .selectFrom('actors')
          .select(['category', 'is_state'])
          .where('name', '=', 'Mutiny of Army of Testland')
          .executeTakeFirstOrThrow();
        assert.deepEqual([reg.category, Number(reg.is_state)], ['rebel-group', 0]);
        assert.equal((await stateShare(store, 'Testland')).stateShareOfCivilianTargeting, 0.6);
        const profile = await runOperation(
          operations.actorProfile,
          { name: 'Mutiny of Army of Testland' },
          { via: 'cli', name: 'actorProfile', requester: { name: 'test', roles: ['admin'] }, store },
        );
        assert.deepEqual(
          profile.categoriesOverTime.map((c) => [c.category, c.first, c.last, c.events]),
          [
            ['state-forces', '2020-01-15', '2020-02-29', 2],
            ['rebel-group', '2020-03-01', '2020-04-10', 2],
          ],
        );
        assert.equal(profile.categoryPeriods.length, 2);
        assert.match(profile.categoryPeriods[1]!.note, /named\nby the press/);
      } finally {
        await drop();
      }
    });

    test('South Sudan: the mutineers count as state forces only before they became the opposition', {
      skip: acled.skip,
    }, async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [acled.path]);
        const mutiny = () =>
          store.db
            .selectFrom('events')
            .select(['date_start', 'actor1', 'actor1_category', 'actor2_category', 'civilian_targeting'])
            .where((eb) => eb.or([eb('actor1', '=', MUTINY), eb('actor2', '=', MUTINY)]))
            .execute();
        const side = (e: Awaited<ReturnType<typeof mutiny>>[number]) =>
          e.actor1 === MUTINY ? e.actor1_category : e.actor2_category;
        // The evidence: ACLED codes the mutineers as state forces (inter 1) in all 144 events.
        const coded = await mutiny();
        assert.equal(coded.length, 144);
        assert.ok(coded.every((e) => side(e) === 'state-forces'));
        const before = await stateShare(store, 'South Sudan');
        const r = await loadActorPeriods(store, southSudanPeriods);
        const after = await mutiny();
        assert.equal(r.eventsRecategorised, 143);
        for (const e of after)
          assert.equal(side(e), e.date_start <= '2013-12-17' ? 'state-forces' : 'rebel-group', e.date_start);
        assert.equal(after.filter((e) => side(e) === 'state-forces').length, 1);
        // Its twelve attacks on civilians (18 December 2013 on) leave the state forces' share.
        const attacks = after.filter((e) => e.actor1 === MUTINY && Number(e.civilian_targeting) === 1);
        assert.equal(attacks.length, 12);
        const share = await stateShare(store, 'South Sudan');
        assert.equal(share.stateCivilianTargetingEvents, before.stateCivilianTargetingEvents - 12);
        assert.equal(share.stateCivilianTargetingEvents, 294);
        await assertAggregatesMatchEvents(store, 'after the South Sudan periods');
      } finally {
        await drop();
      }
    });
  });
}
