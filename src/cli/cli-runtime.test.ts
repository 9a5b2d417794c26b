import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagName } from './cli-runtime.ts';

test('a field is named as its flag: kebab case with --, unless the command names it otherwise', () => {
  assert.equal(flagName(['limit']), '--limit');
  assert.equal(flagName(['windowDays']), '--window-days');
  assert.equal(flagName(['evidenceLimit'], { evidenceLimit: '--evidence' }), '--evidence');
  // An item of a list, or a field of an object, is named by the flag or argument it came from.
  assert.equal(flagName(['paths', 0], { paths: 'FILES' }), 'FILES');
  assert.equal(flagName(['document', 'base64'], { document: 'FILE' }), 'FILE');
});
