import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayReadInFull } from './access-control.ts';

const record = { sensitivity: 'restricted', office: 'Bria' } as const;

test('a restricted record of an office is read in full only by the cleared members of that office', () => {
  assert.equal(mayReadInFull({ name: 'a', roles: ['poc'], offices: ['Bria'] }, record), true);
  assert.equal(mayReadInFull({ name: 'b', roles: ['poc'], offices: ['Kaga-Bandoro'] }, record), false);
  assert.equal(mayReadInFull({ name: 'c', roles: ['poc'], offices: ['all-offices'] }, record), true);
  assert.equal(
    mayReadInFull({ name: 'd', roles: ['analyst'], offices: ['Bria'] }, record),
    false,
    'clearance too low',
  );
  assert.equal(mayReadInFull({ name: 'e', roles: ['viewer'], offices: ['all-offices'] }, record), false);
  assert.equal(
    mayReadInFull({ name: 'f', roles: ['poc'], offices: [] }, record),
    false,
    'an account of no office',
  );
  assert.equal(
    mayReadInFull({ name: 'terminal', roles: ['admin'] }, record),
    true,
    'the person at the terminal',
  );
  assert.equal(
    mayReadInFull({ name: 'g', roles: ['viewer'], offices: [] }, { sensitivity: 'public', office: 'Bria' }),
    true,
  );
});
