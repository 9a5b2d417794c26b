import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frenchElision, frenchSpacing } from './language.ts';

test('French spacing makes the space before a colon or a semicolon a no-break one; a colon written straight after a word (a field path) stays', () => {
  assert.equal(frenchSpacing('note : oui ; non'), 'note\u00a0: oui\u00a0; non');
  assert.equal(frenchSpacing('rounds[0].women: 13:51'), 'rounds[0].women: 13:51');
});

test('"que" is elided before a name that opens with a vowel, and only then', () => {
  assert.equal(frenchElision('Confirmer en tant que Amina Diallo'), 'Confirmer en tant qu’Amina Diallo');
  assert.equal(frenchElision('en tant que Élise'), 'en tant qu’Élise');
  assert.equal(frenchElision('en tant que Marc Lefebvre'), 'en tant que Marc Lefebvre');
  assert.equal(frenchElision('quelque Amina'), 'quelque Amina');
});

test('a French count below two takes the singular: 0,5 unité, 1,5 unité, 2 unités', async () => {
  const { counted, LanguageFormat } = await import('./language.ts');
  const fr = new LanguageFormat('fr');
  assert.deepEqual(
    [0, 0.5, 1.5, 2].map((n) => counted(fr, n, 'unité', 'unités')),
    ['0 unité', '0,5 unité', '1,5 unité', '2 unités'],
  );
});
