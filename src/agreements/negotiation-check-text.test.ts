import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEGOTIATION_CHECK_TEXT } from './negotiation-check-text.ts';

const alert = (pValue: number, baseline = 1.5, ratio: number | null = 4.667) =>
  NEGOTIATION_CHECK_TEXT.en.escalation({
    party: 'Liberation Front',
    partyId: 'LF',
    before: 7,
    battles: 2,
    alongside: 0,
    deaths: 12,
    windowDays: 30,
    round: 'R3',
    roundStart: '2026-04-01',
    venue: 'Nairobi',
    baseline,
    baselineDays: 180,
    baselineEvents: 9,
    ratio,
    pValue,
  });

test('a pre-talks alert says its chance in words before the figure, and rounds what a reader reads', () => {
  assert.match(alert(8.2e-26), /chance would give as many less than once in a million \(p < 0\.0001\)/);
  assert.match(alert(3e-5), /less than once in ten thousand \(p < 0\.0001\)/);
  assert.match(alert(0.00012), /less than once in a thousand \(p = 0\.00012\)/);
  assert.match(alert(0.02), /about once in 50 \(p = 0\.020\)/);
  assert.match(alert(0.02, 16.167, 2.35), /against about 16 expected .*; 2\.4×\)/);
  assert.match(alert(0.02, 1.55), /against about 1\.6 expected/);
  assert.doesNotMatch(alert(8.2e-26), /e-26/);
});

test('an actor the data does not name is offered its close names in French under --lang fr', () => {
  const written = ['CSP-PSD (did you mean "CSP-PSD: Permanent Strategic Framework"?)'];
  const fr = NEGOTIATION_CHECK_TEXT.fr.notes.unknownActors('Mali', written);
  assert.doesNotMatch(fr, /did you mean/);
  assert.match(
    fr,
    /CSP-PSD \(vouliez-vous dire «\u00a0CSP-PSD: Permanent Strategic Framework\u00a0»\u00a0\?\)/,
  );
  assert.match(
    NEGOTIATION_CHECK_TEXT.en.notes.unknownActors('Mali', written),
    /\(did you mean "CSP-PSD: Permanent Strategic Framework"\?\)/,
  );
});
