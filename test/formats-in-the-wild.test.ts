import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importEvents } from '../src/app/import-events.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

const fixture = (name: string) => new URL(`fixtures/wild/${name}`, import.meta.url).pathname;

async function rows(store: Store, table: 'events' | 'conflict_aggregates' | 'event_counts'): Promise<number> {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function problems(store: Store) {
  return store.db.selectFrom('problems').select(['line', 'field', 'reason']).orderBy('id').execute();
}

for (const dialect of DIALECTS) {
  describe(`formats seen in the wild, on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('an ACLED export of the 1990s, with upper-case headers, GWNO, ALLY_ACTOR and the old event types, imports as ACLED', async () => {
      const { store, drop } = await dialect.open();
      try {
        const r = await importEvents(store, [fixture('acled-1997-uppercase.csv')]);
        assert.deepEqual(
          r.files.map((f) => [f.format, f.rows, f.imported, f.rejected]),
          [['acled', 4, 3, 1]],
        );
        const events = await store.db
          .selectFrom('events')
          .select(['source_event_id', 'date_start', 'violence_type', 'actor2_category'])
          .orderBy('source_event_id')
          .execute();
        assert.deepEqual(events, [
          {
            source_event_id: '1CAR',
            date_start: '1997-01-18',
            violence_type: 'battles',
            actor2_category: 'rebel-group',
          },
          {
            source_event_id: '2CAR',
            date_start: '1997-01-25',
            violence_type: 'violence-against-civilians',
            actor2_category: 'civilians',
          },
          {
            source_event_id: '3CAR',
            date_start: '1997-02-02',
            violence_type: 'riots',
            actor2_category: null,
          },
        ]);
        assert.deepEqual(await problems(store), [
          {
            line: 5,
            field: 'EVENT_DATE',
            reason: '"31/02/1997" is not a date: month 2 of 1997 has no day 31',
          },
        ]);
      } finally {
        await drop();
      }
    });

    test("a UCDP candidate CSV without a header row is read by GED's column order, its first line an event", async () => {
      const { store, drop } = await dialect.open();
      try {
        const r = await importEvents(store, [fixture('ged-candidate-25.0.10-no-header.csv')]);
        assert.deepEqual(
          r.files.map((f) => [f.format, f.rows, f.imported, f.rejected]),
          [['ucdp', 3, 2, 1]],
        );
        const events = await store.db
          .selectFrom('events')
          .select(['source_event_id', 'date_start', 'fatalities', 'civilian_fatalities', 'admin1'])
          .orderBy('source_event_id')
          .execute();
        assert.deepEqual(events, [
          {
            source_event_id: '900001',
            date_start: '2025-09-14',
            fatalities: 3,
            civilian_fatalities: 3,
            admin1: 'Haute-Kotto',
          },
          {
            source_event_id: '900002',
            date_start: '2025-09-20',
            fatalities: 5,
            civilian_fatalities: 0,
            admin1: 'Ouham-Pende',
          },
        ]);
        const [p] = await problems(store);
        assert.equal(p?.line, 3);
        assert.equal(p?.field, 'best');
      } finally {
        await drop();
      }
    });

    test("HDX HAPI's conflict_event admin-2 aggregates are stored as aggregates, never as events, and a second import changes nothing", async () => {
      const { store, drop } = await dialect.open();
      try {
        const first = await importEvents(store, [fixture('hapi-conflict-event-caf.csv')]);
        assert.deepEqual(
          first.files.map((f) => [f.format, f.rows, f.imported, f.updated, f.unchanged, f.rejected]),
          [['hapi-conflict-event', 5, 4, 0, 0, 1]],
        );
        assert.equal(await rows(store, 'events'), 0);
        assert.equal(await rows(store, 'event_counts'), 0);
        assert.equal(await rows(store, 'conflict_aggregates'), 4);
        const bria = await store.db
          .selectFrom('conflict_aggregates')
          .select(['admin2_code', 'event_type', 'events', 'fatalities', 'period_start', 'period_end'])
          .where('admin2_code', '=', 'CF411')
          .orderBy('event_type')
          .execute();
        assert.deepEqual(bria, [
          {
            admin2_code: 'CF411',
            event_type: 'civilian_targeting',
            events: 4,
            fatalities: 6,
            period_start: '2024-01-01',
            period_end: '2024-01-31',
          },
          {
            admin2_code: 'CF411',
            event_type: 'demonstration',
            events: 1,
            fatalities: null,
            period_start: '2024-01-01',
            period_end: '2024-01-31',
          },
          {
            admin2_code: 'CF411',
            event_type: 'political_violence',
            events: 7,
            fatalities: 12,
            period_start: '2024-01-01',
            period_end: '2024-01-31',
          },
        ]);
        const [p] = await problems(store);
        assert.deepEqual(p, { line: 7, field: 'events', reason: 'events is -2; expected 0 or more' });
        const again = await importEvents(store, [fixture('hapi-conflict-event-caf.csv')]);
        assert.deepEqual(
          again.files.map((f) => [f.imported, f.updated, f.unchanged]),
          [[0, 0, 4]],
        );
        await assert.rejects(
          importEvents(store, [fixture('hapi-conflict-event-caf.csv')], { sensitivity: 'restricted' }),
          /public data/,
        );
      } finally {
        await drop();
      }
    });
  });
}
