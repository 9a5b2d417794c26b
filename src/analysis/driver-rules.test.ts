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

test("an actor's name in the note suggests nothing; the note's own words still do, in English and French", () => {
  const names = matcher.nameMask([
    'JNIM: Group for Support of Islam and Muslims',
    'Dozo Communal Militia (Mali)',
    'Military Forces of Mali (2021-)',
  ]);
  const identity = (text: string, mask = names) =>
    matcher
      .suggest(text, mask)
      .find((s) => s.driver === 'identity-and-communal-tension')
      ?.fired.sort();
  const jnim = 'On 2024-08-06, JNIM: Group for Support of Islam and Muslims abducted 4 men near Barsalogho.';
  assert.deepEqual(identity(jnim, matcher.nameMask([])), ['muslims'], 'without the names, the name fires');
  assert.equal(identity(jnim), undefined);
  // The name as notes write it: without its country, or after its acronym.
  assert.equal(identity('Dozo Communal Militia attacked a village near Bankass.'), undefined);
  assert.equal(
    identity('Militants of Group for Support of Islam and Muslims (JNIM) burnt a bus.'),
    undefined,
  );
  // Words of the note beside the name fire as before, and what fired is only them.
  assert.deepEqual(
    identity('Dozo Communal Militia killed 12 Fulani herders in an intercommunal revenge attack.'),
    ['intercommunal', 'revenge'],
  );
  assert.deepEqual(
    identity(
      'Le 3 mars, JNIM: Group for Support of Islam and Muslims a tué des civils musulmans lors de violences intercommunautaires.',
    ),
    ['intercommunautaires', 'musulmans'],
  );
  const cattle = matcher
    .suggest('Dozo Communal Militia a volé des troupeaux de bétail.', names)
    .find((s) => s.driver === 'cattle-and-transhumance');
  assert.deepEqual(cattle?.fired.sort(), ['bétail', 'troupeaux']);
});

test('a name of one word, or one that is a word of the taxonomy, stays a word of the note', () => {
  const names = matcher.nameMask(['Nuer', 'Lou Nuer', 'Murle Ethnic Militia (South Sudan)']);
  const fired = (text: string) =>
    matcher
      .suggest(text, names)
      .find((s) => s.driver === 'identity-and-communal-tension')
      ?.fired.sort();
  assert.deepEqual(fired('Lou Nuer youths raided a Murle cattle camp.'), ['lou nuer', 'murle', 'nuer']);
  assert.equal(fired('Murle Ethnic Militia attacked a village.'), undefined);
});

test('French notes of reprisals and of people accused of collaborating suggest what the English ones do', () => {
  const drivers = (note: string) => matcher.suggest(note).map((s) => s.driver);
  const pairs: [string, string][] = [
    [
      'Soldiers killed villagers accused of collaborating with the rebels.',
      'Des militaires ont tué des villageois accusés de collaborer avec les rebelles.',
    ],
    [
      'Militiamen burned a hamlet in reprisal for an ambush.',
      'Des miliciens ont incendié un hameau en représailles à une embuscade.',
    ],
    ['The army carried out reprisals in the area.', 'L’armée a mené des représailles dans la zone.'],
    ['Reprisal killings between the two clans.', 'Tueries de représailles entre les deux clans.'],
  ];
  for (const [en, fr] of pairs) assert.deepEqual(drivers(fr).sort(), drivers(en).sort(), fr);
  assert.ok(drivers(pairs[0]![1]).includes('counter-insurgency-and-reprisal'));
  assert.ok(
    !drivers(pairs[2]![1]).includes('identity-and-communal-tension'),
    'reprisals alone are no communal tension',
  );
});
