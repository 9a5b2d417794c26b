import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planOperations } from '../src/app/plan-operations.ts';

test('a refused list value names the French words taken for it under --lang fr; English is unchanged', () => {
  const plan = [
    'mission: M',
    'country: Mali',
    'period: { from: 2024-01-01, to: 2024-12-31 }',
    'activities:',
    '  - { id: A1, text: patrouilles, component: militair, objectives: [] }',
  ].join('\n');
  const fr = () => planOperations.checkPlan.input.parse({ plan, name: 'p.yaml', lang: 'fr' });
  assert.throws(
    fr,
    /component: expected one of "civilian", "military", "police" \(in French also "civil", "civile", "militaire"\), got the text "militair"/,
  );
  const en = () => planOperations.checkPlan.input.parse({ plan, name: 'p.yaml' });
  assert.throws(en, /component: expected one of "civilian", "military", "police", got the text "militair"/);
});
