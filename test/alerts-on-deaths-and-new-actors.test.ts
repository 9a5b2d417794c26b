import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { monthRange } from '../src/analysis/months.ts';
import type { EscalationAlert } from '../src/domain/alert.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

const acled = sharedData('acled/acled_south_sudan_2011-2015.csv');
const ged = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');

/**
 * Admin-1 alerts of one metric per admin-1 area-year over the country's whole record, from the
 * statistical tests: a mass casualty is no test's guess but an event of 100 deaths or more in the
 * data, alerted every time (docs/alerts.md), so it is not counted against the bound.
 */
function admin1Rate(
  a: Awaited<ReturnType<typeof runJointAnalysis>>,
  metric: EscalationAlert['metric'],
): number {
  const areas = new Set(a.areas.map((x) => x.admin1).filter(Boolean)).size;
  const years = monthRange(a.period.firstMonth, a.period.lastMonth).length / 12;
  return (
    a.alerts.filter((x) => x.level === 'admin1' && x.metric === metric && x.kind !== 'mass-casualty').length /
    (areas * years)
  );
}

for (const dialect of DIALECTS) {
  describe(`alerts on deaths and on new actors, on ${dialect.name}`, {
    skip: dialect.skip || acled.skip || ged.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [acled.path, ged.path]);
    });
    after(() => drop());

    test('Bangui in December 2013 (17 events, over a thousand deaths) is alerted on deaths that month or the next', async () => {
      const a = await runJointAnalysis(store.db, { country: 'Central African Republic' });
      const hit = a.alerts.find(
        (x) =>
          x.level === 'admin1' &&
          x.key === 'Bangui' &&
          x.metric === 'fatalities' &&
          (x.alarm === '2013-12' || x.alarm === '2014-01'),
      );
      assert.ok(hit, 'no fatalities alert for Bangui in December 2013 or January 2014');
      assert.ok(
        hit.evidence.some((e) => e.fatalities >= 100),
        'the massacre is among its evidence',
      );
    });

    test('a massacre in an area already at war is alerted: Pibor in January 2012, Bentiu in April 2014', async () => {
      // Jonglei had averaged 345 deaths a month over the six months before Pibor (Lou Nuer militia,
      // 598 dead in one event), Unity 171 before Bentiu (civilians killed in a mosque and
      // across the town, 230 in one event): the rule that asked for fewer than 100 alerted neither.
      const a = await runJointAnalysis(store.db, { country: 'South Sudan' });
      const mass = (admin1: string, month: string) =>
        a.alerts.find(
          (x) => x.level === 'admin1' && x.key === admin1 && x.kind === 'mass-casualty' && x.alarm === month,
        );
      assert.equal(mass('Jonglei', '2012-01')?.score, 598);
      assert.equal(mass('Unity', '2014-04')?.score, 230);
      assert.ok(
        (mass('Unity', '2014-04')?.baseline ?? 0) > 100,
        'the months before are shown as its baseline',
      );
    });

    test('the SPLM-IO is alerted as a new actor in December 2013 or January 2014', async () => {
      const a = await runJointAnalysis(store.db, { country: 'South Sudan' });
      const hit = a.alerts.find(
        (x) => x.level === 'actor' && x.kind === 'new-actor' && x.key.startsWith('SPLM-In Opposition'),
      );
      assert.ok(hit, 'no new-actor alert for the SPLM-IO');
      assert.ok(hit.alarm === '2013-12' || hit.alarm === '2014-01', hit.alarm);
      assert.equal(hit.metric, 'events');
    });

    test('the tests on either metric stay at or below 0.5 admin-1 alerts per area-year over each record', async () => {
      for (const country of ['South Sudan', 'Central African Republic']) {
        const a = await runJointAnalysis(store.db, { country });
        for (const metric of ['events', 'fatalities'] as const) {
          const rate = admin1Rate(a, metric);
          assert.ok(rate <= 0.5, `${country}, ${metric}: ${rate.toFixed(3)} admin-1 alerts per area-year`);
        }
        assert.ok(a.alerts.every((x) => x.metric === 'events' || x.metric === 'fatalities'));
      }
    });
  });
}
