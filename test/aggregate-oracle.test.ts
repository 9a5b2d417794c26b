import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';

/**
 * The oracle for the aggregate tables (issue 11.7): whatever a user imports, in whatever order,
 * every count table holds exactly what a GROUP BY over the `events` table gives. The importer keeps
 * the aggregates by adding and taking away counts as rows arrive, change or repeat; the queries
 * below recount from scratch, written from what each table means (schema.ts, event-summary.ts), not
 * from how the importer tallies. Small ACLED and UCDP GED files are generated, then imported through
 * the operation as a user would: once, again unchanged, with rows changed, after perhaps loading an
 * actor list (which categorises events), and two new files at once.
 */

// --- Generated event files ---------------------------------------------------------------------

/** One event as either an ACLED or a UCDP GED row gives it (each format reads the fields it has). */
interface EventRow {
  id: string;
  date: string;
  eventType: string;
  actor1: string;
  inter1: string;
  actor2: string;
  inter2: string;
  country: string;
  admin1: string;
  admin2: string;
  latitude: string;
  fatalities: string;
  civilianTargeting: string;
  /** GED only: its type_of_violence and its civilian deaths. */
  gedType: string;
  civilianDeaths: string;
  notes: string;
}

/**
 * ACLED's older exports (numeric or worded categories, civilian targeting derived), its newer ones
 * (with civilian_targeting), or UCDP GED: GED gives civilian deaths, and its actors take their
 * category from the register that ACLED files fill, so the mix reaches every measure.
 */
type Format = 'acled-old' | 'acled-new' | 'ged';

interface EventFile {
  format: Format;
  rows: EventRow[];
}

const MONTHS = ['January', 'February', 'March', 'April'];

const row: fc.Arbitrary<EventRow> = fc.record({
  // Few ids, so files share events (updates) and repeat them within a file (set aside).
  id: fc.constantFrom('TO1', 'TO2', 'TO3', 'TO4', 'TO5', 'TO6', 'TO7', 'TO8', 'TO9', 'TO10'),
  date: fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 28 }), fc.boolean())
    .map(([m, d, iso]) =>
      iso ? `2021-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${d} ${MONTHS[m]} 2021`,
    ),
  eventType: fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constantFrom(
        'Battles',
        'Violence against civilians',
        'Explosions/Remote violence',
        'Protests',
        'Riots',
        'Strategic developments',
      ),
    },
    { weight: 1, arbitrary: fc.constant('Parade') }, // not an ACLED type: the row is set aside
  ),
  actor1: fc.constantFrom(
    '',
    'Military Forces of Testland',
    'Government of Testland',
    'Hill Militia',
    'Protesters (Testland)',
  ),
  inter1: fc.constantFrom('', '1', '2', '4', '6', 'Identity militia'),
  actor2: fc.constantFrom('', 'Civilians (Testland)', 'Hill Militia', 'Military Forces of Testland'),
  inter2: fc.constantFrom('', '0', '1', '4', '7', 'Civilians'),
  country: fc.constantFrom('Testland', 'Otherland'),
  admin1: fc.constantFrom('', 'Lakeside', 'Hillside'),
  admin2: fc.constantFrom('', 'North', 'South'),
  latitude: fc.constantFrom('', '7.5', '6.1'),
  fatalities: fc.oneof(
    { weight: 12, arbitrary: fc.nat(20).map(String) },
    { weight: 1, arbitrary: fc.constant('') }, // required: the row is set aside
  ),
  civilianTargeting: fc.constantFrom('', 'Civilian targeting'),
  gedType: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('1', '2', '3') },
    { weight: 1, arbitrary: fc.constant('4') }, // not a GED type: the row is set aside
  ),
  civilianDeaths: fc.constantFrom('', '0', '3'),
  notes: fc.constantFrom('Clashes near the river', 'A village raided', 'Protest at the market'),
});

const file: fc.Arbitrary<EventFile> = fc.record({
  format: fc.constantFrom<Format>('acled-old', 'acled-new', 'ged'),
  rows: fc.array(row, { minLength: 1, maxLength: 8 }),
});

