import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BRIEF_TEXT } from './brief-text.ts';
import { EXTRA_BRIEF_TEXT } from './extra-brief-text.ts';

const none = { all: 0, withheld: 0, disconnected: 0, breaking: 0, noOffice: 0 };

test('the brief counts local processes in the singular and plural, not "process(es)"', () => {
  assert.match(EXTRA_BRIEF_TEXT.en.local.summary({ ...none, all: 1 }), /^1 local process recorded;/);
  assert.match(EXTRA_BRIEF_TEXT.en.local.summary({ ...none, all: 3 }), /^3 local processes recorded;/);
});

test('a forecast with no past origin to score says no skill was measured, not "the last 0 past origins"', () => {
  const cmd = 'tandem forecast backtest --country "Mali" --origin 2024-05 --last-origins 60';
  for (const lang of ['en', 'fr'] as const) {
    const none = EXTRA_BRIEF_TEXT[lang].forecast.counted('May 2024', 0, cmd);
    assert.doesNotMatch(none, / 0 /);
    assert.ok(!none.includes(cmd), `${lang}: no command for a backtest that scored nothing`);
    assert.ok(EXTRA_BRIEF_TEXT[lang].forecast.counted('May 2024', 60, cmd).includes(cmd));
  }
  assert.match(
    EXTRA_BRIEF_TEXT.en.forecast.counted('May 2024', 0, cmd),
    /no skill measured: the record is too short/,
  );
  assert.match(EXTRA_BRIEF_TEXT.en.forecast.counted('May 2024', 1, cmd), /over the last 1 past origin \(/);
});

test('a command in a sentence of the HTML brief is set as code, not left between backticks', async () => {
  const { inlineHtml } = await import('./joint-brief.ts');
  assert.equal(
    inlineHtml('skill over 60 origins (`tandem forecast backtest --country "Mali"`).'),
    'skill over 60 origins (<code>tandem forecast backtest --country &quot;Mali&quot;</code>).',
  );
});

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

test('the French brief names the groups harmed in French, with the country', () => {
  const fr = BRIEF_TEXT.fr.population;
  assert.equal(fr('Women (South Sudan)'), 'Femmes (Soudan du Sud)');
  assert.equal(fr('Children (Central African Republic)'), 'Enfants (République centrafricaine)');
  assert.equal(fr('Civilians (Sudan)'), 'Civils (Soudan)');
  assert.equal(fr('Refugees/IDPs (Mali)'), 'Réfugiés et déplacés (Mali)');
  // A group outside the table keeps the source's words.
  assert.equal(fr('Herders (Mali)'), 'Herders (Mali)');
  assert.equal(fr('Women'), 'Women');
});

test('a process recorded as holding whose parties fight more near it says the two disagree', () => {
  // A web probe read "Kessa Highlands grazing pact: holding" in the table and "breaking down" in
  // the sentence above it, with nothing saying which to believe.
  const f = { name: 'Kessa pact', parties: ['A', 'B'], after: 9, before: 2, date: '2025-06-01' };
  assert.match(
    EXTRA_BRIEF_TEXT.en.local.breakingDown({ ...f, status: 'holding' }),
    /after 1 Jun 2025, against 2 before, though it is recorded as holding: the record and the violence disagree/,
  );
  assert.doesNotMatch(EXTRA_BRIEF_TEXT.en.local.breakingDown({ ...f, status: 'broken' }), /recorded as/);
  assert.match(
    EXTRA_BRIEF_TEXT.fr.local.breakingDown({ ...f, status: 'holding' }),
    /enregistré comme respecté/,
  );
});
