import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.ts';

const INCIDENTS = fileURLToPath(new URL('./fixtures/good/incidents-fr-hxl.csv', import.meta.url));

test('a plan written with the country’s French name or acronym is checked against that country’s events (held-out probe: none were, exit 0)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-plan-country-'));
  try {
    const db = join(dir, 'store.db');
    assert.equal((await runCli(['import', INCIDENTS, '--db', db])).code, 0);
    for (const country of ['République centrafricaine', 'RCA']) {
      const plan = join(dir, 'plan.yaml');
      writeFileSync(
        plan,
        `mission: M
country: ${country}
period: { from: 2026-01-01, to: 2026-12-31 }
mandate: { tasks: [] }
concept: { objectives: [] }
`,
      );
      const r = await runCli(['plan', 'check', plan, '--db', db, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.doesNotMatch(JSON.stringify(report.notes), /name no country|did you mean/, country);
      // The events of Nana-Grébizi, Ouham-Pendé and Haute-Kotto are the evidence: the areas are ranked.
      assert.equal(report.country, 'Central African Republic');
      assert.ok(report.ranking.top.length >= 2, `${country}: ${JSON.stringify(report.ranking)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
