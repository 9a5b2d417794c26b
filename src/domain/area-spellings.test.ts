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
  // A listed exonym (area-names.ts EXONYMS) is joined; any other stays apart.
  assert.equal(s.of('Mali', 'Timbuktu'), 'Tombouctou', 'GED’s exonym of ACLED’s area (Mali probe)');
  assert.equal(s.of('Ukraine', 'Kyiv'), 'Kyiv');
  assert.equal(s.of('Ukraine', 'Kiev'), 'Kiev', 'an exonym not listed is not joined here');
  assert.equal(s.of('Democratic Republic of Congo', 'Nord-Kivu'), 'Nord-Kivu');
  assert.equal(s.of('Democratic Republic of Congo', 'Nord Kivu'), 'Nord-Kivu');
  assert.equal(s.of('Democratic Republic of Congo', 'Kasaï-Central'), 'Kasaï-Central');
  assert.equal(s.of('Democratic Republic of Congo', 'Kasai Central'), 'Kasaï-Central');
  assert.equal(s.of('Democratic Republic of Congo', 'Sud-Kivu'), 'Sud-Kivu');
  assert.equal(s.of('Niger', 'Segou'), 'Segou', 'another country’s area is its own');
  assert.equal(s.of('Mali', ''), '');
  assert.deepEqual(s.takeAdded(), [
    ['Mali', 'Tombouctou'],
    ['Ukraine', 'Kyiv'],
    ['Ukraine', 'Kiev'],
    ['Democratic Republic of Congo', 'Nord-Kivu'],
    ['Democratic Republic of Congo', 'Kasaï-Central'],
    ['Democratic Republic of Congo', 'Sud-Kivu'],
    ['Niger', 'Segou'],
  ]);
  assert.deepEqual(s.takeAdded(), []);
});

test('a partner sheet’s "Région de Mopti" or "North Kivu" is the area the store holds; "Kyiv City" is not "Kyiv"', () => {
  const s = new AreaSpellings([
    ['Mali', 'Mopti'],
    ['Democratic Republic of Congo', 'Nord-Kivu'],
    ['Ukraine', 'Kyiv'],
  ]);
  assert.equal(s.of('Mali', 'Mopti Region'), 'Mopti');
  assert.equal(s.of('Mali', 'Région de Mopti'), 'Mopti');
  assert.equal(s.of('Mali', 'MOPTI'), 'Mopti');
  assert.equal(s.of('Democratic Republic of Congo', 'North Kivu'), 'Nord-Kivu');
  assert.equal(s.of('Democratic Republic of Congo', 'Province du Nord-Kivu'), 'Nord-Kivu');
  assert.equal(s.of('Democratic Republic of Congo', 'South Kivu'), 'South Kivu', 'Sud-Kivu is another area');
  assert.equal(s.of('Ukraine', 'Kyiv City'), 'Kyiv City', 'the city is an area of its own');
  assert.equal(s.of('Mexico', 'Mexico'), 'Mexico');
  assert.equal(s.of('Mexico', 'Mexico City'), 'Mexico City');
  assert.equal(s.of('South Sudan', 'Upper Nile State'), 'Upper Nile State');
  assert.equal(s.of('South Sudan', 'Upper Nile'), 'Upper Nile State');
  assert.equal(s.of('South Sudan', 'Blue Nile'), 'Blue Nile');
});
