import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isJointTag } from './driver.ts';

const at = '2024-01-01T00:00:00Z';

test('a tag by a POC analyst alone is not joint', () => {
  assert.equal(isJointTag({ analyst: 'amina', unit: 'poc', confirmations: [] }), false);
});

test('a tag by a POC analyst confirmed by a political analyst is joint', () => {
  assert.equal(
    isJointTag({
      analyst: 'amina',
      unit: 'poc',
      confirmations: [{ analyst: 'chen', unit: 'political', at }],
    }),
    true,
  );
});

test('two analysts of the same unit do not make a tag joint', () => {
  assert.equal(
    isJointTag({ analyst: 'amina', unit: 'poc', confirmations: [{ analyst: 'bob', unit: 'poc', at }] }),
    false,
  );
});

test('one person cannot be both halves of a joint tag', () => {
  assert.equal(
    isJointTag({
      analyst: 'amina',
      unit: 'poc',
      confirmations: [{ analyst: 'amina', unit: 'political', at }],
    }),
    false,
  );
});
