import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readPerpetrators } from '../src/analysis/perpetrator-queries.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { findEvents } from '../src/store/event-repository.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importCsvRows } from './import-files.ts';

/**
 * A peace operation named on either side of fighting, or beside a side, has not perpetrated the
 * clash: the perpetrator table and the event list filtered by perpetrator do not count it as its
 * own (a probe's South Sudan brief listed UNMISS with 69 deaths, its own peacekeepers killed among
 * them; a later probe found it first in the battles where gunmen killed 12 peacekeepers at
 * Gumuruk and where youths attacked its compound at Bor: a battle's actor order does not say who
 * attacked). Its violence against civilians, as the first actor, is its own.
 */
const UNMISS = 'UNMISS: United Nations Mission in the Republic of South Sudan (2011-)';
const IO = "SPLM-IO: Sudan People's Liberation Movement-In Opposition";
const ARMY = 'Military Forces of South Sudan (2011-)';
const MILITIA = 'Lou Nuer Ethnic Militia (South Sudan)';
const LOWER_CASE_MISSION = 'un: united nations peacekeepers';
const HEADER = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'assoc_actor_1',
  'actor2',
  'inter2',
  'assoc_actor_2',
  'country',
  'admin1',
  'location',
  'notes',
  'fatalities',
];
const battle = (
  id: string,
  a1: string,
  i1: string,
  a2: string,
  i2: string,
  assoc2: string,
  deaths: string,
) => [
  id,
  '2014-04-10',
  'Battles',
  'Armed clash',
  a1,
  i1,
  '',
  a2,
  i2,
  assoc2,
  'South Sudan',
  'Jonglei',
  'Akobo',
  'Clash.',
  deaths,
];
const ROWS = [
  // Peacekeepers attacked at their base: the attackers' battle, not the mission's.
  battle('SSD1', IO, 'Rebel group', UNMISS, 'External/Other forces', '', '12'),
  // The mission named first in a clash with a militia (ACLED's order says nothing of who attacked).
  battle('SSD2', UNMISS, 'External/Other forces', MILITIA, 'Identity militia', '', '3'),
  // A raid on the army, the mission standing beside the side attacked.
  battle('SSD3', MILITIA, 'Identity militia', ARMY, 'State forces', UNMISS, '30'),
  // The mission in another case, as a partner's sheet writes it: SQLite's LIKE ignored the case
  // and PostgreSQL's did not, so the two stores' perpetrator tables differed.
  battle('SSD5', MILITIA, 'Identity militia', LOWER_CASE_MISSION, 'External/Other forces', '', '4'),
  // Peacekeepers who shoot at civilians: violence that is the mission's own.
  [
    'SSD4',
    '2014-04-12',
    'Violence against civilians',
    'Attack',
    UNMISS,
    'External/Other forces',
    '',
    'Civilians (South Sudan)',
    'Civilians',
    '',
    'South Sudan',
    'Jonglei',
    'Akobo',
    'Shooting at the gate.',
    '2',
  ],
];

for (const dialect of DIALECTS) {
  describe(`a peace operation on the side attacked (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      assert.equal(
        (await importCsvRows(store, 'akobo.csv', [HEADER, ...ROWS])).files[0]!.imported,
        ROWS.length,
      );
    });
    after(() => drop());

    test('the perpetrator table counts the mission only for its violence against civilians, not for fighting', async () => {
      const { cells } = await readPerpetrators(store.db, { country: 'South Sudan' }, '2014-01', '2014-12');
      const sum = (actor: string, k: 'events' | 'fatalities') =>
        cells.filter((c) => c.actor === actor).reduce((s, c) => s + c[k], 0);
      assert.deepEqual([sum(UNMISS, 'events'), sum(UNMISS, 'fatalities')], [1, 2]);
      // The others' fighting still counts for both of their sides.
      assert.deepEqual([sum(IO, 'events'), sum(MILITIA, 'events'), sum(ARMY, 'events')], [1, 3, 1]);
      assert.equal(sum(LOWER_CASE_MISSION, 'events'), 0, 'a mission written in lower case is one too');
    });

    test('the event list filtered by the mission as perpetrator holds the same one event', async () => {
      const r = await runOperation(
        operations.mapEvents,
        { country: 'South Sudan', perpetrator: UNMISS, shape: 'events' },
        { via: 'cli', name: 'test', requester: { name: 'test', roles: ['admin'] }, store },
      );
      const ids = new Map((await findEvents(store.db)).map((e) => [e.id, e.sourceEventId]));
      const listed = (r as unknown as { events: { id: number }[] }).events.map((e) => ids.get(e.id));
      assert.deepEqual(listed, ['SSD4']);
    });
  });
}
