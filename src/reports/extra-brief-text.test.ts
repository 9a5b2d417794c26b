import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXTRA_BRIEF_TEXT } from './extra-brief-text.ts';

test('French counts take the singular for 0 and 1, the plural from 2; English for 1 only', () => {
  const fr = EXTRA_BRIEF_TEXT.fr.participation.summary;
  assert.match(
    fr(0, 0, 0),
    /^0 personne ou groupe .*\(dont 0 non communiqué .* ; 0 mesure de protection a dépassé sa date/,
  );
  assert.match(
    fr(2, 2, 2),
    /^2 personnes ou groupes .*\(dont 2 non communiqués .* ; 2 mesures de protection ont dépassé leur date/,
  );
  assert.match(
    EXTRA_BRIEF_TEXT.en.participation.summary(0, 0, 1),
    /^0 people or groups .*; 1 protective measure past/,
  );
});
