import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replaceNames } from './replace-names.ts';

test('names are replaced everywhere, longest first, keys included', () => {
  assert.deepEqual(
    replaceNames({ 'By FARDC': 'FARDC and FARDC Brigade 3' }, ['FARDC', 'FARDC Brigade 3'], 'X'),
    { 'By X': 'X and X' },
  );
});

test('an identifier kept stays whole, and the name outside it is still replaced', () => {
  assert.equal(
    replaceNames('A1, A-FARDC, A3: FARDC attacked', ['FARDC'], '(withheld)', ['A-FARDC', 'A1']),
    'A1, A-FARDC, A3: (withheld) attacked',
  );
});

test('an identifier cannot shelter a name: one inside a name, or equal to it, keeps nothing', () => {
  assert.equal(
    replaceNames('FARDC Brigade A-1 and FARDC', ['FARDC Brigade A-1', 'FARDC'], 'W', ['A-1', 'FARDC']),
    'W and W',
  );
  // An identifier a longer name holds is not kept anywhere: the name must not leak through it.
  assert.equal(
    replaceNames('Plan A-FARDC South at A-FARDC', ['A-FARDC South', 'FARDC'], 'W', ['A-FARDC']),
    'Plan W at A-W',
  );
});
