import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchAreaNames, normalizeAreaName } from './area-names.ts';

test('spelling variants of one admin-1 area are recognised as the same area', () => {
  const m = matchAreaNames(
    ['North Bahr-al-Ghazal', 'Jungoli', 'Warap', 'Bangui', 'Mambéré-Kadéï', 'Upper Nile'],
    [
      'Northern Bahr el Ghazal',
      'Jonglei',
      'Warrap',
      'Bangui province',
      'Mambéré-Kadéi province',
      'Upper Nile',
    ],
  );
  assert.deepEqual(
    m.map((x) => x.data),
    [
      'Northern Bahr el Ghazal',
      'Jonglei',
      'Warrap',
      'Bangui province',
      'Mambéré-Kadéi province',
      'Upper Nile',
    ],
  );
});

test('neighbouring areas with similar names are not confused', () => {
  const m = matchAreaNames(
    ['Blue Nile', 'Upper Nile', 'North Darfur', 'South Darfur'],
    ['Upper Nile', 'Southern Darfur'],
  );
  assert.deepEqual(
    m.map((x) => x.data),
    [null, 'Upper Nile', null, 'Southern Darfur'],
  );
});

test('unit words, accents and punctuation do not count', () => {
  assert.equal(normalizeAreaName("Ombella-M'Poko Préfecture"), normalizeAreaName('Ombella MPoko'));
});
