import assert from 'node:assert/strict';
import { test } from 'node:test';
import { participantInput } from './participant-input.ts';

test("a participant's gender is read in French too (femme, homme, non précisé); another word is refused", () => {
  const base = { alias: 'P1', role: 'déléguée', office: 'Mopti', country: 'Mali' };
  const gender = (g: string) => participantInput.parse({ ...base, gender: g }).gender;
  assert.deepEqual(['Femme', 'homme', 'autre', 'non précisé'].map(gender), [
    'female',
    'male',
    'other',
    'undisclosed',
  ]);
  assert.equal(participantInput.safeParse({ ...base, gender: 'woman' }).success, false);
});
