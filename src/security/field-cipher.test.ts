import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { isSealed, openField, sealField } from './field-cipher.ts';

const key = { id: 1, key: randomBytes(32) };

test('a sealed field opens with its key and context, and hides its text', () => {
  const sealed = sealField(key, 'Witness: Amina, compound behind the clinic', 'incident:7:narrative');
  assert.ok(isSealed(sealed));
  assert.doesNotMatch(sealed, /Amina|clinic/);
  assert.equal(openField(key, sealed, 'incident:7:narrative'), 'Witness: Amina, compound behind the clinic');
});

test('a sealed field moved to another record, altered, or opened with another key is refused', () => {
  const sealed = sealField(key, 'source: the deputy chief', 'incident:7:source');
  assert.throws(() => openField(key, sealed, 'incident:8:source'), /does not open/);
  const flipped = `${sealed.slice(0, -3)}${sealed.at(-3) === 'A' ? 'B' : 'A'}${sealed.slice(-2)}`;
  assert.throws(() => openField(key, flipped, 'incident:7:source'), /does not open/);
  assert.throws(
    () => openField({ id: 1, key: randomBytes(32) }, sealed, 'incident:7:source'),
    /does not open/,
  );
  assert.throws(() => openField({ id: 2, key: key.key }, sealed, 'incident:7:source'), /another data key/);
});
