import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importEvents } from '../src/app/import-events.ts';
import { pullOperations } from '../src/app/pull-operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { defaultUcdpVersion } from '../src/sources/ucdp-api.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';
import {
  type AcledRow,
  type AcledStandIn,
  acledSampleRows,
  startAcledStandIn,
} from './stand-ins/acled-stand-in.ts';
import { type GedRow, gedSampleRows, startUcdpStandIn, type UcdpStandIn } from './stand-ins/ucdp-stand-in.ts';

const ACLED_CSV = sharedData('acled/acled_south_sudan_2011-2015.csv');
const GED_GEOJSON = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.geojson');
const skip = ACLED_CSV.skip || GED_GEOJSON.skip;

const requester = { name: 'puller', roles: ['admin'] };
const call = (store: Store) => ({ via: 'cli' as const, name: 'pull', requester, store });

function pullAcled(store: Store, input: Record<string, unknown>) {
  return runOperation(pullOperations.pullAcled, input, call(store));
}
function pullUcdp(store: Store, input: Record<string, unknown>) {
  return runOperation(pullOperations.pullUcdp, input, call(store));
}

/** Every stored event of a source with its content, without the store's own ids. */
async function storedEvents(store: Store, source: string) {
  const rows = await store.db
    .selectFrom('events')
    .selectAll()
    .where('source', '=', source)
    .orderBy('source_event_id')
    .execute();
  return rows.map(({ id: _id, import_id: _import, ...r }) => r);
}

