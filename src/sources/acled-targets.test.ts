import assert from 'node:assert/strict';
import { test } from 'node:test';
import { civiliansOfElsewhere } from './acled-reader.ts';

test('civilians named for another country are a group; for the event’s own country, under any of its names, they are not', () => {
  assert.equal(civiliansOfElsewhere('Civilians (Sudan)', 'South Sudan'), 'Civilians (Sudan)');
  assert.equal(civiliansOfElsewhere('Civilians (International)', 'Mali'), 'Civilians (International)');
  assert.equal(civiliansOfElsewhere('Civilians (South Sudan)', 'South Sudan'), '');
  assert.equal(civiliansOfElsewhere('Civilians (Democratic Republic of Congo)', 'DR Congo (Zaire)'), '');
  // A country stored with a qualifier (the demonstration's "Orvania (fictional)").
  assert.equal(civiliansOfElsewhere('Civilians (Orvania)', 'Orvania (fictional)'), '');
  assert.equal(civiliansOfElsewhere('Civils (Mali)', 'Mali'), '');
  assert.equal(civiliansOfElsewhere('Women (Sudan)', 'South Sudan'), '', 'a named group is read elsewhere');
});
