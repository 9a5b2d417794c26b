import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alertOperations } from '../src/app/alert-operations.ts';
import { analysisOperations } from '../src/app/analysis-operations.ts';
import type { AppContext } from '../src/app/operation.ts';
import { brief as briefOperation } from '../src/app/workbench-operations.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

const ssd = sharedData('acled/acled_south_sudan_2011-2015.csv');
const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;

describe('alerts of a period: those whose rise overlaps it (issue 15)', { skip: ssd.skip }, () => {
  let opened: Awaited<ReturnType<typeof sqlite.open>>;
  let ctx: AppContext;

  before(async () => {
    opened = await sqlite.open();
    await importFiles(opened.store, [ssd.path]);
    ctx = { store: opened.store, requester: { name: 'tester', roles: ['admin'] } };
  });
  after(async () => opened?.drop());

  const december = { country: 'South Sudan', from: '2013-12-01', to: '2013-12-31' };

  test('Jonglei’s rise of December 2013, confirmed in January, counts for December alone', async () => {
    const { alerts } = await alertOperations.listAlerts.run(ctx, december);
    const jonglei = alerts.find((a) => a.level === 'admin1' && a.key === 'Jonglei');
    assert.ok(
      jonglei,
      `admin1 alerts: ${alerts.filter((a) => a.level === 'admin1').map((a) => `${a.key} ${a.start}..${a.alarm}`)}`,
    );
    assert.equal(jonglei.start, '2013-12');
    assert.ok(jonglei.alarm >= '2013-12');
  });

  test('a rise that starts after the period, or ends before it, does not count', async () => {
    const { alerts } = await alertOperations.listAlerts.run(ctx, december);
    for (const a of alerts)
      assert.ok(a.start <= '2013-12' && a.alarm >= '2013-12', `${a.key} ${a.start}..${a.alarm}`);
  });

  test('the alerts alone are the joint analysis’s alerts for the same period', async () => {
    const alone = await alertOperations.listAlerts.run(ctx, december);
    const joint = await analysisOperations.analyze.run(ctx, december);
    assert.deepEqual(alone.alerts, joint.alerts);
  });

  test('the brief marks an alarm that came after the period (its rise began within it)', async () => {
    const { alerts } = await alertOperations.listAlerts.run(ctx, december);
    const later = alerts.filter((a) => a.alarm > '2013-12');
    assert.ok(later.length > 0, 'some alert of December was confirmed later');
    const { content } = await briefOperation.run(ctx, { ...december, format: 'md', lang: 'en' });
    const rows = content.split('\n').filter((l) => /^\| (country|area|actor) \|/.test(l));
    assert.equal(rows.filter((l) => l.includes(' †')).length, later.length, rows.join('\n'));
    assert.match(content, /its alarm may come after the period ends \(marked †\)/);
  });

  test('a From after To is refused', async () => {
    await assert.rejects(
      alertOperations.listAlerts.run(ctx, { country: 'South Sudan', from: '2014-01-01', to: '2013-12-01' }),
      /after/,
    );
  });
});
