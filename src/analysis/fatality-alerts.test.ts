import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quietDeaths } from '../../test/simulated-deaths.ts';
import type { AlertSeries } from './escalation-alerts.ts';
import { buildFatalitySeries, detectFatalityAlerts } from './fatality-alerts.ts';
import { DEFAULT_LOG_CUSUM_OPTIONS, logScaleCusum } from './log-cusum.ts';
import { monthRange } from './months.ts';
import { detectNewActors } from './new-actor-alerts.ts';

const months = monthRange('2010-01', '2012-12');
function series(counts: number[]): AlertSeries {
  return { level: 'admin1', country: 'Testland', key: 'North', admin1: 'North', months, counts };
}

test('a month with one event of 100 deaths in an area that averaged fewer is alerted on fatalities that month', () => {
  const counts = months.map((_, i) => (i === 20 ? 180 : 8));
  const massive = new Map([['Testland\u001fNorth\u001f2011-09', 150]]);
  const alerts = detectFatalityAlerts([series(counts)], massive, DEFAULT_LOG_CUSUM_OPTIONS, '2000-01');
  const mass = alerts.filter((a) => a.kind === 'mass-casualty');
  assert.equal(mass.length, 1);
  assert.deepEqual([mass[0]!.alarm, mass[0]!.metric, mass[0]!.score], ['2011-09', 'fatalities', 150]);
  // The single month is not also reported as a sustained rise.
  assert.equal(alerts.length, 1);
});

test('a 100-death event is a mass casualty even where the area already averaged 100 deaths a month', () => {
  const counts = months.map(() => 140);
  const massive = new Map([['Testland\u001fNorth\u001f2011-09', 100]]);
  const alerts = detectFatalityAlerts([series(counts)], massive, DEFAULT_LOG_CUSUM_OPTIONS, '2000-01');
  const mass = alerts.filter((a) => a.kind === 'mass-casualty');
  assert.deepEqual(
    mass.map((a) => [a.alarm, a.score, a.baseline]),
    [['2011-09', 100, 140]],
    'the months before are the baseline shown beside it, not a bar it must clear',
  );
});

test('a second massacre months after the first is alerted too: the first does not hide it', () => {
  // West Darfur in a Sudan store in UCDP GED's format: 4,115 deaths in June 2023 (one event of
  // 120), none from July to October, 3,326 in November (one event of 194). The six months before
  // November averaged 741 deaths: the rule that asked them to be below 100 alerted neither month.
  const darfur = monthRange('2023-04', '2024-03');
  const deaths = new Map([
    ['2023-05', 330],
    ['2023-06', 4115],
    ['2023-11', 3326],
  ]);
  const s: AlertSeries = {
    level: 'admin1',
    country: 'Sudan',
    key: 'West Darfur',
    admin1: 'West Darfur',
    months: darfur,
    counts: darfur.map((m) => deaths.get(m) ?? 0),
  };
  const massive = new Map([
    ['Sudan\u001fWest Darfur\u001f2023-06', 120],
    ['Sudan\u001fWest Darfur\u001f2023-11', 194],
  ]);
  const alerts = detectFatalityAlerts([s], massive, DEFAULT_LOG_CUSUM_OPTIONS, '2023-04');
  assert.deepEqual(
    alerts.filter((a) => a.kind === 'mass-casualty').map((a) => [a.alarm, a.score, a.observed]),
    [
      ['2023-06', 120, 4115],
      ['2023-11', 194, 3326],
    ],
  );
});

test('on quiet heavy-tailed series of deaths the log-scale test rarely fires', () => {
  let alarms = 0;
  let years = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const { deaths } = quietDeaths(120, 3, 1.1, seed);
    alarms += logScaleCusum(deaths).length;
    years += 10;
  }
  assert.ok(alarms / years < 0.1, `${alarms} false alarms in ${years} series-years`);
});

test('a sustained tenfold rise in deaths is alarmed within five months in nine series of ten', () => {
  let within = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const quiet = quietDeaths(36, 3, 1.5, seed).deaths;
    const risen = quietDeaths(12, 30, 1.5, seed + 1000).deaths;
    const hit = logScaleCusum([...quiet, ...risen]).find((a) => a.alarm >= 36);
    if (hit && hit.alarm - 36 <= 5) within++;
  }
  assert.ok(within >= 90, `${within} of 100`);
});

/** North's months of the test record, `events` violent events each: the country's record for new actors. */
function areaMonths(events: number) {
  return months.map((month) => ({
    country: 'Testland',
    admin1: 'North',
    month,
    events,
    violentEvents: events,
    fatalities: 0,
    violentFatalities: 0,
    civilianFatalities: 0,
    civilianFatalitiesKnown: 0,
    civilianTargetingEvents: 0,
    stateCivilianTargetingEvents: 0,
  }));
}

/** An actor's violent events in a month. */
const actor = (name: string, month: string, events: number) => ({
  country: 'Testland',
  actor: name,
  month,
  events,
});

test('an actor first seen well into the record with five violent events in three months is a new actor', () => {
  const area = areaMonths(10);
  const alerts = detectNewActors(
    area,
    [
      actor('Old Army', '2010-01', 9),
      actor('New Front', '2011-03', 2),
      actor('New Front', '2011-04', 4),
      actor('Small Band', '2011-05', 2),
    ],
    { minEvents: 5, withinMonths: 3, minHistory: 6 },
    '2000-01',
    '2012-12',
  );
  assert.deepEqual(
    alerts.map((a) => [a.key, a.level, a.kind, a.start, a.alarm]),
    [['New Front', 'actor', 'new-actor', '2011-03', '2011-04']],
  );
});

test('a state force renamed with ACLED’s new dates is the same actor, not a new one (held-out probe: Somalia’s army and police)', () => {
  const area = areaMonths(5);
  const alerts = detectNewActors(
    area,
    [
      actor('Military Forces of Testland (2005-2011)', '2010-01', 9),
      actor('Military Forces of Testland (2005-2011)', '2011-02', 9),
      actor('Military Forces of Testland (2011-)', '2011-03', 8),
      actor('Military Forces of Testland (2011-)', '2011-04', 8),
      // A new force with dates of its own is still new.
      actor('Militia of Testland (2011-)', '2011-06', 6),
    ],
    { minEvents: 5, withinMonths: 3, minHistory: 6 },
    '2000-01',
    '2012-12',
  );
  assert.deepEqual(
    alerts.map((a) => a.key),
    ['Militia of Testland (2011-)'],
  );
});

test("the deaths series counts deaths in violent events only: a riot's dead are not an escalation of violence (alerts probe)", () => {
  const rows = areaMonths(3).map((r, i) => ({
    ...r,
    fatalities: i === months.length - 1 ? 40 : 4,
    violentFatalities: i === months.length - 1 ? 28 : 4,
  }));
  const [country, north] = buildFatalitySeries(rows);
  assert.equal(country!.counts.at(-1), 28);
  assert.equal(north!.counts.at(-1), 28);
  assert.equal(north!.counts[0], 4);
});
