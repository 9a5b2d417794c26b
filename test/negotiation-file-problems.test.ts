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
