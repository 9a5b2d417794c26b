import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AreaSpellings } from './area-spellings.ts';

test('an area written with other accents, case, hyphens or spacing takes the spelling kept first; other names stay apart', () => {
  const s = new AreaSpellings([
    ['Mali', 'Segou'],
    ['Mali', 'Ségou'],
  ]);
  assert.equal(s.of('Mali', 'Ségou'), 'Segou', 'the first of the known spellings (the most used) stays');
  assert.equal(s.of('Mali', 'SEGOU'), 'Segou');
  assert.equal(s.of('Mali', 'Tombouctou'), 'Tombouctou');
  assert.equal(s.of('Mali', 'Timbuktu'), 'Timbuktu', 'exonyms are not joined here');
  assert.equal(s.of('Democratic Republic of Congo', 'Nord-Kivu'), 'Nord-Kivu');
  assert.equal(s.of('Democratic Republic of Congo', 'Nord Kivu'), 'Nord-Kivu');
  assert.equal(s.of('Democratic Republic of Congo', 'Kasaï-Central'), 'Kasaï-Central');
  assert.equal(s.of('Democratic Republic of Congo', 'Kasai Central'), 'Kasaï-Central');
  assert.equal(s.of('Democratic Republic of Congo', 'Sud-Kivu'), 'Sud-Kivu');
  assert.equal(s.of('Niger', 'Segou'), 'Segou', 'another country’s area is its own');
  assert.equal(s.of('Mali', ''), '');
  assert.deepEqual(s.takeAdded(), [
    ['Mali', 'Tombouctou'],
    ['Mali', 'Timbuktu'],
    ['Democratic Republic of Congo', 'Nord-Kivu'],
    ['Democratic Republic of Congo', 'Kasaï-Central'],
    ['Democratic Republic of Congo', 'Sud-Kivu'],
    ['Niger', 'Segou'],
  ]);
  assert.deepEqual(s.takeAdded(), []);
});
