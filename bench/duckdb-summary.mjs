// The baseline of the startup bench: a whole Node process that opens a persisted DuckDB file and
// answers events and fatalities by admin1, printing JSON as `tandem summary --by admin1 --json`
// does. Plain JavaScript, so that no TypeScript loader is counted against DuckDB.
import { DuckDBInstance } from '@duckdb/node-api';

const db = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const con = await db.connect();
const reader = await con.runAndReadAll(
  'SELECT country, admin1 AS key, count(*) AS events, sum(fatalities) AS fatalities FROM events GROUP BY 1, 2 ORDER BY 3 DESC',
);
const rows = reader.getRowObjectsJson();
process.stdout.write(`${JSON.stringify({ by: 'admin1', rows }, null, 2)}\n`);
