import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseEvery, parsePullSpec } from '../src/app/pull-schedule.ts';
import { BIN } from './run-cli.ts';
import { sharedData } from './shared-data.ts';
import { acledSampleRows, startAcledStandIn } from './stand-ins/acled-stand-in.ts';
import { gedSampleRows, startUcdpStandIn } from './stand-ins/ucdp-stand-in.ts';

const ACLED_CSV = sharedData('acled/acled_south_sudan_2011-2015.csv');
const GED_GEOJSON = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.geojson');

test('--pull names a source and a country (a version for UCDP), --pull-every a period', () => {
  assert.deepEqual(parsePullSpec('acled:South Sudan'), { source: 'acled', country: 'South Sudan' });
  assert.deepEqual(parsePullSpec('UCDP: Central African Republic@25.0.11'), {
    source: 'ucdp',
    country: 'Central African Republic',
    version: '25.0.11',
  });
  assert.throws(() => parsePullSpec('South Sudan'), /--pull: "South Sudan" is not SOURCE:COUNTRY/);
  assert.equal(parseEvery('7d'), 7 * 86_400_000);
  assert.equal(parseEvery('12h'), 12 * 3_600_000);
  assert.equal(parseEvery('1w'), 7 * 86_400_000);
  assert.throws(() => parseEvery('30s'), /--pull-every/);
  assert.throws(() => parseEvery('7'), /--pull-every/);
});

test('`tandem serve --pull … --pull-every 7d` pulls each source in the background, and the API lists each pull with its counts', {
  skip: ACLED_CSV.skip || GED_GEOJSON.skip,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-serve-pull-'));
  const acled = await startAcledStandIn({
    events: acledSampleRows(ACLED_CSV.path),
    username: 'u@un.org',
    password: 'p',
  });
  const ged = gedSampleRows(GED_GEOJSON.path);
  const ucdp = await startUcdpStandIn({ token: 't', versions: new Map([['23.1', ged]]) });
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      '0',
      '--no-demo',
      '--db',
      join(dir, 'tandem.db'),
      '--pull',
      'acled:South Sudan',
      '--pull',
      'ucdp:Central African Republic@23.1',
      '--pull-every',
      '7d',
    ],
    {
      env: {
        ...process.env,
        ACLED_API_URL: acled.url,
        ACLED_USERNAME: 'u@un.org',
        ACLED_PASSWORD: 'p',
        UCDP_API_URL: ucdp.url,
        UCDP_API_TOKEN: 't',
      },
    },
  );
  let stderr = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no pulls logged within 60 s:\n${stderr}`)), 60_000);
      child.stderr.on('data', (d) => {
        stderr += d;
        if (
          /pulled acled:South Sudan/.test(stderr) &&
          /pulled ucdp:Central African Republic@23.1/.test(stderr)
        ) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`serve ended:\n${stderr}`)));
    });
    assert.match(stderr, /pulled acled:South Sudan: 2590 rows, 2590 new, 0 updated, 0 deleted/);
    const at = /workbench at (http:\/\/\S+)/.exec(stderr)?.[1];
    assert.ok(at, stderr);
    const res = await fetch(`${at}/api/pulls`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      pulls: { source: string; lastAttempt: { status: string }; lastSuccess: { imported: number } | null }[];
    };
    assert.deepEqual(body.pulls.map((p) => p.source).sort(), ['acled', 'ucdp']);
    assert.ok(body.pulls.every((p) => p.lastAttempt.status === 'ok'));
    assert.equal(body.pulls.find((p) => p.source === 'ucdp')?.lastSuccess?.imported, ged.length);
    // Due again only in seven days: nothing more is asked of the sources meanwhile.
    const asked = acled.requests.length;
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(acled.requests.length, asked);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await acled.close();
    await ucdp.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
