import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownSpelling } from './incident-area.ts';

const KNOWN = ['Upper Nile', 'Blue Nile', 'Ouham-Pendé', 'Northern Bahr el Ghazal'];

test('a known area written with another case, a unit word or without its accents takes the known spelling', () => {
  assert.equal(knownSpelling('upper nile', KNOWN), 'Upper Nile');
  assert.equal(knownSpelling('Upper Nile State', KNOWN), 'Upper Nile');
  assert.equal(knownSpelling('UPPER NILE  region', KNOWN), 'Upper Nile');
  assert.equal(knownSpelling('Ouham Pende Prefecture', KNOWN), 'Ouham-Pendé');
  assert.equal(knownSpelling('North Bahr al Ghazal', KNOWN), 'Northern Bahr el Ghazal');
});

test('a new area, or one merely alike a known one, stays as written', () => {
  assert.equal(knownSpelling('White Nile', KNOWN), 'White Nile');
  assert.equal(knownSpelling('Upper Niles', KNOWN), 'Upper Niles');
  assert.equal(knownSpelling('Blue Nile', KNOWN), 'Blue Nile');
  assert.equal(knownSpelling('', KNOWN), '');
  // A unit word alone names no area: it is not taken for one.
  assert.equal(knownSpelling('State', [...KNOWN, 'City']), 'State');
});

test('of two known spellings of one area, the first (the one with most events) is taken', () => {
  assert.equal(knownSpelling('upper nile', ['Upper Nile', 'Upper Nile State']), 'Upper Nile');
  assert.equal(knownSpelling('upper nile', ['Upper Nile State', 'Upper Nile']), 'Upper Nile State');
  assert.equal(knownSpelling('Upper Nile', ['Upper Nile State', 'Upper Nile']), 'Upper Nile');
});
