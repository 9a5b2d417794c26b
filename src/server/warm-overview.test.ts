import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { queryString } from '../../web/src/api-client.ts';
import { lastDayOf, yearBefore } from '../../web/src/url-state.ts';
import { overviewPaths } from './warm-overview.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The overview's first requests as overview-page.tsx builds them (no filter ticked). */
function pageRequests(country: string, last: string): string[] {
  const filter = {
    country,
    from: yearBefore(last),
    to: lastDayOf(last),
    violenceTypes: [],
    actorCategories: [],
  };
  return [
    `/api/areas${queryString(filter)}`,
    `/api/areas/events${queryString({ ...filter, limit: 2000, shape: 'points' })}`,
    `/api/areas/trend${queryString({ ...filter, from: undefined, to: undefined })}`,
    `/api/alerts${queryString({ country, from: filter.from, to: filter.to })}`,
  ];
}

/** Runs index.html's first inline script with a stub fetch, and returns the URLs it asked for. */
async function earlyRequests(country: string, last: string, hash: string): Promise<string[]> {
  const html = readFileSync(join(ROOT, 'web', 'index.html'), 'utf8');
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const asked: string[] = [];
  const window: Record<string, unknown> = {};
  const fetch = (url: string) => {
    asked.push(url);
    const body = url === '/api/status' ? { countries: [{ country, last }] } : {};
    return Promise.resolve({ ok: true, json: async () => body });
  };
  runInNewContext(script, {
    window,
    fetch,
    location: { hash },
    localStorage: { getItem: () => null },
    URLSearchParams,
    Date,
    Error,
  });
  await window.tandemStatus;
  await new Promise((r) => setImmediate(r));
  return asked;
}

test('the server warms the very URLs the overview page asks for', () => {
  for (const [country, last] of [
    ['Northland', '2022-12'],
    ['South Sudan', '2024-01'],
    ["Côte d'Ivoire", '2023-07'],
  ]) {
    assert.deepEqual(overviewPaths(country, last), pageRequests(country, last));
  }
});

test('index.html sends the overview first requests early, with the URLs the page uses', async () => {
  const asked = await earlyRequests('South Sudan', '2024-01', '');
  const page = pageRequests('South Sudan', '2024-01');
  assert.deepEqual(asked.slice(1).sort(), page.slice(0, 3).sort());
});

test('index.html sends the early requests for the country and period the address names', async () => {
  const asked = await earlyRequests(
    'South Sudan',
    '2024-01',
    '#/?country=South%20Sudan&from=2013-12-01&to=2013-12-31',
  );
  assert.ok(asked.includes('/api/areas?country=South+Sudan&from=2013-12-01&to=2013-12-31'), asked.join(' '));
});

test('index.html sends nothing early for another page than the overview', async () => {
  assert.deepEqual(await earlyRequests('South Sudan', '2024-01', '#/plan'), ['/api/status']);
});
