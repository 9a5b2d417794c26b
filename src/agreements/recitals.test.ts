import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reviewAgreement } from './agreement-review.ts';
import { reviewToMarkdown } from './agreement-review-report.ts';

// A declaration whose only words on civilians are in its preamble (French agreements probe).
const DECLARATION = [
  'PREAMBLE',
  '',
  'Deeply concerned by attacks on civilians, the recruitment of children and widespread sexual violence against women and girls,',
  '',
  'Recalling the plight of the refugees and the need for humanitarian assistance,',
  '',
  'Have agreed as follows:',
  '',
  'Article 1',
  'The Parties shall hold elections within a year.',
  '',
  'Article 2',
  'The Parties shall protect civilians.',
].join('\n');

test('categories named only in recitals are covered as PA-X counts them, and said to be preamble only', () => {
  const r = reviewAgreement({ title: 'Declaration', format: 'txt', text: DECLARATION }, { language: 'en' });
  assert.equal(r.coverage.GCh, true);
  assert.deepEqual([...r.preambleOnly].sort(), ['DevHum', 'GCh', 'GRef', 'GeWom', 'SexViol']);
  // Civilians are protected in Article 2 as well: operative, not preamble only.
  assert.ok(!r.preambleOnly.includes('ProtCiv'));
  assert.match(reviewToMarkdown(r), /Named only in the preamble: .*GCh.*A recital commits no one/);
});

test('French recitals are recitals too', () => {
  const text = [
    'Les Parties,',
    '',
    'Réaffirmant leur attachement à la protection des enfants,',
    '',
    'Profondément préoccupées par la situation des personnes âgées et des personnes handicapées,',
    '',
    'Sont convenues de ce qui suit :',
    '',
    'Article 1',
    'Les Parties protègent les personnes âgées.',
  ].join('\n');
  const r = reviewAgreement({ title: 'Accord', format: 'txt', text }, { language: 'fr' });
  assert.ok(r.preambleOnly.includes('GCh'), JSON.stringify(r.preambleOnly));
  assert.ok(r.preambleOnly.includes('GDis'), JSON.stringify(r.preambleOnly));
  assert.ok(!r.preambleOnly.includes('GAge'), 'protected in Article 1');
  assert.match(reviewToMarkdown(r), /Cités seulement dans le préambule/);
});
