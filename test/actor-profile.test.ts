import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { canRead } from '../src/app/access-control.ts';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { generateDemoEvents } from '../src/app/demo/demo-events.ts';
import { eventsAsHxlCsv } from '../src/app/demo/demo-hxl-file.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { toEvent } from '../src/store/event-repository.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importDemoEvents, importFiles } from './import-files.ts';

for (const dialect of DIALECTS) {
  describe(`an actor's profile (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importDemoEvents(store, 11);
    });
    after(() => drop());

    test("its share of the country's attacks on civilians is counted over the events themselves", async () => {
      const actors = await store.db
        .selectFrom('events')
        .select('actor1')
        .where('country', '=', DEMO_COUNTRY)
        .where('civilian_targeting', '=', 1)
        .where('actor1', '<>', '')
        .distinct()
        .execute();
      const all = await store.db
        .selectFrom('events')
        .select(['actor1', 'civilian_targeting'])
        .where('country', '=', DEMO_COUNTRY)
        .execute();
      const total = all.filter((e) => Number(e.civilian_targeting) === 1).length;
      assert.ok(actors.length >= 2 && total > 0);
      for (const { actor1 } of actors) {
        const p = (await runOperation(
          operations.actorProfile,
          { name: actor1, country: DEMO_COUNTRY },
          { via: 'cli', name: 'actorProfile', requester: { name: 'test', roles: ['admin'] }, store },
        )) as { civilianTargetingEvents: number; shareOfAttacksOnCivilians: number | null };
        const own = all.filter((e) => e.actor1 === actor1 && Number(e.civilian_targeting) === 1).length;
        assert.equal(p.civilianTargetingEvents, own, actor1);
        assert.equal(p.shareOfAttacksOnCivilians, own / total, actor1);
      }
    });
  });
}

/**
 * The profile from the aggregates against the profile read from the events themselves, for every
 * actor, as an admin and as a viewer: restricted events naming actors (which the viewer may not
 * count) and events naming one actor on both sides are in the store.
 */
for (const dialect of DIALECTS) {
  describe(`an actor's profile against its events (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importDemoEvents(store, 11);
      const extra = generateDemoEvents({ seed: 12 })
        .slice(0, 40)
        .map((e, i) => ({
          ...e,
          sourceEventId: `R-${i}`,
          // A group that only restricted reports name, and groups named on both sides.
          actor1: i % 5 === 1 ? 'Unnamed Militia of the Hills' : e.actor1,
          actor2: i % 4 === 0 ? e.actor1 : e.actor2,
        }));
      const dir = mkdtempSync(join(tmpdir(), 'tandem-actor-'));
      const file = join(dir, 'restricted.csv');
      writeFileSync(file, eventsAsHxlCsv(extra));
      await importFiles(store, [file], { format: 'hxl', sensitivity: 'restricted' });
      rmSync(dir, { recursive: true, force: true });
    });
    after(() => drop());

    for (const roles of [['admin'], ['viewer']]) {
      test(`every actor, read by ${roles[0]}`, async () => {
        const requester = { name: 'test', roles };
        const all = (await store.db.selectFrom('events').selectAll().execute()).map(toEvent);
        const readable = all.filter((e) => canRead(requester, e.sensitivity));
        const names = [...new Set(all.flatMap((e) => [e.actor1, e.actor2]).filter(Boolean))];
        assert.ok(
          all.some((e) => e.actor1 === e.actor2 && e.actor1 !== ''),
          'both sides',
        );
        let hidden = 0;
        for (const name of names) {
          const own = readable.filter((e) => e.actor1 === name || e.actor2 === name);
          const run = runOperation(
            operations.actorProfile,
            { name, country: DEMO_COUNTRY, limit: 7 },
            { via: 'cli', name: 'actorProfile', requester, store },
          );
          if (!own.length) {
            hidden++;
            await assert.rejects(run, /no event names/);
            continue;
          }
          const p = await run;
          assert.equal(p.events, own.length, name);
          assert.equal(
            p.fatalities,
            own.reduce((s, e) => s + e.fatalities, 0),
            name,
          );
          assert.equal(
            p.civilianTargetingEvents,
            own.filter((e) => e.actor1 === name && e.civilianTargeting).length,
          );
          const areas = new Map<string, number>();
          for (const e of own) areas.set(e.admin1, (areas.get(e.admin1) ?? 0) + 1);
          assert.deepEqual(new Map(p.areas.map((a) => [a.admin1, a.events])), areas, name);
          const newest = [...own]
            .sort((a, b) => b.dateStart.localeCompare(a.dateStart) || b.id - a.id)
            .slice(0, 7);
          assert.deepEqual(
            p.latest.map((e) => e.id),
            newest.map((e) => e.id),
            name,
          );
          const dates = own.map((e) => e.dateStart).sort();
          assert.equal(p.categoriesOverTime[0]!.first, dates[0], name);
          // Runs are of months: in a month that holds two categories, the later run may not hold the
          // month's last event.
          assert.equal(
            p.categoriesOverTime
              .map((r) => r.last)
              .sort()
              .at(-1),
            dates.at(-1),
            name,
          );
          assert.equal(
            p.categoriesOverTime.reduce((s, r) => s + r.events, 0),
            own.length,
            name,
          );
        }
        // The viewer may not count the restricted events: some actors are named only there.
        if (roles[0] === 'viewer') assert.ok(hidden > 0);
      });
    }
  });
}