async function countOf(store: Store, table: 'events' | 'imports' | 'problems'): Promise<number> {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function aggregatedEvents(store: Store, country: string): Promise<number> {
  const r = await store.db
    .selectFrom('event_counts')
    .select((eb) => eb.fn.sum<number>('events').as('n'))
    .where('country', '=', country)
    .executeTakeFirstOrThrow();
  return Number(r.n ?? 0);
}

async function rejects(p: Promise<unknown>, pattern: RegExp): Promise<string> {
  try {
    await p;
  } catch (e) {
    const message = (e as Error).message;
    assert.match(message, pattern);
    assert.equal((e as { code?: string }).code !== undefined, true, 'a TandemError, not a crash');
    assert.ok(!message.includes('\n'), `one line: ${message}`);
    return message;
  }
  assert.fail(`expected a failure matching ${pattern}`);
}

const ENV = ['ACLED_API_URL', 'ACLED_USERNAME', 'ACLED_PASSWORD', 'UCDP_API_URL', 'UCDP_API_TOKEN'];
const saved: Record<string, string | undefined> = {};

for (const dialect of DIALECTS) {
  describe(`pulls from ACLED's and UCDP's APIs (local stand-ins), on ${dialect.name}`, {
    skip: dialect.skip || skip,
  }, () => {
    let acled: AcledStandIn;
    let ucdp: UcdpStandIn;
    let sample: AcledRow[];
    let ged: GedRow[];

    before(async () => {
      for (const k of [...ENV, 'TANDEM_PULL_BACKOFF_MS', 'TANDEM_PULL_TIMEOUT_MS']) saved[k] = process.env[k];
      sample = acledSampleRows(ACLED_CSV.path);
      // Twice the sample, the copy under other ids, so the pull takes two pages of 5,000.
      const copies = sample.map((r) => ({ ...r, event_id_cnty: `${r.event_id_cnty}B` }));
      acled = await startAcledStandIn({
        events: [...sample, ...copies],
        username: 'analyst@un.org',
        password: 's3cret',
      });
      ged = gedSampleRows(GED_GEOJSON.path);
      ucdp = await startUcdpStandIn({ token: 'ucdp-token', versions: new Map([['23.1', ged]]) });
      process.env.ACLED_API_URL = acled.url;
      process.env.ACLED_USERNAME = 'analyst@un.org';
      process.env.ACLED_PASSWORD = 's3cret';
      process.env.UCDP_API_URL = ucdp.url;
      process.env.UCDP_API_TOKEN = 'ucdp-token';
      process.env.TANDEM_PULL_BACKOFF_MS = '5';
    });
    after(async () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await acled.close();
      await ucdp.close();
    });

    test('an ACLED pull reads every page, stores the rows exactly as the same rows imported from the file, and a second pull asks only for what changed', async () => {
      const { store, drop } = await dialect.open();
      const file = await dialect.open();
      try {
        const first = await pullAcled(store, { country: 'South Sudan' });
        assert.equal(first.files.length, 1);
        const f = first.files[0]!;
        assert.match(f.path, /^acled:.*South Sudan/);
        assert.equal(f.format, 'acled');
        assert.equal(f.rows, sample.length * 2);
        assert.equal(f.imported + f.rejected, sample.length * 2);
        assert.equal(f.deleted, 0);
        const reads = acled.requests.filter((u) => u.pathname === '/api/acled/read');
        assert.deepEqual(
          reads.map((u) => [u.searchParams.get('page'), u.searchParams.get('limit')]),
          [
            ['1', '5000'],
            ['2', '5000'],
          ],
        );
        assert.ok(
          acled.authorizations.every((a) => /^Bearer [0-9a-f]{24}$/.test(a)),
          'the token goes as a Bearer header',
        );
        const token = acled.requests.find((u) => u.pathname === '/oauth/token');
        assert.ok(
          token && !token.search.includes('s3cret'),
          'the password travels in the form, never the URL',
        );

        // The same rows from the file give the very same events.
        await importEvents(file.store, [ACLED_CSV.path]);
        const pulled = (await storedEvents(store, 'acled')).filter((e) => !e.source_event_id.endsWith('B'));
        assert.deepEqual(pulled, await storedEvents(file.store, 'acled'));

        acled.requests.length = 0;
        const second = await pullAcled(store, { country: 'South Sudan' });
        assert.equal(second.files[0]!.imported, 0);
        assert.equal(second.files[0]!.updated, 0);
        const since = acled.requests
          .find((u) => u.pathname === '/api/acled/read')
          ?.searchParams.get('timestamp');
        const newest = Math.max(...sample.map((r) => Number(r.timestamp)));
        assert.equal(
          since,
          String(newest),
          'a later pull asks only for what changed since the newest timestamp seen',
        );
      } finally {
        await drop();
        await file.drop();
      }
    });

    test("an ACLED revision is updated and ACLED's deletions leave the store and the aggregates, in one pull", async () => {
      const { store, drop } = await dialect.open();
      try {
        await pullAcled(store, { country: 'South Sudan', from: '2014-01-01', to: '2014-12-31' });
        const before = await countOf(store, 'events');
        const aggregated = await aggregatedEvents(store, 'South Sudan');
        assert.equal(aggregated, before);
        const in2014 = acled.events.filter((e) => e.event_date.startsWith('2014'));
        const revised = in2014[0]!;
        const gone = in2014[1]!;
        const newest = String(Math.max(...acled.events.map((e) => Number(e.timestamp))) + 10);
        const original = { ...revised };
        Object.assign(revised, { fatalities: String(Number(revised.fatalities) + 3), timestamp: newest });
        acled.deletions.push({ event_id_cnty: gone.event_id_cnty, deleted_timestamp: newest });
        try {
          const r = await pullAcled(store, { country: 'South Sudan', from: '2014-01-01', to: '2014-12-31' });
          assert.equal(r.files[0]!.updated, 1);
          assert.equal(r.files[0]!.imported, 0);
          assert.equal(r.files[0]!.deleted, 1);
          assert.equal(r.deleted, 1);
          assert.equal(await countOf(store, 'events'), before - 1);
          assert.equal(await aggregatedEvents(store, 'South Sudan'), before - 1);
          const left = await store.db
            .selectFrom('events')
            .select('source_event_id')
            .where('source_event_id', '=', gone.event_id_cnty)
            .execute();
          assert.deepEqual(left, []);
          const again = await pullAcled(store, {
            country: 'South Sudan',
            from: '2014-01-01',
            to: '2014-12-31',
          });
          assert.equal(again.files[0]!.deleted, 0);
          const deletedSince = acled.requests
            .filter((u) => u.pathname === '/api/deleted/read')
            .at(-1)
            ?.searchParams.get('deleted_timestamp');
          assert.equal(deletedSince, newest, 'deletions are asked for from the newest deletion seen');
        } finally {
          Object.assign(revised, original);
          acled.deletions.length = 0;
        }
      } finally {
        await drop();
      }
    });

    test('an event ACLED deleted and later published again stays, and a deletion is applied once', async () => {
      const { store, drop } = await dialect.open();
      const query = { country: 'South Sudan', from: '2015-01-01', to: '2015-12-31' };
      const one = acled.events.find((e) => e.event_date.startsWith('2015'))!;
      const original = { ...one };
      const newest = Math.max(...acled.events.map((e) => Number(e.timestamp)));
      const held = async () =>
        (
          await store.db
            .selectFrom('events')
            .select('source_event_id')
            .where('source_event_id', '=', one.event_id_cnty)
            .execute()
        ).length;
      try {
        await pullAcled(store, query);
        acled.deletions.push({ event_id_cnty: one.event_id_cnty, deleted_timestamp: String(newest + 10) });
        const deleted = await pullAcled(store, query);
        assert.equal(deleted.deleted, 1);
        assert.equal(await held(), 0);
        // Published again, corrected, after the deletion.
        Object.assign(one, {
          fatalities: String(Number(one.fatalities) + 1),
          timestamp: String(newest + 20),
        });
        const back = await pullAcled(store, query);
        assert.equal(back.files[0]!.imported, 1);
        assert.equal(back.deleted, 0, 'the older deletion does not take the newer event out');
        assert.equal(await held(), 1);
        // Another event changes later: the republished one is not sent again, the deletion is.
        const other = acled.events.find((e) => e.event_date.startsWith('2015') && e !== one)!;
        const otherBefore = { ...other };
        Object.assign(other, { notes: `${other.notes} (revised)`, timestamp: String(newest + 30) });
        try {
          const later = await pullAcled(store, query);
          assert.equal(later.files[0]!.updated, 1);
          assert.equal(later.deleted, 0, 'a deletion an earlier pull applied is not applied again');
          assert.equal(await held(), 1);
        } finally {
          Object.assign(other, otherBefore);
        }
      } finally {
        Object.assign(one, original);
        acled.deletions.length = 0;
        await drop();
      }
    });

    test('a server that sends fewer rows a page than asked is read to the end, not taken as done', async () => {
      const { store, drop } = await dialect.open();
      acled.mode.pageCap = 1000;
      acled.requests.length = 0;
      try {
        const r = await pullAcled(store, { country: 'South Sudan' });
        assert.equal(r.files[0]!.rows, sample.length * 2);
        const pages = acled.requests.filter((u) => u.pathname === '/api/acled/read').length;
        assert.equal(pages, Math.ceil((sample.length * 2) / 1000));
      } finally {
        delete acled.mode.pageCap;
        await drop();
      }
    });

    test('a rate limit that asks to wait minutes says so, not that the quota is reached (probe)', async () => {
      const { store, drop } = await dialect.open();
      acled.mode.retryAfter = 120;
      try {
        const said = await rejects(pullAcled(store, { country: 'South Sudan' }), /asks to wait 2 minutes/);
        assert.doesNotMatch(said, /quota/);
      } finally {
        delete acled.mode.retryAfter;
        await drop();
      }
    });

    test("ACLED's error told in a 200 answer with its status as text is quoted", async () => {
      const { store, drop } = await dialect.open();
      acled.mode.body = { status: '400', error: 'Bad request: unknown parameter "country"' };
      try {
        await rejects(pullAcled(store, { country: 'South Sudan' }), /unknown parameter "country"/);
      } finally {
        delete acled.mode.body;
        await drop();
      }
    });

    test('refused credentials, a quota, a server error, a truncated page and a page that never comes each fail the pull in one line and leave the store untouched', async () => {
      const { store, drop } = await dialect.open();
      try {
        await pullAcled(store, { country: 'South Sudan', from: '2013-01-01', to: '2013-12-31' });
        const events = await countOf(store, 'events');
        const imports = await countOf(store, 'imports');
        const input = { country: 'South Sudan', from: '2015-01-01', to: '2015-12-31' };

        process.env.ACLED_PASSWORD = 'wrong';
        await rejects(pullAcled(store, input), /^ACLED .*credentials/);
        process.env.ACLED_PASSWORD = 's3cret';

        acled.mode.refuseTokens = true;
        await rejects(pullAcled(store, input), /^ACLED refused the credentials \(HTTP 401/);
        acled.mode.refuseTokens = false;

        acled.mode.quota = true;
        await rejects(pullAcled(store, input), /ACLED.*quota/);
        acled.mode.quota = false;
        acled.mode.quotaInBody = true;
        await rejects(pullAcled(store, input), /ACLED.*quota/);
        acled.mode.quotaInBody = false;

        acled.mode.serverErrors = 100;
        await rejects(
          pullAcled(store, input),
          /ACLED's server failed on page 1 of events \(HTTP 500.*tried 3 times/,
        );
        acled.mode.serverErrors = 0;

        acled.mode.truncate = 100;
        await rejects(pullAcled(store, input), /ACLED: page 1 of events came back cut short.*tried 3 times/);
        acled.mode.truncate = 0;

        process.env.TANDEM_PULL_TIMEOUT_MS = '300';
        acled.mode.hangOnPage = 1;
        await rejects(pullAcled(store, input), /ACLED: page 1 of events did not come within .*tried 2 times/);
        acled.mode.hangOnPage = undefined;
        delete process.env.TANDEM_PULL_TIMEOUT_MS;

        await rejects(pullAcled(store, { country: 'Sout Sudan' }), /ACLED sent no events for "Sout Sudan"/);

        assert.equal(await countOf(store, 'events'), events);
        assert.equal(await countOf(store, 'imports'), imports);

        // Transient failures are tried again: one cut page and one server error still give a pull.
        acled.mode.truncate = 1;
        acled.mode.serverErrors = 1;
        const r = await pullAcled(store, input);
        assert.ok(r.files[0]!.imported > 0);

        const list = await runOperation(pullOperations.listSourcePulls, {}, call(store));
        const y2015 = list.pulls.find((p) => p.parameters.from === '2015-01-01');
        assert.equal(y2015?.lastAttempt.status, 'ok');
        assert.equal(y2015?.lastSuccess?.imported, r.files[0]!.imported);
        const misspelt = list.pulls.find((p) => p.country === 'Sout Sudan');
        assert.equal(misspelt?.lastAttempt.status, 'failed');
        assert.match(misspelt?.lastAttempt.error ?? '', /no events/);
        assert.equal(misspelt?.lastSuccess, null);

        // An API without a deletion list: the pull goes through and says what it could not do.
        acled.mode.noDeletions = true;
        const without = await pullAcled(store, input);
        assert.equal(without.files[0]!.imported, 0);
        assert.match(
          without.warnings?.[0] ?? '',
          /no deletion list .*events ACLED deleted were not taken out/,
        );
        acled.mode.noDeletions = false;
      } finally {
        acled.mode = {};
        process.env.ACLED_PASSWORD = 's3cret';
        await drop();
      }
    });

    test('a UCDP pull follows NextPageUrl, reads numbers given as numbers or strings and dates with or without a time, and stores what the GeoJSON file gives', async () => {
      const { store, drop } = await dialect.open();
      const file = await dialect.open();
      try {
        const r = await pullUcdp(store, { country: 'Central African Republic', version: '23.1' });
        const f = r.files[0]!;
        assert.match(f.path, /^ucdp:.*Central African Republic.*23\.1/);
        assert.equal(f.format, 'ucdp');
        assert.equal(f.rows, ged.length);
        assert.equal(f.imported + f.rejected, ged.length);
        const reads = ucdp.requests.filter((u) => u.pathname === '/api/gedevents/23.1');
        assert.equal(reads.length, Math.ceil(ged.length / 1000));
        assert.ok(
          reads.every(
            (u) => u.searchParams.get('Country') === '482' && u.searchParams.get('pagesize') === '1000',
          ),
        );

        await importEvents(file.store, [GED_GEOJSON.path]);
        assert.deepEqual(await storedEvents(store, 'ucdp'), await storedEvents(file.store, 'ucdp'));

        const again = await pullUcdp(store, { country: 'Central African Republic', version: '23.1' });
        assert.equal(again.files[0]!.imported, 0);
        assert.equal(again.files[0]!.updated, 0);
        assert.equal(again.files[0]!.unchanged, f.imported);
      } finally {
        await drop();
        await file.drop();
      }
    });

    test('a yearly UCDP release replaces the candidate events it covers, and keeps the later ones', async () => {
      const { store, drop } = await dialect.open();
      try {
        const y2021 = ged.filter((e) => String(e.date_start).startsWith('2021'));
        const y2022 = ged.filter((e) => String(e.date_start).startsWith('2022'));
        // Candidate 22.0.12: 2021's events under candidate ids (which the yearly release drops),
        // plus some of them under their final ids; yearly 22.1 covers 2021.
        const candidates = [
          ...y2021.slice(0, 20).map((e) => ({ ...e, id: `9${e.id}` })),
          ...y2021.slice(20, 40),
          ...y2022.slice(0, 5).map((e) => ({ ...e, date_start: '2022-03-01', date_end: '2022-03-01' })),
        ];
        ucdp.versions.set('22.0.12', candidates);
        ucdp.versions.set('22.1', y2021);
        const c = await pullUcdp(store, { country: 'Central African Republic', version: '22.0.12' });
        assert.equal(c.files[0]!.imported, 45);
        const y = await pullUcdp(store, { country: '482', version: '22.1' });
        assert.equal(y.files[0]!.deleted, 20, 'the candidate ids the yearly release does not carry leave');
        const ids = new Set((await storedEvents(store, 'ucdp')).map((e) => e.source_event_id));
        assert.equal(ids.size, y2021.length + 5);
        for (const e of y2021) assert.ok(ids.has(String(e.id)));
        assert.equal(await aggregatedEvents(store, 'Central African Republic'), ids.size);
      } finally {
        ucdp.versions.delete('22.0.12');
        ucdp.versions.delete('22.1');
        await drop();
      }
    });

    test("without --version, UCDP is asked for the latest yearly release, or the year before's while that is not out", async () => {
      const { store, drop } = await dialect.open();
      const latest = defaultUcdpVersion();
      const before = `${Number(latest.split('.')[0]) - 1}.1`;
      ucdp.versions.set(before, ged.slice(0, 30));
      try {
        const r = await pullUcdp(store, { country: 'Central African Republic' });
        assert.match(r.files[0]!.path, new RegExp(`version=${before.replace('.', '\\.')}$`));
        assert.equal(r.files[0]!.imported, 30);
        const asked = ucdp.requests.map((u) => u.pathname);
        assert.ok(asked.includes(`/api/gedevents/${latest}`) && asked.includes(`/api/gedevents/${before}`));
        const list = await runOperation(pullOperations.listSourcePulls, {}, call(store));
        assert.deepEqual(
          list.pulls.map((p) => p.lastAttempt.status),
          ['ok'],
          'the probe of a release not yet out is not shown as a failure',
        );
      } finally {
        ucdp.versions.delete(before);
        await drop();
      }
    });

    test('UCDP: a refused token, a quota and a page cut short fail in one line; an unknown country or version is bad input', async () => {
      const { store, drop } = await dialect.open();
      try {
        const input = { country: 'Central African Republic', version: '23.1' };
        process.env.UCDP_API_TOKEN = 'wrong';
        await rejects(pullUcdp(store, input), /^UCDP refused the credentials/);
        process.env.UCDP_API_TOKEN = 'ucdp-token';
        ucdp.mode.quota = true;
        await rejects(pullUcdp(store, input), /^UCDP: the quota of requests is reached/);
        ucdp.mode.quota = false;
        ucdp.mode.shortPage = true;
        await rejects(pullUcdp(store, input), /^UCDP sent 1,841 of the 1,848 events/);
        ucdp.mode.shortPage = false;
        await rejects(pullUcdp(store, { country: 'Atlantis', version: '23.1' }), /not a country UCDP knows/);
        await rejects(pullUcdp(store, { country: 'Chad', version: 'latest' }), /not a GED version/);
        await rejects(
          pullUcdp(store, { country: 'Chad', version: '23.1' }),
          /UCDP sent no GED 23.1 events for Chad/,
        );
        assert.equal(await countOf(store, 'events'), 0);
        assert.equal(await countOf(store, 'imports'), 0);
      } finally {
        ucdp.mode = {};
        process.env.UCDP_API_TOKEN = 'ucdp-token';
        await drop();
      }
    });

    test('the CLI prints the import JSON with "deleted", and wrong credentials end it with exit 2 and one line', {
      skip: dialect.name !== 'sqlite' && 'the CLI runs once, on SQLite',
    }, async () => {
      const { flags, drop } = await dialect.open();
      try {
        const env = { ACLED_API_URL: acled.url, ACLED_USERNAME: 'analyst@un.org', ACLED_PASSWORD: 's3cret' };
        const ok = await runCli(
          [
            'pull',
            'acled',
            '--country',
            'South Sudan',
            '--from',
            '2012-01-01',
            '--to',
            '2012-12-31',
            '--json',
            ...flags,
          ],
          { env },
        );
        assert.equal(ok.code, 0, ok.stderr);
        const json = JSON.parse(ok.stdout);
        assert.deepEqual(Object.keys(json.files[0]).sort(), [
          'deleted',
          'format',
          'imported',
          'path',
          'rejected',
          'rows',
          'unchanged',
          'updated',
        ]);
        assert.equal(json.deleted, 0);
        const bad = await runCli(['pull', 'acled', '--country', 'South Sudan', '--json', ...flags], {
          env: { ...env, ACLED_PASSWORD: 'nope' },
        });
        assert.equal(bad.code, 2);
        const lines = bad.stderr.trim().split('\n');
        assert.equal(lines.length, 1, bad.stderr);
        assert.match(lines[0]!, /ACLED.*credentials/);
        assert.ok(!bad.stderr.includes('nope'), 'the password is never printed');
      } finally {
        await drop();
      }
    });
  });
}
