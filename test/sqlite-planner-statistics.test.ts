import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { generateAcled } from '../bench/generate-acled.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

// The SQLite planner's statistics, written from the aggregates after an import: close to what a
// full ANALYZE finds, and enough for an area's event list to go down the area's own index.

const dir = mkdtempSync(join(tmpdir(), 'tandem-planner-'));
const file = join(dir, 'events.csv');
const dbPath = join(dir, 'store.db');

const AREA_LIST = `select * from "events" where "country" = ? and "admin1" in (?) and "date_start" >= ?
  and "date_start" <= ? and "violence_type" in (?, ?) order by "date_start" desc, "id" desc limit ? offset ?`;

function plan(raw: BetterSqlite3.Database, country: string, admin1: string): string {
  return (
    raw
      .prepare(`explain query plan ${AREA_LIST}`)
      .all(country, admin1, '2016-01-01', '2022-12-31', 'battles', 'riots', 50, 100) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join(' | ');
}

function statistics(raw: BetterSqlite3.Database): Map<string, number[]> {
  return new Map(
    (
      raw.prepare("select idx, stat from sqlite_stat1 where tbl = 'events'").all() as {
        idx: string;
        stat: string;
      }[]
    ).map((r) => [r.idx, r.stat.split(' ').map(Number)]),
  );
}

describe('the SQLite planner statistics', () => {
  let store: Store;
  let country = '';
  let admin1 = '';
  before(async () => {
    generateAcled(file, 40_000, 5);
    store = await openStore({ dbPath });
    await importFiles(store, [file]);
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    ({ country, admin1 } = raw.prepare('select country, admin1 from events limit 1').get() as {
      country: string;
      admin1: string;
    });
    raw.close();
  });
  after(() => store.close());

  test('are written by the import for every index on events, close to a full ANALYZE', () => {
    const raw = new BetterSqlite3(dbPath);
    const written = statistics(raw);
    const indexes = (
      raw
        .prepare(
          "select name from sqlite_schema where type = 'index' and tbl_name = 'events' and sql is not null",
        )
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    assert.deepEqual([...written.keys()].sort(), indexes.sort());
    raw.exec('ANALYZE events');
    const analysed = statistics(raw);
    raw.close();
    // Rows, then rows per country, per area or perpetrator, and per area or perpetrator and area:
    // the columns the planner weighs indexes by. Each within a factor of 1.5 of what ANALYZE reads.
    for (const name of ['events_country_date', 'events_area_date', 'events_perpetrator_area_date']) {
      const [w, a] = [written.get(name)!, analysed.get(name)!];
      assert.equal(w[0], a[0], `${name}: rows`);
      for (const i of name === 'events_country_date' ? [1] : [1, 2, 3]) {
        const ratio = w[i]! / a[i]!;
        assert.ok(ratio > 1 / 1.5 && ratio < 1.5, `${name} column ${i}: written ${w[i]}, ANALYZE ${a[i]}`);
      }
    }
  });

  test("send an area's event list down the area's index", () => {
    const raw = new BetterSqlite3(dbPath);
    assert.match(plan(raw, country, admin1), /INDEX events_area_date/);
    raw.close();
  });

  test('are written when a store opened has none', async () => {
    const raw = new BetterSqlite3(dbPath);
    raw.exec("DELETE FROM sqlite_stat1 WHERE tbl = 'events'");
    raw.close();
    const again = await openStore({ dbPath });
    await again.close();
    const check = new BetterSqlite3(dbPath, { readonly: true });
    const indexes = check
      .prepare(
        "select count(*) as n from sqlite_schema where type = 'index' and tbl_name = 'events' and sql is not null",
      )
      .get() as { n: number };
    assert.equal(statistics(check).size, indexes.n);
    assert.match(plan(check, country, admin1), /INDEX events_area_date/);
    check.close();
  });
});
