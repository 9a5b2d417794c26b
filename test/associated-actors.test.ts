import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { readPerpetrators } from '../src/analysis/perpetrator-queries.ts';
import { proposeThreats } from '../src/analysis/propose-threats.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { ConflictEvent } from '../src/domain/conflict-event.ts';
import { EventExporter, type ExportFormat } from '../src/sources/event-export.ts';
import { COL, eventValues, legacyContentHash } from '../src/store/event-columns.ts';
import { findEvents, type StoredEvent } from '../src/store/event-repository.ts';
import type { Store } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

// A modern ACLED export for Mali in which the army acts with Wagner Group (assoc_actor_1) against
// civilians, once also with Dozo hunters, and Wagner stands with the army (assoc_actor_2) in a battle.
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/good/acled-associated-actors.csv');
const WAGNER = 'Wagner Group';
const ARMY = 'Military Forces of Mali (2021-)';

function ctx(store: Store) {
  return { via: 'cli' as const, name: 'test', requester: { name: 'test', roles: ['admin'] }, store };
}

function exported(events: StoredEvent[], format: ExportFormat): string {
  let out = '';
  const x = new EventExporter(format, (s) => {
    out += s;
  });
  x.start();
  x.add(events);
  x.end();
  return out;
}

const imported = (r: { files: { imported: number; updated: number; unchanged: number }[] }) =>
  r.files.map(({ imported, updated, unchanged }) => ({ imported, updated, unchanged }));

describe('an event without associated actors hashes as before the columns existed', () => {
  // Pinned from the hash code as it was before actor1_associated and actor2_associated: a store's
  // older rows must read as unchanged when their file is imported again.
  const e: ConflictEvent = {
    source: 'acled',
    sourceEventId: 'MLI904',
    dateStart: '2024-05-01',
    dateEnd: '2024-05-01',
    datePrecision: 'day',
    country: 'Mali',
    admin1: 'Mopti',
    admin2: 'Djenne',
    location: 'Djenne',
    latitude: 13.9061,
    longitude: -4.5533,
    geoPrecision: 1,
    violenceType: 'violence-against-civilians',
    eventType: 'Violence against civilians',
    subEventType: 'Attack',
    actor1: 'JNIM: Group for Support of Islam and Muslims',
    actor1Category: 'rebel-group',
    actor2: 'Civilians (Mali)',
    actor2Category: 'civilians',
    civilianTargeting: true,
    civilianTargetingDerived: false,
    fatalities: 3,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    civilianFatalities: null,
    targets: [],
    notes: 'JNIM killed 3 civilians near Djenne.',
    sourceText: 'Local partner',
  };

  test('the current hash and the older MD5 are those the code before the change gave', () => {
    for (const v of [eventValues(e), eventValues({ ...e, actor1Associated: [], actor2Associated: [] })]) {
      assert.equal(v[COL.content_hash], 'v2:1cd1a53cbd79bcb9');
      assert.equal(legacyContentHash(v), '46a9781940fbea81004f82b71e568df3');
    }
  });

  test('naming an associated actor changes the hash, and so does moving a name between columns', () => {
    const hashes = [
      e,
      { ...e, actor1Associated: [WAGNER] },
      { ...e, actor2Associated: [WAGNER] },
      { ...e, targets: [WAGNER] },
    ].map((x) => eventValues(x)[COL.content_hash]);
    assert.equal(new Set(hashes).size, hashes.length);
  });
});