/**
 * A UCDP actor list: names (some the files use) with UCDP's organisation code (1 rebel group,
 * 2 party supporters, 3 identity group, 4 government); loading it categorises events whose source
 * gave no category.
 */
const actorList = fc.array(
  fc.tuple(
    fc.constantFrom('Hill Militia', 'Government of Testland', 'Civilians (Testland)', 'Unseen Front'),
    fc.constantFrom('1', '2', '3', '4'),
  ),
  { minLength: 1, maxLength: 4 },
);

/**
 * A file, then the same file with some rows replaced by changed rows of the same event id,
 * perhaps an actor list, then two more files.
 */
const scenario = fc.record({
  first: file,
  changes: fc.array(fc.tuple(fc.nat(), row), { minLength: 1, maxLength: 4 }),
  actors: fc.option(actorList, { nil: undefined }),
  second: file,
  third: file,
});

function actorListCsv(actors: [string, string][]): string {
  const lines = actors.map(([name, org], i) => `${900 + i},${name},${name},,,,${org},Testland`);
  return `${['ActorId,NameData,NameOrig,NameOrigFull,NameOrigFullEng,NewName,Org,Location', ...lines].join('\n')}\n`;
}

const ACLED_HEADER = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
];

const GED_HEADER = [
  'id',
  'type_of_violence',
  'date_start',
  'date_end',
  'best',
  'low',
  'high',
  'deaths_civilians',
  'country',
  'adm_1',
  'adm_2',
  'side_a',
  'side_b',
  'latitude',
  'longitude',
  'where_coordinates',
  'source_headline',
];

/** GED writes dates as YYYY-MM-DD only. */
function isoDate(date: string): string {
  const m = /^(\d+) (\w+) (\d{4})$/.exec(date);
  if (!m) return date;
  return `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

function csv(f: EventFile): string {
  if (f.format === 'ged') {
    const lines = f.rows.map((r) =>
      [
        r.id,
        r.gedType,
        isoDate(r.date),
        isoDate(r.date),
        r.fatalities,
        '',
        '',
        r.civilianDeaths,
        r.country,
        r.admin1,
        r.admin2,
        r.actor1,
        r.actor2,
        r.latitude,
        r.latitude === '' ? '' : '30.25',
        'Somewhere',
        r.notes,
      ].join(','),
    );
    return `${[GED_HEADER.join(','), ...lines].join('\n')}\n`;
  }
  const withCivilianTargeting = f.format === 'acled-new';
  const header = withCivilianTargeting ? [...ACLED_HEADER, 'civilian_targeting'] : ACLED_HEADER;
  const lines = f.rows.map((r) => {
    const cells = [
      r.id,
      r.date,
      '1',
      r.eventType,
      '',
      r.actor1,
      r.inter1,
      r.actor2,
      r.inter2,
      r.country,
      r.admin1,
      r.admin2,
      'Somewhere',
      r.latitude,
      r.latitude === '' ? '' : '30.25',
      '1',
      'Test Monitor',
      r.notes,
      r.fatalities,
    ];
    if (withCivilianTargeting) cells.push(r.civilianTargeting);
    return cells.join(',');
  });
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

function changed(f: EventFile, changes: [number, EventRow][]): EventFile {
  const rows = f.rows.slice();
  for (const [at, r] of changes) {
    const i = at % rows.length;
    rows[i] = { ...r, id: rows[i]!.id };
  }
  return { ...f, rows };
}

// --- The property, on each dialect -------------------------------------------------------------

const TABLES_TO_EMPTY = [
  'event_counts',
  'area_month_counts',
  'country_counts',
  'actor_counts',
  'events',
  'problems',
  'imports',
  'actors',
  'areas',
] as const;

/**
 * What the cases reached, summed over them: rows new, changed, repeated and set aside, events with
 * civilian deaths given, GED events whose actor took its category from the register, and events
 * an actor list categorised.
 */
interface Reached {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  civilianDeathsGiven: number;
  categoryFromRegister: number;
  categorisedByActorList: number;
}

/** How the CLI runs an operation for an administrator. */
function call(store: Store) {
  return { via: 'cli' as const, name: 'test', requester: { name: 'test', roles: ['admin'] }, store };
}

async function importFiles(store: Store, paths: string[], reached: Reached): Promise<void> {
  const result = await runOperation(operations.importFiles, { paths }, call(store));
  for (const f of result.files)
    for (const k of ['imported', 'updated', 'unchanged', 'rejected'] as const) reached[k] += f[k];
}

async function countWhere(store: Store, condition: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM events WHERE ${sql.raw(condition)}`.execute(
    store.db,
  );
  return Number(r.rows[0]!.n);
}

