import assert from 'node:assert/strict';
import { test } from 'node:test';
import { involvesParty } from './local-process-checks.ts';

test('a party written as a short acronym is found in the events: exactly, or as a word of the actor’s name (held-out probe: UPC and 3R never matched)', () => {
  const parties = ['UPC', 'anti-Balaka', '3R'];
  assert.deepEqual(involvesParty({ actor1: 'UPC', actor2: 'Civilians' }, parties), ['UPC']);
  assert.deepEqual(
    involvesParty({ actor1: 'UPC: Union for Peace in the Central African Republic', actor2: '' }, parties),
    ['UPC: Union for Peace in the Central African Republic'],
  );
  assert.deepEqual(
    involvesParty({ actor1: '3R: Return, Reclamation, Rehabilitation', actor2: 'FACA' }, parties),
    ['3R: Return, Reclamation, Rehabilitation'],
  );
  // An acronym inside another word, or in other letters, is not the party.
  assert.deepEqual(involvesParty({ actor1: 'UPCD militia', actor2: 'Upc traders' }, parties), []);
  // Prose parties (PA-X Local) still hold names of four letters or more.
  assert.deepEqual(
    involvesParty({ actor1: 'Anti-Balaka', actor2: 'Seleka' }, [
      'the anti-balaka and ex-seleka groups of Bambari',
    ]),
    ['Anti-Balaka', 'Seleka'],
  );
  // A two-letter actor is never taken from prose.
  assert.deepEqual(involvesParty({ actor1: 'of', actor2: '' }, ['the leaders of Bambari']), []);
});