for (const dialect of DIALECTS) {
  describe(`the actors acting with a side (ACLED's associated actors), on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-associated-'));
      const r = await importFiles(store, [FIXTURE]);
      assert.deepEqual(imported(r), [{ imported: 5, updated: 0, unchanged: 0 }]);
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the stored event keeps each side its associated actors; a civilian side its targets', async () => {
      const byId = new Map((await findEvents(store.db)).map((e) => [e.sourceEventId, e]));
      assert.deepEqual(byId.get('MLI901')?.actor1Associated, [WAGNER]);
      assert.deepEqual(byId.get('MLI901')?.actor2Associated, []);
      assert.deepEqual(byId.get('MLI901')?.targets, ['Fulani Ethnic Group (Mali)']);
      assert.deepEqual(byId.get('MLI902')?.actor1Associated, [WAGNER, 'Dozo Communal Militia (Mali)']);
      assert.deepEqual(byId.get('MLI903')?.actor1Associated, []);
      assert.deepEqual(byId.get('MLI903')?.actor2Associated, [WAGNER]);
      assert.deepEqual(byId.get('MLI904')?.actor1Associated, []);
    });

    test('tandem actors lists an associated actor with its events, without borrowing its side’s category', async () => {
      const { actors } = await runOperation(operations.listActors, { country: 'Mali' }, ctx(store));
      const wagner = actors.find((a) => a.name === WAGNER);
      assert.ok(wagner, 'Wagner Group is listed');
      // Two attacks on civilians with the army, one battle beside it.
      assert.equal(wagner.events, 3);
      assert.equal(wagner.fatalities, 12 + 8 + 5);
      // Acting with the army makes it neither the army's kind nor the host state's force; its own
      // name makes it what ACLED codes it, an outside force.
      assert.equal(wagner.category, 'external-forces');
      assert.equal(wagner.isState, false);
      const dozo = actors.find((a) => a.name === 'Dozo Communal Militia (Mali)');
      assert.equal(dozo?.events, 1);
      assert.equal(actors.find((a) => a.name === ARMY)?.events, 3);
      await assertAggregatesMatchEvents(store, 'an import naming associated actors');
    });

    test('an actor acting with the first actor is a perpetrator of the event, with its deaths', async () => {
      const { cells } = await readPerpetrators(store.db, { country: 'Mali' }, '2024-01', '2024-12');
      const of = (actor: string) => cells.filter((c) => c.actor === actor);
      const sum = (actor: string, k: 'events' | 'fatalities' | 'civilianTargetingEvents') =>
        of(actor).reduce((s, c) => s + c[k], 0);
      // Both sides of a battle perpetrate it, as the actor alerts count them: the battle where
      // Wagner stood with the army (actor 2) is theirs too (5 deaths), beside the two attacks.
      assert.equal(sum(WAGNER, 'events'), 3);
      assert.equal(sum(WAGNER, 'fatalities'), 25);
      assert.equal(sum(WAGNER, 'civilianTargetingEvents'), 2);
      assert.deepEqual(
        of(WAGNER)
          .map((c) => c.actorCategory)
          .sort(),
        ['external-forces', 'external-forces', 'external-forces'],
      );
      assert.equal(sum('Dozo Communal Militia (Mali)', 'events'), 1);
      assert.equal(sum(ARMY, 'events'), 3);
      assert.equal(sum('JNIM: Group for Support of Islam and Muslims', 'events'), 2);

      const threats = await proposeThreats(store.db, { country: 'Mali', limit: 50 });
      const wagner = threats.filter((t) => t.perpetrator === WAGNER);
      assert.deepEqual(wagner.map((t) => [t.admin1, t.targetedPopulation, t.eventCount]).sort(), [
        ['Mopti', 'Fulani Ethnic Group (Mali)', 1],
        ['Ségou', 'Fulani Ethnic Group (Mali)', 1],
      ]);
      // Each threat lists the events behind it.
      const ids = new Map((await findEvents(store.db)).map((e) => [e.id, e.sourceEventId]));
      assert.deepEqual(wagner.flatMap((t) => t.events.map((id) => ids.get(id))).sort(), ['MLI901', 'MLI902']);
    });

    test('the event list filtered by a perpetrator holds the events it perpetrated, either side of a battle too', async () => {
      const r = await runOperation(
        operations.mapEvents,
        { country: 'Mali', perpetrator: WAGNER, shape: 'events' },
        ctx(store),
      );
      const ids = new Map((await findEvents(store.db)).map((e) => [e.id, e.sourceEventId]));
      // The two attacks with the army, and the battle where Wagner stood with the second side, as
      // the perpetrator table counts them; not JNIM's attack on civilians it had no part in.
      const listed = (r as unknown as { events: { id: number }[] }).events.map((e) => ids.get(e.id)).sort();
      assert.deepEqual(listed, ['MLI901', 'MLI902', 'MLI903']);
    });

    test('CSV, GeoJSON and HXL exports carry the associated actors of each side', async () => {
      const events = await findEvents(store.db);
      const csv = Papa.parse<Record<string, string>>(exported(events, 'csv'), { header: true }).data;
      const row = csv.find((r) => r.source_event_id === 'MLI902');
      assert.equal(row?.actor1_associated, `${WAGNER}; Dozo Communal Militia (Mali)`);
      assert.equal(csv.find((r) => r.source_event_id === 'MLI903')?.actor2_associated, WAGNER);
      const geo = JSON.parse(exported(events, 'geojson')) as {
        features: { properties: Record<string, unknown> }[];
      };
      const f = geo.features.find((x) => x.properties.source_event_id === 'MLI901');
      assert.equal(f?.properties.actor1_associated, WAGNER);
      const hxl = Papa.parse<string[]>(exported(events, 'hxl')).data;
      const [names, tags] = [hxl[0]!, hxl[1]!];
      assert.equal(tags[names.indexOf('actor1_associated')], '#group+name+first+associated');
      assert.equal(tags[names.indexOf('actor2_associated')], '#group+name+second+associated');
    });

    test('the same file, and its HXL export, imported again find every event unchanged', async () => {
      assert.deepEqual(imported(await importFiles(store, [FIXTURE])), [
        { imported: 0, updated: 0, unchanged: 5 },
      ]);
      const path = join(dir, 'mali-hxl.csv');
      writeFileSync(path, exported(await findEvents(store.db), 'hxl'));
      assert.match(readFileSync(path, 'utf8'), /Wagner Group; Dozo Communal Militia \(Mali\)/);
      assert.deepEqual(imported(await importFiles(store, [path])), [
        { imported: 0, updated: 0, unchanged: 5 },
      ]);
      const byId = new Map((await findEvents(store.db)).map((e) => [e.sourceEventId, e]));
      assert.deepEqual(byId.get('MLI902')?.actor1Associated, [WAGNER, 'Dozo Communal Militia (Mali)']);
      await assertAggregatesMatchEvents(store, 'importing the file and its export again');
    });

    test('an HXL export from before the associated columns is still read as Tandem’s own, not doubled', async () => {
      const hxl = Papa.parse<string[]>(exported(await findEvents(store.db), 'hxl')).data.filter(
        (r) => r.length > 1,
      );
      const drop = new Set([hxl[0]!.indexOf('actor1_associated'), hxl[0]!.indexOf('actor2_associated')]);
      const older = join(dir, 'older-export.csv');
      writeFileSync(older, Papa.unparse(hxl.map((r) => r.filter((_, i) => !drop.has(i)))));
      const r = imported(await importFiles(store, [older]));
      // The three naming associated actors read as changed (the older file has none); none is new.
      assert.deepEqual(r, [{ imported: 0, updated: 3, unchanged: 2 }]);
      await importFiles(store, [FIXTURE]);
    });

    test('a store that had the events without their associated actors gains them once, then stays', async () => {
      const other = await dialect.open();
      try {
        // The file as the store knew it before: no assoc_actor columns filled.
        const rows = Papa.parse<Record<string, string>>(readFileSync(FIXTURE, 'utf8'), {
          header: true,
          skipEmptyLines: true,
        });
        const bare = join(dir, 'bare.csv');
        writeFileSync(
          bare,
          Papa.unparse(
            rows.data.map((r) => ({
              ...r,
              assoc_actor_1: '',
              assoc_actor_2: r.inter2 === 'Civilians' ? r.assoc_actor_2 : '',
            })),
            { columns: rows.meta.fields },
          ),
        );
        await importFiles(other.store, [bare]);
        // Rows without associated actors are unchanged; the three that name some are updated once.
        assert.deepEqual(imported(await importFiles(other.store, [FIXTURE])), [
          { imported: 0, updated: 3, unchanged: 2 },
        ]);
        assert.deepEqual(imported(await importFiles(other.store, [FIXTURE])), [
          { imported: 0, updated: 0, unchanged: 5 },
        ]);
        await assertAggregatesMatchEvents(other.store, 'an update adding associated actors');
      } finally {
        await other.drop();
      }
    });
  });
}
