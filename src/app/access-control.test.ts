import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blurEvents, mayReadInFull } from './access-control.ts';

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

test("a blurred export moves every point to its grid cell's centre and drops the place name", () => {
  const event = {
    latitude: 8.40123,
    longitude: 20.65377,
    location: 'Tiri village',
    admin1: 'Bamingui-Bangoran',
  };
  const near = { ...event, latitude: 8.41, longitude: 20.66 };
  const [a, b] = blurEvents([event, near] as never, 10) as unknown as (typeof event)[];
  assert.equal(a!.location, '');
  assert.equal(a!.admin1, 'Bamingui-Bangoran');
  assert.deepEqual(
    [a!.latitude, a!.longitude],
    [b!.latitude, b!.longitude],
    'two points 1 km apart fall in one 10 km cell',
  );
  // Within half a cell of where it was, never on it.
  assert.ok(Math.abs(a!.latitude - 8.40123) <= 10 / 111.32 / 2 + 1e-9);
  assert.notEqual(a!.latitude, 8.40123);
});
