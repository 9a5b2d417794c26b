import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readOwnCategories } from '../src/analysis/actor-own-category.ts';
import { readEvidence } from '../src/analysis/evidence-events.ts';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { readPerpetrators, readThreatCells } from '../src/analysis/perpetrator-queries.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { findEvents } from '../src/store/event-repository.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

// An ACLED file for eastern DR Congo and Rwanda. Rwanda's army has events of its own only at home
// (state forces of Rwanda); in DR Congo it is named only beside M23 (assoc_actor_1 of attacks on
// civilians, assoc_actor_2 of battles). The Congolese police fight M23 once as actor 2 and act with
// the army once; a private military company is named only beside the army; the Wazalendo, beside
// the army too, have dated categories (a militia until August 2023, reservists from September).
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/good');
const FIXTURE = join(FIXTURES, 'acled-associated-categories.csv');
const PERIODS = join(FIXTURES, 'associated-actor-periods.csv');
const DRC = 'Democratic Republic of Congo';
const RDF = 'Military Forces of Rwanda (2000-)';
const POLICE = 'Police Forces of the Democratic Republic of Congo (2019-)';
const PMC = 'Agemira Private Military Company';
const WAZALENDO = 'Wazalendo Militia';

function ctx(store: Store) {
  return { via: 'cli' as const, name: 'test', requester: { name: 'test', roles: ['admin'] }, store };
}

