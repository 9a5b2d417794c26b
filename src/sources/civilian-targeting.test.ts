import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveCivilianTargeting } from './civilian-targeting.ts';

test('derived targeting: violence against civilians, and battles, explosions and riots against civilians', () => {
  assert.equal(deriveCivilianTargeting('violence-against-civilians', 'state-forces'), true);
  assert.equal(deriveCivilianTargeting('explosions-remote-violence', 'civilians'), true);
  assert.equal(deriveCivilianTargeting('battles', 'civilians'), true);
  // ACLED sets its civilian_targeting on riots too: a mob that attacks civilians (Mob violence).
  assert.equal(deriveCivilianTargeting('riots', 'civilians'), true);
  assert.equal(deriveCivilianTargeting('riots', 'state-forces'), false);
  assert.equal(deriveCivilianTargeting('riots', null), false);
  assert.equal(deriveCivilianTargeting('explosions-remote-violence', 'rebel-group'), false);
  // Not violence: a protest or a strategic development with civilians named is not an attack on them.
  assert.equal(deriveCivilianTargeting('protests', 'civilians'), false);
  assert.equal(deriveCivilianTargeting('strategic-developments', 'civilians'), false);
});
