import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredEvent } from '../store/event-repository.ts';
import { mayReadInFull, WITHHELD_KEY } from './access-control.ts';
import { blurEvents } from './event-blur.ts';

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
    actor1: '',
    actor2: '',
    targets: [],
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

/** An event of the South Sudan sample (ACLED SSD2554), whose notes name two villages. */
const JUR_RIVER: StoredEvent = {
  id: 1,
  sensitivity: 'restricted',
  source: 'acled',
  sourceEventId: 'SSD2554',
  dateStart: '2015-12-30',
  dateEnd: '2015-12-30',
  datePrecision: 'week',
  country: 'South Sudan',
  admin1: 'Western Bahr el Ghazal',
  admin2: 'Jur River',
  location: 'Moimoi',
  latitude: 7.5907,
  longitude: 28.0485,
  geoPrecision: 1,
  violenceType: 'violence-against-civilians',
  eventType: 'Violence against civilians',
  subEventType: 'Attack',
  actor1: 'Jur River Communal Militia (South Sudan)',
  actor1Category: 'identity-militia',
  actor2: 'Civilians (South Sudan)',
  actor2Category: 'civilians',
  civilianTargeting: true,
  civilianTargetingDerived: false,
  fatalities: 5,
  fatalitiesLow: null,
  fatalitiesHigh: null,
  civilianFatalities: null,
  targets: ['Villagers of Moimoi'],
  notes: 'In a village between Moimoi and Busseri, soldiers burned hundreds of houses.',
  sourceText: 'HRW, interview in Busseri',
};

test('a blurred export names no place in any field: notes, source, place name and actors go', () => {
  const [e] = blurEvents([JUR_RIVER], 10);
  assert.equal(e!.notes, '', 'the notes named Moimoi and Busseri');
  assert.equal(e!.sourceText, '');
  assert.equal(e!.location, '');
  assert.equal(e!.targets[0], `Villagers of ${WITHHELD_KEY}`, 'the dropped place name is cut out of names');
  assert.equal(e!.geoPrecision, 3);
  // A 10 km cell says more than a county: the county and state stay, so does what analysis needs.
  assert.equal(e!.admin2, 'Jur River');
  assert.equal(e!.admin1, 'Western Bahr el Ghazal');
  assert.equal(e!.actor1, 'Jur River Communal Militia (South Sudan)');
  assert.deepEqual(
    [e!.country, e!.dateStart, e!.fatalities, e!.actor1Category, e!.violenceType],
    ['South Sudan', '2015-12-30', 5, 'identity-militia', 'violence-against-civilians'],
  );
});

test('an admin area narrower than the blur is dropped, and cut out of the actors named after it', () => {
  const [county] = blurEvents([JUR_RIVER], 50);
  assert.equal(county!.admin2, '', 'a county is narrower than a 50 km cell');
  assert.equal(county!.admin1, 'Western Bahr el Ghazal');
  assert.equal(county!.actor1, `${WITHHELD_KEY} Communal Militia (South Sudan)`);
  assert.equal(county!.actor2, 'Civilians (South Sudan)', 'the country is not a place to hide');
  const [maban] = blurEvents([{ ...JUR_RIVER, admin2: 'Maban', actor1: 'MDF: Mabanese Defence Forces' }], 50);
  assert.equal(maban!.actor1, 'MDF: Mabanese Defence Forces', 'a name is cut as a whole word only');
  const [state] = blurEvents([JUR_RIVER], 200);
  assert.deepEqual([state!.admin2, state!.admin1, state!.country], ['', '', 'South Sudan']);
});
