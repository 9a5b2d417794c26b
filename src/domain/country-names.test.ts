import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameCountry, storedCountryName } from './country-names.ts';

test('names of one country in the field’s data and in French papers are one country', () => {
  for (const [a, b] of [
    ['République démocratique du Congo', 'Democratic Republic of Congo'],
    ['RDC', 'DR Congo (Zaire)'],
    ['Soudan du Sud', 'South Sudan'],
    ['RCA', 'Central African Republic'],
    ['Cote d’Ivoire', "Côte d'Ivoire"],
    ['Ivory Coast', 'CIV'],
    ['Myanmar (Burma)', 'Birmanie'],
  ])
    assert.ok(sameCountry(a!, b!), `${a} = ${b}`);
});

test('neighbours and namesakes are not one country; an unknown name matches nothing', () => {
  for (const [a, b] of [
    ['Sudan', 'South Sudan'],
    ['Congo', 'Democratic Republic of Congo'],
    ['Niger', 'Nigeria'],
    ['Guinea', 'Guinea-Bissau'],
    ['Orvania', 'Orvania'],
  ])
    assert.ok(!sameCountry(a!, b!), `${a} ≠ ${b}`);
});

test('events are stored under ACLED’s name of a known country, and under their own name otherwise', () => {
  assert.equal(storedCountryName('DR Congo (Zaire)'), 'Democratic Republic of Congo');
  assert.equal(storedCountryName('Yemen (North Yemen)'), 'Yemen');
  assert.equal(storedCountryName('République centrafricaine'), 'Central African Republic');
  assert.equal(storedCountryName('Congo'), 'Republic of Congo');
  assert.equal(storedCountryName("Côte d'Ivoire"), 'Ivory Coast');
  assert.equal(storedCountryName(' Testland '), 'Testland');
});

test("a country's formal name, in French or English, is the country", () => {
  assert.equal(storedCountryName('République du Soudan'), 'Sudan');
  assert.equal(storedCountryName('Federal Republic of Somalia'), 'Somalia');
  assert.equal(storedCountryName('République du Mali'), 'Mali');
  assert.equal(storedCountryName('République du Congo'), 'Republic of Congo');
  assert.equal(storedCountryName('République démocratique du Congo'), 'Democratic Republic of Congo');
  assert.equal(storedCountryName('Republic of the Sudan'), 'Sudan');
  assert.equal(storedCountryName('République du Nowhere'), 'République du Nowhere');
});