for (const dialect of DIALECTS) {
  describe(`an actor's categories over time, beside a side (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      // The army acts itself in January and March, and beside a militia (ACLED's associated
      // actor, with no category of its own in that event) in February.
      const [header, row] = readFileSync(
        new URL('./fixtures/good/acled-associated-actors.csv', import.meta.url),
        'utf8',
      ).split('\n');
      const army = 'Military Forces of Mali (2021-)';
      // The row's cells, quoted ones whole (the pattern's last match is the empty one at the end).
      const cells = (line: string) =>
        line
          .match(/("[^"]*"|[^,]*)(,|$)/g)!
          .slice(0, -1)
          .map((c) => c.replace(/,$/, ''));
      const columns = cells(header!);
      const make = (id: string, date: string, actor1: string, assoc: string, inter1: string) => {
        const v = cells(row!);
        const set = (c: string, x: string) => {
          v[columns.indexOf(c)] = x;
        };
        set('event_id_cnty', id);
        set('event_date', date);
        set('actor1', actor1);
        set('assoc_actor_1', assoc);
        set('inter1', inter1);
        return v.join(',');
      };
      const dir = mkdtempSync(join(tmpdir(), 'tandem-actor-beside-'));
      const file = join(dir, 'beside.csv');
      writeFileSync(
        file,
        [
          header,
          make('BES1', '2024-01-05', army, '', 'State forces'),
          make('BES2', '2024-02-05', 'Dozo Communal Militia (Mali)', army, 'Identity militia'),
          make('BES3', '2024-03-05', army, '', 'State forces'),
        ].join('\n'),
      );
      await importFiles(store, [file]);
      rmSync(dir, { recursive: true, force: true });
    });
    after(() => drop());

    test('an event where it acts beside a side breaks no run of its own category', async () => {
      const p = await runOperation(
        operations.actorProfile,
        { name: 'Military Forces of Mali (2021-)', country: 'Mali' },
        { via: 'cli', name: 'actorProfile', requester: { name: 'test', roles: ['admin'] }, store },
      );
      assert.deepEqual(p.categoriesOverTime, [
        { category: 'state-forces', first: '2024-01-05', last: '2024-03-05', events: 2 },
      ]);
      // Its events still count the one beside the militia.
      assert.equal(p.events, 3);
    });
  });
}
