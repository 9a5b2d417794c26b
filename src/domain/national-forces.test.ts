import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryFromName } from './actor-category.ts';
import { isNationalForceOf } from './national-forces.ts';

test("a sheet's French names for the country's own forces are its forces", () => {
  for (const name of [
    'Forces armées maliennes',
    'FORCES ARMEES MALIENNES',
    'Forces Armées Maliennes (FAMa)',
    'Armée malienne',
    'Forces armées du Mali',
    'Garde nationale du Mali',
    'Gendarmerie nationale',
    'Police nationale',
    'Forces de défense et de sécurité',
  ])
    assert.equal(isNationalForceOf(name, 'Mali'), true, name);
  assert.equal(isNationalForceOf('Forces armées du Burkina Faso', 'Burkina Faso'), true);
  assert.equal(isNationalForceOf('Armée burkinabè', 'Burkina Faso'), true);
  assert.equal(isNationalForceOf('Forces armées centrafricaines', 'République centrafricaine'), true);
  assert.equal(
    isNationalForceOf('Forces armées de la République démocratique du Congo', 'DR Congo (Zaire)'),
    true,
  );
});

test('and in English, with the dates ACLED appends', () => {
  assert.equal(isNationalForceOf('Sudanese Armed Forces', 'Sudan'), true);
  assert.equal(isNationalForceOf('Somali National Army', 'Somalia'), true);
  assert.equal(isNationalForceOf('Nigerian Army (2015-)', 'Nigeria'), true);
  assert.equal(isNationalForceOf('Army of Chad', 'Chad'), true);
  assert.equal(isNationalForceOf('Police', 'Kenya'), true);
});

test("another country's forces are named as such", () => {
  assert.equal(isNationalForceOf('Forces armées tchadiennes', 'Central African Republic'), false);
  assert.equal(isNationalForceOf('Sudanese Armed Forces', 'South Sudan'), false);
  assert.equal(isNationalForceOf('South Sudanese Army', 'South Sudan'), true);
  assert.equal(isNationalForceOf('Armée nigérienne', 'Mali'), false);
  assert.equal(isNationalForceOf('Armée nigérienne', 'Niger'), true);
});

test('a movement named like an army is not a national force', () => {
  for (const name of [
    'Armée de libération du peuple soudanais',
    'Sudan People’s Liberation Army',
    'Forces armées de libération',
    'Armée pour la Résistance du Seigneur',
    'Forces démocratiques de libération du Rwanda',
    'Civilian Defence Force',
    'JNIM',
    'Koglweogo',
  ])
    assert.equal(isNationalForceOf(name, 'Sudan'), undefined, name);
});

test("an incident sheet's actors without a category take the one their name says", () => {
  const mali = { violenceType: 'violence-against-civilians' as const, side: 1 as const, country: 'Mali' };
  assert.equal(categoryFromName('Forces armées maliennes', mali), 'state-forces');
  assert.equal(categoryFromName('FAMa', mali), 'state-forces');
  assert.equal(categoryFromName('Armée burkinabè', mali), 'external-forces');
  assert.equal(categoryFromName('Groupe Wagner', mali), 'external-forces');
  assert.equal(categoryFromName('Wagner Group', mali), 'external-forces');
  assert.equal(categoryFromName('MINUSMA', mali), 'external-forces');
  assert.equal(categoryFromName('JNIM', mali), null);
  assert.equal(categoryFromName('Dozo', mali), null);
});

test("a country's own name used as an adjective, and its air force and navy, name its forces", () => {
  assert.equal(isNationalForceOf('Nigeria Police Force', 'Nigeria'), true);
  assert.equal(isNationalForceOf('Nigerian Air Force', 'Nigeria'), true);
  assert.equal(isNationalForceOf('Nigerian Navy', 'Nigeria'), true);
  assert.equal(isNationalForceOf('Kenya Defence Forces', 'Somalia'), false);
  assert.equal(isNationalForceOf("Armée de l'air", 'Mali'), true);
  // Words before a force word that name no country are no country's.
  for (const name of ['Free Syrian Army', 'Blue Army', "Lord's Resistance Army"])
    assert.equal(isNationalForceOf(name, 'Syria'), undefined, name);
});
