import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLAN_CHECK_TEXT } from './plan-check-text.ts';

test('a partner the data does not name is offered its close names in French under --lang fr', () => {
  const written = [
    'FAMa (did you mean "Military Forces of Mali (2021-)"?)',
    'GATIA (did you mean "A" or "B"?)',
    'MSA',
  ];
  const fr = PLAN_CHECK_TEXT.fr.notes.partnersNotInData('Mali', written);
  assert.doesNotMatch(fr, /did you mean| or /);
  assert.match(fr, /FAMa \(vouliez-vous dire «\u00a0Military Forces of Mali \(2021-\)\u00a0»\u00a0\?\)/);
  assert.match(fr, /GATIA \(vouliez-vous dire «\u00a0A\u00a0» ou «\u00a0B\u00a0»\u00a0\?\)\u00a0; MSA$/);
  // English is a contract: the names are kept as written.
  assert.equal(
    PLAN_CHECK_TEXT.en.notes.partnersNotInData('Mali', written),
    `partners not named in the event data for Mali, so their own record is not checked (state-perpetrator-friction reads partners by the data's names): ${written.join('; ')}`,
  );
});

test('the French notes name the country in French (plan probe: « pour Central African Republic »)', () => {
  const fr = PLAN_CHECK_TEXT.fr.notes;
  assert.match(fr.noThreats('Central African Republic'), /République centrafricaine/);
  assert.match(fr.partnersNotInData('Central African Republic', ['X']), /République centrafricaine/);
  assert.doesNotMatch(fr.unknownAreas('Central African Republic', ['Y']), /Central African Republic/);
});