for (const dialect of DIALECTS) {
  describe(`the category of an actor named beside a side is its own, on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let sourceIds: Map<number, string>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [FIXTURE]);
      await runOperation(operations.loadActorPeriods, { path: PERIODS }, ctx(store));
      sourceIds = new Map((await findEvents(store.db)).map((e) => [e.id, e.sourceEventId]));
    });
    after(() => drop());

    test('tandem actors: a state’s army named abroad only beside a rebel group is a foreign force there, not a state force', async () => {
      const list = async (country: string) =>
        (await runOperation(operations.listActors, { country }, ctx(store))).actors;
      const drc = await list(DRC);
      const rdf = drc.find((a) => a.name === RDF);
      // Its own events say what it is: Rwanda's state forces, so an outside force in DR Congo (the
      // register, filled from its events at home, said state forces of whichever country).
      assert.deepEqual([rdf?.category, rdf?.isState, rdf?.events], ['external-forces', false, 6]);
      const home = (await list('Rwanda')).find((a) => a.name === RDF);
      assert.deepEqual([home?.category, home?.isState], ['state-forces', true]);
      // Named nowhere but beside the army: it borrows nothing from it.
      const pmc = drc.find((a) => a.name === PMC);
      assert.deepEqual([pmc?.category, pmc?.isState], [null, false]);
      // The police have a record of their own in the country (actor 2 of a battle).
      const police = drc.find((a) => a.name === POLICE);
      assert.deepEqual([police?.category, police?.isState], ['state-forces', true]);
      // A dated actor is listed with its latest period, as the register holds it.
      assert.equal(drc.find((a) => a.name === WAZALENDO)?.category, 'state-forces');
      // --state lists the host's forces: not Rwanda's army, not the contractors.
      const state = (await runOperation(operations.listActors, { country: DRC, stateOnly: true }, ctx(store)))
        .actors;
      assert.ok(state.every((a) => a.isState));
      assert.deepEqual(
        state.map((a) => a.name).filter((n) => n === RDF || n === PMC || n === POLICE),
        [POLICE],
      );
    });

    test('an actor with no record of its own anywhere takes what its name says, and no more (DRC probe)', async () => {
      // Named only beside M23, Rwanda's army was "unknown" for 53 events and 389 deaths.
      const UPDF = 'Military Forces of Uganda (1986-)';
      const own = await readOwnCategories(store.db, [
        UPDF,
        PMC,
        'Military Forces of the Democratic Republic of Congo (2019-)',
      ]);
      assert.equal(own.of(UPDF, DRC), 'external-forces');
      assert.equal(
        own.of('Military Forces of the Democratic Republic of Congo (2019-)', DRC),
        'state-forces',
      );
      assert.equal(own.of(PMC, DRC), '');
    });

    test('the perpetrator table gives an associated actor its own category, by month for a dated one', async () => {
      const { cells } = await readPerpetrators(store.db, { country: DRC }, '2023-01', '2023-09');
      const categories = (actor: string) =>
        [...new Set(cells.filter((c) => c.actor === actor).map((c) => c.actorCategory))].sort();
      assert.deepEqual(categories(RDF), ['external-forces']);
      assert.deepEqual(categories(POLICE), ['state-forces']);
      assert.deepEqual(categories(PMC), ['']);
      // August's attack with the army as a militia, September's as reservists.
      assert.deepEqual(categories(WAZALENDO), ['political-militia', 'state-forces']);
      // The attacks with M23 and the battles beside actor 2 are Rwanda's army's: both sides of a
      // battle perpetrate it, as the actor alerts count them.
      assert.equal(
        cells.filter((c) => c.actor === RDF).reduce((s, c) => s + c.events, 0),
        6,
      );
      // Counts are not lost nor doubled by giving them a category: one cell per category and area.
      const keys = cells.map((c) =>
        [c.country, c.actor, c.actorCategory, c.admin1, c.violenceType].join('|'),
      );
      assert.equal(new Set(keys).size, keys.length);

      const a = await runJointAnalysis(store.db, { country: DRC, from: '2023-01-01', to: '2023-09-30' });
      const of = (actor: string) => a.perpetrators.find((p) => p.actor === actor);
      assert.deepEqual([of(RDF)?.category, of(RDF)?.events], ['external-forces', 6]);
      assert.equal(of(POLICE)?.category, 'state-forces');
      assert.equal(of(PMC)?.category, '');
    });

    test('threats name the associated perpetrator’s own category', async () => {
      const cells = await readThreatCells(
        store.db,
        { country: DRC },
        { firstMonth: '2023-01', lastMonth: '2023-09', recentStart: '2023-07', previousStart: '2023-04' },
      );
      const of = (actor: string) =>
        cells.filter((c) => c.actor === actor).map((c) => [c.actorCategory, c.events]);
      assert.deepEqual(of(RDF), [['external-forces', 3]]);
      assert.deepEqual(of(POLICE), [['state-forces', 1]]);
      assert.deepEqual(of(PMC), [['', 1]]);
      assert.deepEqual(of(WAZALENDO).sort(), [
        ['political-militia', 1],
        ['state-forces', 1],
      ]);
    });

    test('an actor alert’s evidence holds the events it acted in beside either side, as its series counts them', async () => {
      const a = await runJointAnalysis(store.db, { country: DRC, from: '2023-01-01', to: '2023-09-30' });
      const alert = a.alerts.find((x) => x.level === 'actor' && x.key === RDF && x.kind === 'new-actor');
      assert.ok(alert, `a new-actor alert for ${RDF}`);
      assert.equal(alert.score, 6);
      // Three attacks beside M23 as actor 1 (COD110-112), three battles beside it as actor 2 (COD116-118).
      assert.deepEqual(alert.evidence.map((e) => sourceIds.get(e.id)).sort(), [
        'COD110',
        'COD111',
        'COD112',
        'COD116',
        'COD117',
        'COD118',
      ]);
      // Events where it is actor 1 or 2 are found as before, and only its own country's.
      const home = await readEvidence(store.db, {
        country: 'Rwanda',
        actor: RDF,
        from: '2023-01-01',
        to: '2023-12-31',
        limit: 10,
        order: 'lethal',
      });
      assert.deepEqual(home.map((e) => e.sourceEventId).sort(), ['RWA108', 'RWA109']);
      // A name is matched whole: no event names "Military Forces of Rwanda" alone.
      const part = await readEvidence(store.db, {
        country: DRC,
        actor: 'Military Forces of Rwanda',
        from: '2023-01-01',
        to: '2023-12-31',
        limit: 10,
        order: 'lethal',
      });
      assert.deepEqual(part, []);
    });
  });
}
