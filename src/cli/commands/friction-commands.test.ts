import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Friction } from '../../domain/friction.ts';
import { frictionsText } from './friction-commands.ts';

const friction = (over: Partial<Friction> = {}): Friction => ({
  country: 'Central African Republic',
  kind: 'state-perpetrator-friction',
  subject: 'A-FACA',
  message: 'Activity A-FACA supports state forces where they target civilians.',
  evidence: [],
  ref: 'd4880378',
  found: true,
  registered: true,
  owner: 'Head of Office, Berbérati',
  decision: 'mitigate',
  status: 'in-progress',
  reviewDate: '2025-01-15',
  note: '',
  decidedBy: 'a.diallo',
  decidedAt: '2024-12-01T00:00:00.000Z',
  updatedBy: 'a.diallo',
  updatedAt: '2024-12-01T00:00:00.000Z',
  ...over,
});

describe('frictions list, as text', () => {
  test('shows the recorded note under the friction’s message', () => {
    const text = frictionsText([
      friction({ note: 'HRDDP risk assessment\nrequested from the Force' }),
      friction({ ref: '5eda3ff5', subject: 'A-OTHER', note: '' }),
    ]);
    assert.match(
      text,
      /d4880378 state-perpetrator-friction \[A-FACA\]\n {2}Activity A-FACA [^\n]*\n {2}note: HRDDP risk assessment requested from the Force/,
    );
    // No note line for a friction with no note.
    assert.match(text, /\[A-OTHER\]\n {2}Activity A-FACA[^\n]*$/);
    assert.equal(text.match(/note:/g)?.length, 1);
  });

  test('labels the note in French with French spacing, and heads the table in French', () => {
    const text = frictionsText([friction({ note: 'voir le HRDDP' })], 'fr');
    assert.match(text, /\n {2}note\u00a0: voir le HRDDP/);
    assert.match(
      text,
      /^réf\.\s+pays\s+type\s+objet\s+responsable\s+décision\s+statut\s+réexamen\s+décidé par\s+constatée/,
    );
    assert.doesNotMatch(text, /\b(owner|status|decided by)\b/);
  });
});

describe('frictions in French (held-out probe)', () => {
  test('the French table says the decision and status in French words; English keeps the codes', () => {
    const rows = [friction(), friction({ ref: '5eda3ff5', decision: null, status: 'open' })];
    const fr = frictionsText(
      [...rows, friction({ ref: '0a0b0c0d', decision: 'escalate', status: 'closed' })],
      'fr',
    );
    assert.match(fr, /d4880378 .* atténuer +en cours /);
    assert.match(fr, /5eda3ff5 .* ouverte /);
    assert.match(fr, /0a0b0c0d .* porter devant la direction +close /);
    assert.doesNotMatch(fr.split('\n\n')[0]!, /\b(mitigate|in-progress|open|closed|escalate)\b/);
    assert.doesNotMatch(fr.split('\n\n')[0]!, /state-perpetrator-friction|resource-overallocation/);
    const en = frictionsText(rows);
    assert.match(en, /d4880378 .* mitigate +in-progress /);
    assert.match(en, /5eda3ff5 .* open /);
  });
});