for (const dialect of DIALECTS) {
  describe(`the aggregate tables against a recount of the events (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-oracle-'));
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(async () => {
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    });

    test('after an import, a re-import, changed rows and two new files, every count table equals a GROUP BY over events', async () => {
      let run = 0;
      const reached: Reached = {
        imported: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        civilianDeathsGiven: 0,
        categoryFromRegister: 0,
        categorisedByActorList: 0,
      };
      const importFile = (...paths: string[]) => importFiles(store, paths, reached);
      const property = fc.asyncProperty(scenario, async (s) => {
        // Each case starts from an empty store, so a failing case replays (and shrinks) alone.
        for (const t of TABLES_TO_EMPTY) await store.db.deleteFrom(t).execute();
        const at = join(dir, String(run++));
        const write = (name: string, f: EventFile) => {
          const p = `${at}-${name}.csv`;
          writeFileSync(p, csv(f));
          return p;
        };
        const first = write('first', s.first);
        await importFile(first);
        await assertAggregatesMatchEvents(store, 'the first import');
        await importFile(first);
        await assertAggregatesMatchEvents(store, 'importing the same file again');
        await importFile(write('changed', changed(s.first, s.changes)));
        await assertAggregatesMatchEvents(store, 'importing the file with rows changed');
        if (s.actors) {
          const path = `${at}-actors.csv`;
          writeFileSync(path, actorListCsv(s.actors));
          const loaded = await runOperation(operations.loadActorList, { path }, call(store));
          reached.categorisedByActorList += loaded.eventsCategorised;
          await assertAggregatesMatchEvents(store, 'loading an actor list');
        }
        await importFile(write('second', s.second), write('third', s.third));
        await assertAggregatesMatchEvents(store, 'importing two new files in one command');
        reached.civilianDeathsGiven += await countWhere(store, 'civilian_fatalities > 0');
        reached.categoryFromRegister += await countWhere(
          store,
          // GED gives a category to governments only: any other first actor's came from the register.
          "source = 'ucdp' AND actor1 <> '' AND actor1 NOT LIKE 'Government of %' AND actor1_category IS NOT NULL",
        );
      });
      await fc.assert(property, {
        // No time limit: fast-check times by the wall clock, and a clock set forward mid-run
        // (it happened in CI) cut the run to a few cases, too few to reach every path.
        numRuns: 20,
        // A failure prints its seed and path: TANDEM_ORACLE_SEED and _PATH replay that very case.
        ...(process.env.TANDEM_ORACLE_SEED
          ? { seed: Number(process.env.TANDEM_ORACLE_SEED), path: process.env.TANDEM_ORACLE_PATH }
          : {}),
      });
      // A replayed case is one case: it cannot reach every path.
      if (!process.env.TANDEM_ORACLE_SEED)
        for (const [k, n] of Object.entries(reached)) assert.ok(n > 0, `no case reached ${k}: ${n}`);
      // A case this test once found on PostgreSQL, kept: a GED actor given a category by the
      // register, then the same file again (its unchanged rows were taken back at their stored
      // category rather than the file's, and the aggregates drifted).
      await fc.assert(property, {
        numRuns: 1,
        seed: 1296682488,
        path: '4:4:3:3:3:3:4:4:4:4:4:5:6:6:6:7:7:7:7:7:7:7:6:6:6:6:6:6:6:6:6:6:6:6',
      });
    });
  });
}
