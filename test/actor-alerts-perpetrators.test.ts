import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { addMonths } from '../src/analysis/months.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

/**
 * An actor alert says an actor raised its violence: the police, whose attacks on protesters jump
 * from one a month to ten, are alerted; the protesters they shot at are not, though ACLED names
 * them in every one of those events (as actor 2). Both sides of a battle fight, and both count.
 */
const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

function row(id: number, date: string, type: 'vac' | 'battle', actor1: string, actor2: string): string {
  const [eventType, sub, inter2, target] =
    type === 'vac'
      ? ['Violence against civilians', 'Attack', 'Protesters', 'Civilian targeting']
      : ['Battles', 'Armed clash', 'Rebel group', ''];
  return `TST${id},${date},${date.slice(0, 4)},1,Political violence,${eventType},${sub},${actor1},,State forces,${actor2},,${inter2},16,${target},999,Middle Africa,Testland,North,North West,,North Town,1.5,30.1,2,Partner,Subnational,Event ${id}.,1,,1690000000`;
}

for (const dialect of DIALECTS) {
  describe(`actor alerts count what an actor perpetrated (${dialect.name})`, { skip: dialect.skip }, () => {
    test('the attacker is alerted, its target is not; both sides of a battle are', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-actor-alerts-'));
      const { store, drop } = await dialect.open();
      try {
        const lines = [HEADER];
        let id = 0;
        for (let m = 0; m < 30; m++) {
          const month = addMonths('2020-01', m);
          // Each month one attack and one battle, ten of each from the 25th month on.
          for (let i = 0; i < (m >= 24 ? 10 : 1); i++) {
            const day = `${month}-${String(10 + i).padStart(2, '0')}`;
            lines.push(row(++id, day, 'vac', 'Police Forces of Testland', 'Protesters (Testland)'));
            lines.push(row(++id, day, 'battle', 'Military Forces of Testland', 'Rebels of Testland'));
          }
        }
        const file = join(dir, 'acled_testland.csv');
        writeFileSync(file, `${lines.join('\n')}\n`);
        await importFiles(store, [file]);
        const a = await runJointAnalysis(store.db, { country: 'Testland' });
        const alerted = new Set(a.alerts.filter((x) => x.level === 'actor').map((x) => x.key));
        assert.ok(alerted.has('Police Forces of Testland'), `the police are alerted: ${[...alerted]}`);
        assert.ok(!alerted.has('Protesters (Testland)'), 'the protesters they attacked are not');
        assert.ok(
          alerted.has('Military Forces of Testland') && alerted.has('Rebels of Testland'),
          `both sides of the battles: ${[...alerted]}`,
        );
        const police = a.alerts.find((x) => x.key === 'Police Forces of Testland')!;
        assert.ok(police.evidence.every((e) => e.actor1 === 'Police Forces of Testland'));
      } finally {
        await drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
