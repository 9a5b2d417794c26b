import { performance } from 'node:perf_hooks';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { openStore } from '../src/store/store.ts';
import { readCountCells } from '../src/analysis/analysis-queries.ts';
const store = await openStore({ dbPath: '/tmp/an-bench.db' });
const a = await runJointAnalysis(store.db, { country: 'Northland' });
console.log(a.alerts.map((x) => [x.level, x.key, x.start, x.alarm]));
const Database = (await import('better-sqlite3')).default;
const raw = new Database('/tmp/an-bench.db', { readonly: true });
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  const rows = raw.prepare("select country, admin1, month, violence_type, actor_category, events, fatalities, civilian_fatalities, civilian_fatalities_known, civilian_targeting_events from event_counts where country = ? and month <= ?").all('Northland', '2022-12');
  console.log('raw', rows.length, Math.round(performance.now() - t0));
  t0 = performance.now();
  const rows2 = raw.prepare("select country, admin1, month, violence_type, actor_category, events, fatalities, civilian_fatalities, civilian_fatalities_known, civilian_targeting_events from event_counts where country = ? and month <= ?").raw().all('Northland', '2022-12');
  console.log('raw arrays', rows2.length, Math.round(performance.now() - t0));
  t0 = performance.now();
  await readCountCells(store.db, { country: 'Northland' }, '2022-12');
  console.log('kysely', Math.round(performance.now() - t0));
}
await store.close();
