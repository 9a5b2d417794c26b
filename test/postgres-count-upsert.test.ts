import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { postgresCountUpsert, withPostgresConnection } from '../src/store/postgres/postgres-event-import.ts';
import type { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { EVENT_MEASURES } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';

const postgres = DIALECTS.find((d) => d.name === 'postgres') as (typeof DIALECTS)[number];
const KEYS = ['country', 'month', 'violence_type', 'actor_category'];
const MEASURES = [...EVENT_MEASURES];

// Into an empty count table the import inserts its counts without ON CONFLICT. Here another
// connection inserts one of the same keys after the import found the table empty, and commits
// while the import's INSERT waits on it: the import must add its counts to that row rather than
// fail with a duplicate key.
test('counts into a table found empty, while another connection adds a key', {
  skip: postgres.skip,
}, async () => {
  const { store, flags, drop } = await postgres.open();
  const other = new pg.Client({ connectionString: flags[1] });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query(
      `INSERT INTO country_counts (${[...KEYS, ...MEASURES].join(', ')}) VALUES ('Northland', '2024-01', 'battles', '', 1, 5, 0, 0, 0, 0)`,
    );
    const counted = withPostgresConnection(store as PostgresStore, (client) =>
      postgresCountUpsert(client)('country_counts', KEYS, MEASURES, [
        ['Northland', '2024-01', 'battles', '', 2, 3, 0, 0, 1, 0],
        ['Northland', '2024-02', 'riots', '', 4, 0, 0, 0, 0, 0],
      ]),
    );
    // The import's INSERT waits for the other transaction's uncommitted key.
    for (let i = 0; ; i++) {
      const waiting = await other.query(
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (waiting.rowCount) break;
      assert.ok(i < 200, 'the import never waited on the other connection');
      await new Promise((r) => setTimeout(r, 50));
    }
    await other.query('COMMIT');
    await counted;
    const rows = await store.db
      .selectFrom('country_counts')
      .select(['month', 'events', 'fatalities', 'civilian_targeting_events'])
      .orderBy('month')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.month, Number(r.events), Number(r.fatalities), Number(r.civilian_targeting_events)]),
      [
        ['2024-01', 3, 8, 1],
        ['2024-02', 4, 0, 0],
      ],
    );
  } finally {
    await other.end();
    await drop();
  }
});
