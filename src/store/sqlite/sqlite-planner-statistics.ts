import type BetterSqlite3 from 'better-sqlite3';

// What SQLite's query planner knows of the events table. With no statistics it guesses that every
// index narrows rows alike, and a list of one area's events over a period, newest first, ran down
// the country's date index, reading every event of the country in the period to keep the area's:
// 1.3–2.6 s on a store of a million, where the area's own index answers in a millisecond. ANALYZE
// would tell it, but reads every index (1.8 s on that store, each import); the aggregate tables
// already hold what it would learn. So after an import the statistics (sqlite_stat1: for each
// index, the rows in it and the average number of rows sharing a value of its first 1, 2, …
// columns) are written from them, in a few milliseconds.

/** Days of a month an area has events on, at most: a month's events fall on at most 30 of them. */
const DAYS = 30;

interface IndexStatistics {
  name: string;
  /** Rows in the index, then the average rows per distinct prefix of 1, 2, … columns. */
  figures: number[];
}

/** Grouped rows of an aggregate table: the key columns, then the group's events. */
type Group = (string | number)[];

/**
 * The distinct values of a prefix of each group's key, or, `days` set, the days they stand for: a
 * group of a month has its events on as many days as it has events, at most DAYS.
 */
function distinct(groups: Group[], width: number, days = false): number {
  const seen = new Map<string, number>();
  for (const g of groups) {
    const key = g.slice(0, width).join('\u0000');
    seen.set(key, (seen.get(key) ?? 0) + Number(g[g.length - 1]));
  }
  if (!days) return seen.size;
  let n = 0;
  for (const events of seen.values()) n += Math.min(events, DAYS);
  return n;
}

function perPrefix(total: number, distinctValues: number[]): number[] {
  return [total, ...distinctValues.map((d) => Math.max(1, Math.ceil(total / Math.max(1, d))))];
}

const count = (raw: BetterSqlite3.Database, sql: string) =>
  Number((raw.prepare(sql).get() as { n: number }).n);

/**
 * The statistics of each index on events, estimated from the aggregates (grouped in the order of
 * their keys, so no sort) and two counts over small partial indexes. Past the date, a violence type
 * or a perpetrator's category is taken to split a day's events evenly.
 */
function estimate(raw: BetterSqlite3.Database): IndexStatistics[] {
  const months = raw
    .prepare('SELECT country, month, admin1, sum(events) FROM event_counts GROUP BY country, month, admin1')
    .raw()
    .all() as Group[];
  const perpetrators = raw
    .prepare(
      'SELECT country, actor, month, admin1, sum(events) FROM actor_counts WHERE role = 1 GROUP BY country, actor, month, admin1',
    )
    .raw()
    .all() as Group[];
  const { types, categories } = raw
    .prepare(
      'SELECT count(DISTINCT violence_type) AS types, count(DISTINCT actor_category) AS categories FROM event_counts',
    )
    .get() as { types: number; categories: number };
  const total = months.reduce((n, g) => n + Number(g[3]), 0);
  const countries = distinct(months, 1);
  const countryDays = distinct(months, 2, true);
  const areas = distinct(
    months.map((g) => [g[0]!, g[2]!, g[1]!, g[3]!]),
    2,
  );
  const areaDays = distinct(months, 3, true);
  const byArea = perpetrators.map((g) => [g[0]!, g[1]!, g[3]!, g[2]!, g[4]!]);
  const split = (d: number) => [d * Math.max(1, types), d * Math.max(1, types) * Math.max(1, categories)];
  // Each reads its own small partial index.
  const massCasualty = count(raw, 'SELECT count(*) AS n FROM events WHERE fatalities >= 100');
  const notPublic = count(raw, "SELECT count(*) AS n FROM events WHERE sensitivity <> 'public'");
  const associated = count(raw, "SELECT count(*) AS n FROM events WHERE actor1_associated <> ''");
  return [
    {
      name: 'events_country_date',
      figures: perPrefix(total, [countries, countryDays, ...split(countryDays)]),
    },
    { name: 'events_area_date', figures: perPrefix(total, [countries, areas, areaDays, ...split(areaDays)]) },
    {
      name: 'events_perpetrator_area_date',
      figures: perPrefix(total, [
        countries,
        distinct(byArea, 2),
        distinct(byArea, 3),
        distinct(perpetrators, 4, true),
      ]),
    },
    // Sources are few: taking each for all the rows errs on the side of not trusting it alone.
    { name: 'events_source_id', figures: [total, total, 1] },
    { name: 'events_mass_casualty', figures: perPrefix(massCasualty, [countries, areas, areaDays]) },
    { name: 'events_not_public', figures: perPrefix(notPublic, [2, 2 * countries]) },
    { name: 'events_associated', figures: perPrefix(associated, [countries, areas, areaDays]) },
  ];
}

/**
 * Writes the planner's statistics for the events table's indexes and has the connection read
 * them. Runs inside the caller's transaction (an import's), so they commit with its rows.
 */
export function writeEventStatistics(raw: BetterSqlite3.Database): void {
  const present = new Set(
    (
      raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events'").all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  const statistics = estimate(raw).filter((s) => present.has(s.name));
  // sqlite_stat1 exists once something has been analysed; the smallest table will do.
  if (!hasStatisticsTable(raw)) raw.exec('ANALYZE kysely_migration');
  raw.prepare("DELETE FROM sqlite_stat1 WHERE tbl = 'events'").run();
  const insert = raw.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('events', ?, ?)");
  for (const s of statistics) insert.run(s.name, s.figures.join(' '));
  // Read again by this connection's planner; other connections read them when they next open.
  raw.exec('ANALYZE sqlite_schema');
}

const hasStatisticsTable = (raw: BetterSqlite3.Database) =>
  raw.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() !== undefined;

/** The indexes on events with no statistics (all of them while sqlite_stat1 does not exist). */
function indexesWithout(raw: BetterSqlite3.Database, hasTable = hasStatisticsTable(raw)): number {
  return count(
    raw,
    `SELECT count(*) AS n FROM sqlite_schema i WHERE i.type = 'index' AND i.tbl_name = 'events' AND i.sql IS NOT NULL${
      hasTable
        ? " AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = 'events' AND s.idx = i.name)"
        : ''
    }`,
  );
}

/**
 * Writes the statistics when an index has none (a store made before they were kept, or an index
 * built again by a migration) and the store holds events: a few reads when there is nothing to do.
 */
export function ensureEventStatistics(raw: BetterSqlite3.Database): void {
  if (!raw.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'events'").get()) return;
  if (indexesWithout(raw) === 0) return;
  if (!raw.prepare('SELECT 1 FROM events LIMIT 1').get()) return;
  writeEventStatistics(raw);
}

/**
 * After an import, inside its transaction: writes the statistics again when the import was large,
 * when there are none, or when the store has grown or shrunk by a fifth since they were written.
 */
export function refreshEventStatistics(raw: BetterSqlite3.Database, large: boolean): void {
  const hasTable = hasStatisticsTable(raw);
  if (large || !hasTable || indexesWithout(raw, hasTable) > 0) {
    writeEventStatistics(raw);
    return;
  }
  // An index's first figure is its rows; the largest is the events they were written for (a
  // partial index holds fewer).
  const before = count(raw, "SELECT max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 WHERE tbl = 'events'");
  const now = count(raw, 'SELECT coalesce(sum(events), 0) AS n FROM event_counts');
  if (Math.abs(now - before) > before / 5) writeEventStatistics(raw);
}
