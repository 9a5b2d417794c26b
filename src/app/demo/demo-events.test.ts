import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_ACTORS, DEMO_REGIONS, pointInRing, regionRing } from './demo-country.ts';
import { DEMO_ROUNDS, generateDemoEvents, LEVERAGE_WINDOW_DAYS } from './demo-events.ts';

const events = generateDemoEvents();
const DAY = 86_400_000;

test('the same seed gives the same events, and another seed different ones', () => {
  assert.deepEqual(generateDemoEvents(), events);
  assert.notDeepEqual(generateDemoEvents({ seed: 7 }).slice(0, 50), events.slice(0, 50));
});

test('every event lies inside the polygon of the region it names', () => {
  const rings = new Map(DEMO_REGIONS.map((r) => [r.name, regionRing(r)]));
  for (const e of events) {
    assert.ok(
      pointInRing([e.longitude!, e.latitude!], rings.get(e.admin1)!),
      `${e.sourceEventId} outside ${e.admin1}`,
    );
  }
});

test('state forces harm civilians in Lower Varo and Kessa Highlands, and not in the Talu Lakes', () => {
  const stateVac = (admin1: string) =>
    events.filter(
      (e) =>
        e.admin1 === admin1 &&
        e.violenceType === 'violence-against-civilians' &&
        e.actor1Category === 'state-forces',
    ).length;
  assert.ok(stateVac('Lower Varo') > 30, `Lower Varo: ${stateVac('Lower Varo')}`);
  assert.ok(stateVac('Kessa Highlands') > 10);
  assert.equal(stateVac('Talu Lakes'), 0);
});

test('the KLF is more violent in the six weeks before each round than in the same weeks a quarter earlier', () => {
  for (const round of DEMO_ROUNDS) {
    const start = Date.parse(round.start);
    const count = (from: number, to: number) =>
      events.filter((e) => {
        const t = Date.parse(e.dateStart);
        return e.actor1 === DEMO_ACTORS.klf.name && t >= from && t < to;
      }).length;
    const before = count(start - LEVERAGE_WINDOW_DAYS * DAY, start);
    const earlier = count(start - (LEVERAGE_WINDOW_DAYS + 91) * DAY, start - 91 * DAY);
    assert.ok(
      before > earlier * 1.5,
      `${round.id}: ${before} before the round, ${earlier} a quarter earlier`,
    );
  }
});

test('herder–farmer clashes rise in the dry season (December to March)', () => {
  const herder = events.filter((e) => e.actor1 === DEMO_ACTORS.herders.name);
  const dry = herder.filter((e) => ['12', '01', '02', '03'].includes(e.dateStart.slice(5, 7))).length / 4;
  const wet = herder.filter((e) => !['12', '01', '02', '03'].includes(e.dateStart.slice(5, 7))).length / 8;
  assert.ok(dry > wet * 1.8, `dry ${dry}/month-of-year, wet ${wet}`);
});

test('events say they are fictional and come from the demo source', () => {
  assert.ok(events.length > 1000);
  for (const e of events) {
    assert.equal(e.source, 'demo');
    assert.match(e.country, /fictional/);
    assert.match(e.notes, /fictional/);
  }
});
