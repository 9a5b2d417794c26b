import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runCli } from './run-cli.ts';

// API/README probe: `tandem sumary` said "unknown command" with no suggestion, where a misspelt
// option gets one, and `tandem --version` was an unknown option.
test('a misspelt command is refused with exit 2 and the command meant; --version prints the version', async () => {
  const typo = await runCli(['sumary']);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /unknown command 'sumary'\n\(Did you mean summary\?\)/);
  const nothing = await runCli(['frobnicate']);
  assert.equal(nothing.code, 2);
  assert.doesNotMatch(nothing.stderr, /Did you mean/);
  const version = await runCli(['--version']);
  assert.equal(version.code, 0, version.stderr);
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(version.stdout.trim(), pkg.version);
});
