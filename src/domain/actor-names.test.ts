import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeActorNames, type KnownActor, withSuggestions } from './actor-names.ts';

const known: KnownActor[] = [
  { name: "SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition", aliases: [], events: 702 },
  { name: "SPLM/A: Sudan People's Liberation Movement/Army", aliases: [], events: 12 },
  { name: 'Military Forces of South Sudan (2011-)', aliases: [], events: 900 },
  { name: 'Police Forces of South Sudan (2011-)', aliases: [], events: 9 },
  { name: 'FPRC', aliases: ['Popular Front for the Rebirth of the Central African Republic'], events: 80 },
  { name: 'Government of Central African Republic', aliases: [], events: 551 },
  { name: 'anti-Balaka', aliases: [], events: 300 },
];

test('an abbreviation finds the full name, initials included ("IO" for "In Opposition")', () => {
  assert.deepEqual(closeActorNames('SPLM-IO', known), [known[0].name]);
});

test('a name cut short or written without accents and case finds the data spelling', () => {
  assert.deepEqual(closeActorNames('Government of Central African Rep', known), [
    'Government of Central African Republic',
  ]);
  assert.deepEqual(closeActorNames('Anti-Balaka', known), ['anti-Balaka']);
});

test('aliases count, and filler words do not make every force a match', () => {
  assert.deepEqual(closeActorNames('Popular Front for the Rebirth', known), ['FPRC']);
  assert.deepEqual(closeActorNames('Military Forces of South Sudan', known), [
    'Military Forces of South Sudan (2011-)',
  ]);
  assert.deepEqual(closeActorNames('Forces of Somewhere', known), []);
});

test('nothing is offered when nothing comes close', () => {
  assert.deepEqual(closeActorNames('FACA', known), []);
  assert.equal(withSuggestions('FACA', []), 'FACA');
  assert.equal(withSuggestions('X', ['A', 'B']), 'X (did you mean "A" or "B"?)');
});
