import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPeopleGroup } from './people-groups.ts';

test('ACLED groups of people are told from organised actors', () => {
  for (const n of [
    'Nuer Ethnic Group (South Sudan)',
    'Fulani Ethnic Group (Mali)',
    'Aliap Clan Group',
    'Christian Group (South Sudan)',
    'Muslim Group (Nigeria)',
    'Students (South Sudan)',
    'Aid Workers (International)',
    'Refugees/IDPs (Sudan)',
    'Women (South Sudan)',
    'Health Workers (South Sudan)',
  ])
    assert.equal(isPeopleGroup(n), true, n);
  for (const n of [
    'Wagner Group',
    'Vigilante Group (South Sudan)',
    'Dinka Ethnic Militia (South Sudan)',
    'Dozo Communal Militia (Mali)',
    'Military Forces of Uganda (1986-)',
    'JNIM: Group for Support of Islam and Muslims',
    'White Army (South Sudan)',
    'Islamic State (Sahel)',
  ])
    assert.equal(isPeopleGroup(n), false, n);
});
