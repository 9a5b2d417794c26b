import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPeaceOperation } from './peace-operation.ts';

test('a peace operation named in French, or by its initials alone, is a peace operation', () => {
  for (const name of [
    'MONUSCO',
    'Casques bleus',
    'Casques bleus de la MONUSCO',
    "Mission de l'Organisation des Nations Unies pour la stabilisation en République démocratique du Congo",
    "Mission de l'ONU",
    'ATMIS (Somalia)',
    'MINUSCA',
    'UN peacekeepers',
    'UNMISS: United Nations Mission in the Republic of South Sudan (2011-)',
  ])
    assert.ok(isPeaceOperation(name), name);
  for (const name of ['FARDC', 'M23', 'Unidentified Armed Group', 'UNITA', 'Forces armées de la RDC'])
    assert.equal(isPeaceOperation(name), false, name);
});
