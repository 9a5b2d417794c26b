import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TandemError } from '../domain/tandem-error.ts';
import { compileDriverRules, loadDriverTaxonomy, parseDriverTaxonomy } from './driver-rules.ts';

const taxonomy = loadDriverTaxonomy();
const matcher = compileDriverRules(taxonomy);

test('the shipped taxonomy holds the nine drivers the paper names, and more', () => {
  const keys = taxonomy.drivers.map((d) => d.key);
  for (const k of [
    'land-and-resources',
    'cattle-and-transhumance',
    'political-competition-and-elections',
    'identity-and-communal-tension',
    'predation-and-economic-interest',
    'counter-insurgency-and-reprisal',
    'negotiation-leverage',
    'governance-vacuum',
    'displacement-and-return',
  ])
    assert.ok(keys.includes(k), k);
  assert.ok(keys.length > 9);
});

test('a cattle raid note suggests cattle and transhumance and says which words fired', () => {
  const s = matcher.suggest('Cattle raiders attack Cueichok Boma camp, driving off several heads of cattle.');
  const cattle = s.find((x) => x.driver === 'cattle-and-transhumance');
  assert.ok(cattle);
  assert.ok(cattle.fired.includes('cattle'));
  assert.ok(cattle.fired.some((f) => f.startsWith('cattle raid')));
});

test('words match whole words only', () => {
  assert.deepEqual(
    matcher.suggest('The award ceremony was held.').filter((s) => s.driver === 'land-and-resources'),
    [],
  );
  assert.deepEqual(matcher.suggest('A wellness centre opened.'), []);
});

test('a note with no driver words gets no suggestion', () => {
  assert.deepEqual(matcher.suggest('Unknown group shoot soldier dead.'), []);
});

test('a taxonomy with a broken pattern is refused with the path of the pattern', () => {
  assert.throws(
    () =>
      parseDriverTaxonomy('drivers:\n  - key: x\n    label: X\n    patterns: ["(unclosed"]\n', 'mine.yaml'),
    (e: unknown) => e instanceof TandemError && /mine\.yaml: drivers\[0\]\.patterns\[0\]/.test(e.message),
  );
});

test('a taxonomy whose key is not kebab-case is refused, naming the field', () => {
  assert.throws(
    () => parseDriverTaxonomy('drivers:\n  - key: Land Use\n    label: L\n', 'mine.yaml'),
    (e: unknown) => e instanceof TandemError && /drivers\[0\]\.key/.test(e.message),
  );
});

test('a taxonomy that is not YAML is refused with line and column', () => {
  assert.throws(
    () => parseDriverTaxonomy('drivers: [\n  - key', 'mine.yaml'),
    (e: unknown) => e instanceof TandemError && /mine\.yaml:\d+:\d+/.test(e.message),
  );
});
