import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromName, parseActorCategory } from './actor-category.ts';

const sudan = (violenceType: Parameters<typeof categoryFromName>[1]['violenceType'], side: 1 | 2) => ({
  violenceType,
  side,
  country: 'Sudan',
});

test("a government is the host state's forces at home and an external force abroad", () => {
  assert.equal(categoryFromName('Government of Sudan', sudan('state-based-conflict', 1)), 'state-forces');
  assert.equal(categoryFromName('government of sudan', sudan('battles', 2)), 'state-forces');
  assert.equal(categoryFromName('Government of Chad', sudan('state-based-conflict', 2)), 'external-forces');
});

test('civilians by name on either side, and the victims of one-sided violence', () => {
  assert.equal(categoryFromName('Civilians', sudan('battles', 1)), 'civilians');
  assert.equal(categoryFromName('Civilians (Sudan)', sudan('explosions-remote-violence', 2)), 'civilians');
  assert.equal(categoryFromName('Masalit', sudan('violence-against-civilians', 2)), 'civilians');
  assert.equal(categoryFromName('Civilian Defence Force', sudan('battles', 1)), null);
});

test("GED's state-based conflict: the side against the government is an armed group", () => {
  assert.equal(categoryFromName('RSF', sudan('state-based-conflict', 2)), 'rebel-group');
  assert.equal(categoryFromName('RSF', sudan('state-based-conflict', 1)), null);
});

test('nothing is guessed for other names, nor for an empty one', () => {
  assert.equal(categoryFromName('Arab', sudan('non-state-conflict', 1)), null);
  assert.equal(categoryFromName('Masalit', sudan('non-state-conflict', 2)), null);
  assert.equal(categoryFromName('RSF', sudan('violence-against-civilians', 1)), null);
  assert.equal(categoryFromName('', sudan('violence-against-civilians', 2)), null);
  assert.equal(categoryFromName('  ', sudan('state-based-conflict', 2)), null);
});

test("ACLED's names for a country's forces, protesters and rioters, as partners' sheets copy them", () => {
  assert.equal(categoryFromName('Military Forces of Sudan (2019-)', sudan('battles', 1)), 'state-forces');
  assert.equal(categoryFromName('Police Forces of Sudan (2019-2023)', sudan('riots', 2)), 'state-forces');
  assert.equal(categoryFromName('Military Forces of Chad (2021-)', sudan('battles', 2)), 'external-forces');
  assert.equal(categoryFromName('Protesters (Sudan)', sudan('protests', 1)), 'protesters');
  assert.equal(categoryFromName('Manifestants', sudan('protests', 1)), 'protesters');
  assert.equal(categoryFromName('Rioters (Sudan)', sudan('riots', 1)), 'rioters');
  assert.equal(categoryFromName('Military Forces Support Group', sudan('battles', 1)), null);
});

test("a country ACLED writes with its article, and ACLED's 'ABBR: Full name', as sheets copy them", () => {
  const drc = { violenceType: 'battles' as const, side: 1 as const, country: 'Democratic Republic of Congo' };
  // The DRC's own army was an external force: "the Democratic Republic of Congo" named no country.
  assert.equal(
    categoryFromName('Military Forces of the Democratic Republic of Congo (2019-)', drc),
    'state-forces',
  );
  assert.equal(
    categoryFromName('Police Forces of the Democratic Republic of Congo (2019-)', drc),
    'state-forces',
  );
  assert.equal(
    categoryFromName('Military Forces of the Central African Republic (2016-)', {
      ...drc,
      country: 'Central African Republic',
    }),
    'state-forces',
  );
  assert.equal(
    categoryFromName('Military Forces of the Democratic Republic of Congo (2019-)', sudan('battles', 1)),
    'external-forces',
  );
  assert.equal(
    categoryFromName('FARDC: Forces Armées de la République Démocratique du Congo', drc),
    'state-forces',
  );
  assert.equal(
    categoryFromName(
      'MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo (2010-)',
      drc,
    ),
    'external-forces',
  );
  // A name of that shape that says nothing is left to its role, as before.
  assert.equal(categoryFromName('M23: March 23 Movement', drc), null);
  assert.equal(
    categoryFromName('M23: March 23 Movement', { ...drc, violenceType: 'state-based-conflict', side: 2 }),
    'rebel-group',
  );
});

test("a category cell holding a word that is only a property of JavaScript's objects is no category", () => {
  // "constructor" in a sheet's category column had come back as Object's constructor function.
  for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
    assert.equal(parseActorCategory(word), undefined, word);
  assert.equal(parseActorCategory('3'), 'political-militia');
  assert.equal(parseActorCategory(' Forces de défense '), 'state-forces');
  assert.equal(parseActorCategory('rebel-group'), 'rebel-group');
});
