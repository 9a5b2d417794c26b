import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gedAreaName } from './ged-area-name.ts';

test("GED's area kinds are dropped, as ACLED and the maps write the names", () => {
  assert.equal(gedAreaName('Bangui province'), 'Bangui');
  assert.equal(gedAreaName('Ségou region'), 'Ségou');
  assert.equal(gedAreaName('Upper Nile state'), 'Upper Nile');
  assert.equal(gedAreaName('Ouham-Pendé prefecture'), 'Ouham-Pendé');
  assert.equal(gedAreaName('Tibet autonomous region'), 'Tibet');
  assert.equal(gedAreaName('Kinshasa city'), 'Kinshasa');
  assert.equal(gedAreaName('Donetsk oblast'), 'Donetsk');
  // Admin-2 kinds of other countries, as a held-out probe found them kept.
  assert.equal(gedAreaName('Port-au-Prince arrondissement'), 'Port-au-Prince');
  assert.equal(gedAreaName('Maiduguri LGA'), 'Maiduguri');
  assert.equal(gedAreaName('El Fasher locality'), 'El Fasher');
  assert.equal(gedAreaName('Bakhmut raion'), 'Bakhmut');
});

test('a capitalised word is part of the name, and a name is never emptied', () => {
  assert.equal(gedAreaName('Federal Capital Territory'), 'Federal Capital Territory');
  assert.equal(gedAreaName('Western Region'), 'Western Region');
  assert.equal(gedAreaName('region'), 'region');
  assert.equal(gedAreaName(''), '');
  assert.equal(gedAreaName('  Bamingui-Bangoran  '), 'Bamingui-Bangoran');
});
