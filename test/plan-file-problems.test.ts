import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.ts';

const FILE = new URL('fixtures/plans/shape-and-reference.yaml', import.meta.url).pathname;

/** Every problem of the fixture, as `plan check` prints it (after the file's path), in file order. */
const EXPECTED = [
  ':9:33: period.to: the period ends (2024-01-01) before it starts (2024-12-31)',
  ':15:59: concept.objectives[0].tasks[1]: unknown id "T-ELEC": expected a mandate task id',
  ':20:54: strategies[0].objectives[0].anchors[1]: unknown id "C9": expected a concept objective id',
  ':22:11: strategies[1].kind: expected one of "poc", "political", "other", got the text "politcal"',
  ':24:15: strategies[1].objectives[0].id: duplicate id "C1" (already used at concept.objectives[0])',
  ':29:51: resources[0].available: expected number, got the text "two"',
  ':31:5: activities[0].component: missing required field (expected one of "civilian", "military", "police")',
  ':35:20: activities[0].uses.boats: resource "boats" can only work in North (resources[0].areas), but this activity also works in South (the areas of its office FO-N): add that area to the resource\'s areas, or give the activity only areas where the resource can work',
  ':38:18: activities[1].objectives[0]: unknown id "P2": expected a strategy or concept objective id',
  ':40:13: activities[1].office: unknown id "FO-X": expected an office id',
  ':42:13: activities[1].uses.helicopters: unknown id "helicopters": expected a resource id',
  ':45:13: priorities[1].area: duplicate priority for area "north province" (already given at priorities[0] as "North"): give each area one priority',
  ':45:39: priorities[1].priority: expected number, got the text "high"',
];

for (const json of [false, true]) {
  test(`plan check${json ? ' --json' : ''} lists a file's shape problems and the ties between its parts together, in file order, exit 2`, async () => {
    const r = await runCli(['plan', 'check', FILE, ...(json ? ['--json'] : []), '--db', ':memory:'], {
      env: { TANDEM_DEBUG: '' },
    });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `tandem: ${FILE} has ${EXPECTED.length} problems:\n${EXPECTED.map((p) => `  ${FILE}${p}\n`).join('')}`,
    );
    // Q1's strategy has no readable kind, so whether P1 may name Q1 as political is not judged.
    assert.doesNotMatch(r.stderr, /political\[0\]/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
}

test('a plan or a process written in JSON is told its JSON mistake, where it is, not a YAML reader’s', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-json-'));
  try {
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, '{"mission": "X",\n "country": "Y" "period": {}}\n');
    const r = await runCli(['plan', 'check', plan, '--db', ':memory:'], { env: { TANDEM_DEBUG: '' } });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(
      r.stderr,
      `tandem: ${plan} is not valid:\n  ${plan}:2:17: JSON: Expected ',' or '}' after property value\n`,
    );
    const talks = join(dir, 'talks.json');
    writeFileSync(talks, '{"process": "T", "country": "Testland",\n "parties": [ {"id": "GOV"}\n');
    const t = await runCli(['negotiation', 'check', talks, '--db', ':memory:'], {
      env: { TANDEM_DEBUG: '' },
    });
    assert.equal(t.code, 2, t.stderr);
    assert.match(t.stderr, /talks\.json:3:1: JSON: Expected ',' or '\]' after array element\n$/);
    assert.doesNotMatch(t.stderr, /Flow (map|sequence)/);
    // Where JSON.parse gives no position (an unexpected token), the place is still the token's.
    const token = join(dir, 'token.json');
    writeFileSync(token, '{\n "mission": "X",\n "x": @bad,\n "country": "Y",\n "a": 1\n}\n');
    const k = await runCli(['plan', 'check', token, '--db', ':memory:'], { env: { TANDEM_DEBUG: '' } });
    assert.equal(k.stderr, `tandem: ${token} is not valid:\n  ${token}:3:7: JSON: Unexpected token '@'\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
