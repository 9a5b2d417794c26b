import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './run-cli.ts';

const FILE = new URL('fixtures/negotiations/shape-and-reference.yaml', import.meta.url).pathname;

test('negotiation check lists the shape problems and the unknown party of a file together, exit 2', async () => {
  const r = await runCli(['negotiation', 'check', FILE, '--db', ':memory:']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /shape-and-reference\.yaml has 5 problems:/);
  assert.match(
    r.stderr,
    /shape-and-reference\.yaml:14:21: rounds\[0\]\.delegations\.GOV\.women: expected number/,
  );
  assert.match(
    r.stderr,
    /shape-and-reference\.yaml:15:7: rounds\[0\]\.delegations\.REB: unknown party "REB": expected one of GOV, IO/,
  );
  assert.match(r.stderr, /shape-and-reference\.yaml:16:5: rounds\[1\]\.start: missing required field/);
  assert.match(r.stderr, /shape-and-reference\.yaml:20:9: rounds\[2\]\.id: duplicate round id "R1"/);
  assert.match(r.stderr, /shape-and-reference\.yaml:22:10: rounds\[2\]\.end: the round ends/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('a process with no party is refused at its line (held-out probe: it passed, exit 0, checking nothing)', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'tandem-neg-'));
  try {
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, 'process: x\ncountry: South Sudan\nparties: []\nrounds: []\n');
    const r = await runCli(['negotiation', 'check', file, '--db', ':memory:']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /empty\.yaml:3:10: parties: expected at least one party/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
