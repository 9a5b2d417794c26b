import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { addMonths } from '../src/analysis/months.ts';
import { analysisOperations } from '../src/app/analysis-operations.ts';
import type { Database } from '../src/store/schema.ts';
import { DIALECTS } from './dialects.ts';

/**
 * The joint analysis on a small hand-made store, on every dialect: a province that goes from two
 * events a month to a dozen is alerted from the month the rise began, with its events as evidence;
 * a steady province is not. Rows are written straight into the tables, so this checks the
 * analysis queries (sums, CASE expressions, grouping) on SQLite and PostgreSQL alike.
 */
type Row = Database['events'];

function event(id: number, admin1: string, month: string, actor1: string, category: string): Omit<Row, 'id'> {
  return {
    source: 'demo',
    source_event_id: `S${id}`,
    content_hash: `h${id}`,
    import_id: 1,
    date_start: `${month}-10`,
    date_end: `${month}-10`,
    date_precision: 'day',
    month,
    country: 'Testland',
    admin1,
    admin2: '',
    location: admin1,
    latitude: null,
    longitude: null,
    geo_precision: null,
    violence_type: 'violence-against-civilians',
    event_type: 'Violence against civilians',
    sub_event_type: 'Attack',
    actor1,
    actor1_category: category,
    actor2: 'Civilians (Testland)',
    actor2_category: 'civilians',
    civilian_targeting: 1,
    civilian_targeting_derived: 0,
    fatalities: 2,
    fatalities_low: null,
    fatalities_high: null,
    civilian_fatalities: 2,
    notes: 'Herders attacked a village over grazing land and looted cattle.',
    source_text: 'test',
  } as unknown as Omit<Row, 'id'>;
}

for (const dialect of DIALECTS) {
  describe(`joint analysis on a hand-made store (${dialect.name})`, { skip: dialect.skip }, () => {
    test('a province that jumps from two events a month to twelve is alerted from its first high month', async () => {
      const { store, drop } = await dialect.open();
      try {
        const rows: Omit<Row, 'id'>[] = [];
        let id = 0;
        for (let m = 0; m < 27; m++) {
          const month = addMonths('2020-01', m);
          const hot = m >= 24 ? 12 : 2;
          for (let i = 0; i < hot; i++)
            rows.push(event(++id, 'North', month, 'Army of Testland', 'state-forces'));
          for (let i = 0; i < 3; i++)
            rows.push(event(++id, 'South', month, 'Hill Militia', 'identity-militia'));
        }
        await store.db
          .insertInto('events')
          .values(rows as never)
          .execute();
        const counts = new Map<
          string,
          { admin1: string; month: string; actor: string; category: string; n: number }
        >();
        for (const r of rows) {
          const k = `${r.admin1}|${r.month}`;
          const c = counts.get(k) ?? {
            admin1: r.admin1,
            month: r.month,
            actor: r.actor1,
            category: r.actor1_category!,
            n: 0,
          };
          c.n++;
          counts.set(k, c);
        }
        for (const c of counts.values()) {
          await store.db
            .insertInto('event_counts')
            .values({
              country: 'Testland',
              admin1: c.admin1,
              admin2: '',
              month: c.month,
              violence_type: 'violence-against-civilians',
              actor_category: c.category,
              events: c.n,
              fatalities: 2 * c.n,
              civilian_fatalities: 2 * c.n,
              civilian_fatalities_known: c.n,
              civilian_targeting_events: c.n,
              civilian_targeting_derived_events: 0,
            } as never)
            .execute();
          for (const [role, actor, category] of [
            [1, c.actor, c.category],
            [2, 'Civilians (Testland)', 'civilians'],
          ] as const)
            await store.db
              .insertInto('actor_counts')
              .values({
                country: 'Testland',
                admin1: c.admin1,
                actor,
                actor_category: category,
                role,
                month: c.month,
                violence_type: 'violence-against-civilians',
                events: c.n,
                fatalities: 2 * c.n,
                civilian_fatalities: 2 * c.n,
                civilian_targeting_events: c.n,
              } as never)
              .execute();
        }
        const a = await runJointAnalysis(store.db, { country: 'Testland' });
        assert.equal(a.headline.events, rows.length);
        assert.equal(a.headline.civilianFatalities, 2 * rows.length);
        const north = a.alerts.filter((x) => x.level === 'admin1' && x.key === 'North');
        assert.equal(north.length, 1, JSON.stringify(a.alerts.map((x) => [x.level, x.key, x.start])));
        assert.equal(north[0]!.start, '2022-01');
        assert.ok(north[0]!.evidence.length > 0 && north[0]!.evidence.every((e) => e.admin1 === 'North'));
        assert.ok(!a.alerts.some((x) => x.key === 'South' || x.key === 'Hill Militia'));
        assert.ok(a.alerts.some((x) => x.level === 'actor' && x.key === 'Army of Testland'));
        assert.equal(
          a.headline.stateShareOfCivilianTargeting,
          Math.round(((24 * 2 + 3 * 12) / rows.length) * 1000) / 1000,
        );
        const army = a.perpetrators.find((p) => p.actor === 'Army of Testland')!;
        assert.ok(army.isState);
        assert.equal(army.trend, 'rising');
        const threat = a.threats.find((t) => t.perpetrator === 'Army of Testland')!;
        assert.equal(threat.targetedPopulation, 'Civilians (Testland)');
        assert.ok(threat.drivers.includes('cattle-and-transhumance'));
        assert.equal(threat.trend, 'rising');
        const cattle = a.drivers.find((d) => d.driver === 'cattle-and-transhumance')!;
        assert.equal(cattle.events, Math.min(rows.length, 3000));
        assert.equal(cattle.joint, false);

        // Notes above a requester's clearance suggest nothing to them; a cleared reader's reads are logged.
        await store.db
          .updateTable('events')
          .set({ sensitivity: 'restricted' })
          .where('admin1', '=', 'North')
          .execute();
        const viewer = { store, requester: { name: 'vera', roles: ['viewer'] } };
        const seen = await analysisOperations.analyze.run(viewer, { country: 'Testland' });
        assert.equal(seen.drivers.find((d) => d.driver === 'cattle-and-transhumance')!.events, 27 * 3);
        const poc = { store, requester: { name: 'paul', roles: ['poc'] } };
        const full = await analysisOperations.analyze.run(poc, { country: 'Testland' });
        assert.equal(full.drivers.find((d) => d.driver === 'cattle-and-transhumance')!.events, rows.length);
        const logged = await store.db
          .selectFrom('audit_log')
          .selectAll()
          .where('actor', '=', 'paul')
          .execute();
        assert.ok(logged.length >= 84 && logged.every((l) => l.action === 'released'));
      } finally {
        await drop();
      }
    });
  });
}
