import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './run-cli.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tandem-misspelt-scope-'));
const DB = join(DIR, 'tandem.db');
const ACLED = new URL('fixtures/good/acled-old-format.csv', import.meta.url).pathname;
const ENV = { env: { TANDEM_DEBUG: '', TANDEM_ROLES: 'admin' } };

/**
 * A misspelt country or area, or a day beyond the events, is a user's mistake: exit 2 with what the
 * store holds, never an empty table with exit 0 that reads as "no violence there", nor a message
 * blaming a flag the user never gave.
 */
describe('a country, area or period the events do not cover', { concurrency: 4 }, () => {
  before(async () => {
    const r = await runCli(['import', ACLED, '--db', DB], ENV);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => rmSync(DIR, { recursive: true, force: true }));

  const refused: { args: string[]; says: RegExp }[] = [
    {
      args: ['summary', '--country', 'Testlnd'],
      says: /no events for country "Testlnd" \(did you mean "Testland"\?\); countries in the store: Testland/,
    },
    { args: ['summary', '--country', 'testland', '--json'], says: /did you mean "Testland"/ },
    { args: ['actors', '--country', 'Testlnd'], says: /no events for country "Testlnd"/ },
    { args: ['drivers', 'suggest', '--country', 'Testlnd'], says: /no events for country "Testlnd"/ },
    {
      args: ['export', '--format', 'csv', '--country', 'Testland', '--admin1', 'Lakesid'],
      says: /no events for admin-1 area "Lakesid" of Testland \(did you mean "Lakeside"\?\)/,
    },
    {
      args: ['analyze', '--country', 'Testlnd', '--json'],
      says: /no events for country "Testlnd" \(did you mean/,
    },
    {
      args: ['analyze', '--country', 'Testland', '--admin1', 'Lakesid', '--json'],
      says: /did you mean "Lakeside"/,
    },
    {
      args: ['analyze', '--country', 'Testland', '--from', '2030-01-01', '--json'],
      says: /--from 2030-01-01: no events on or after that day; the events of Testland run from 2021-03-14 to 2021-03-16/,
    },
    {
      args: [
        'analyze',
        '--country',
        'Testland',
        '--from',
        '2030-01-01',
        '--to',
        '2030-12-31',
        '--format',
        'md',
      ],
      says: /--from 2030-01-01 to --to 2030-12-31: no events in that period; the events of Testland run from 2021-03-14 to 2021-03-16/,
    },
    {
      args: ['threats', 'propose', '--country', 'Testland', '--to', '2020-01-01'],
      says: /--to 2020-01-01: no events on or before that day/,
    },
  ];
  for (const c of refused) {
    test(`\`tandem ${c.args.join(' ')}\` exits 2 saying what the store holds`, async () => {
      const r = await runCli([...c.args, '--db', DB], ENV);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, c.says);
      assert.doesNotMatch(r.stderr, /is after --to|import some first|^\s+at /m);
      assert.equal(r.stdout, '');
    });
  }

  test('an export refused for its scope leaves no file behind', async () => {
    const out = join(DIR, 'out.csv');
    const r = await runCli(
      ['export', '--format', 'csv', '--country', 'Testlnd', '--out', out, '--db', DB],
      ENV,
    );
    assert.equal(r.code, 2, r.stderr);
    assert.equal(existsSync(out), false);
  });

  test('--out - is standard output, not a file named "-"', async () => {
    const r = await runCli(['export', '--format', 'csv', '--country', 'Testland', '--out', '-', '--db', DB], {
      ...ENV,
      cwd: DIR,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 4, r.stdout);
    assert.equal(existsSync(join(DIR, '-')), false);
  });

  test('a country the store holds, in a period without events, is still an empty answer', async () => {
    const r = await runCli(
      ['summary', '--country', 'Testland', '--from', '2030-01-01', '--json', '--db', DB],
      ENV,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).rows, []);
    const named = await runCli(['summary', '--country', 'Testland', '--json', '--db', DB], ENV);
    assert.equal(named.code, 0, named.stderr);
    assert.equal(JSON.parse(named.stdout).rows[0].events, 3);
  });
});
