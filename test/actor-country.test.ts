import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameSaysCountry } from '../web/src/actor-country.ts';

test("an actor's heading adds the country only where the name does not already say it", () => {
  const says: [string, string][] = [
    ['Civilians (South Sudan)', 'South Sudan'],
    ['Military Forces of South Sudan (2011-)', 'South Sudan'],
    ['Government of Central African Republic', 'Central African Republic'],
    ['Civilians (Orvania)', 'Orvania (fictional)'],
  ];
  const doesNot: [string, string][] = [
    ['Military Forces of Sudan (1989-2019)', 'South Sudan'],
    ['Civilians (South Sudan)', 'Sudan'],
    ['Orvanian Armed Forces (FAO)', 'Orvania (fictional)'],
    ['Kessa Liberation Front (KLF)', 'Orvania (fictional)'],
    ['Anti-Balaka', ''],
  ];
  for (const [name, country] of says)
    assert.equal(nameSaysCountry(name, country), true, `${name} | ${country}`);
  for (const [name, country] of doesNot)
    assert.equal(nameSaysCountry(name, country), false, `${name} | ${country}`);
});
