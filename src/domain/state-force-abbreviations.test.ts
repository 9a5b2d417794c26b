import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesStateForcesOf } from './state-force-abbreviations.ts';

test("an army's abbreviation names its own country's forces, under any of the country's names", () => {
  assert.equal(namesStateForcesOf('FACA', 'Central African Republic'), true);
  assert.equal(namesStateForcesOf('les FACA', 'République centrafricaine'), true);
  assert.equal(namesStateForcesOf('F.A.Ma', 'Mali'), true);
  assert.equal(namesStateForcesOf('FARDC', 'DR Congo (Zaire)'), true);
  assert.equal(namesStateForcesOf('FACA', 'South Sudan'), false);
  assert.equal(namesStateForcesOf('Anti-balaka', 'Central African Republic'), false);
  assert.equal(namesStateForcesOf('constructor', 'Central African Republic'), false);
});
