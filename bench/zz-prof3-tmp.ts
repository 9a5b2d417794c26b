import { performance } from 'node:perf_hooks';
import { readEvidence } from '../src/analysis/analysis-queries.ts';
import { compileDriverRules, loadDriverTaxonomy } from '../src/analysis/driver-rules.ts';
import { openStore } from '../src/store/store.ts';
const store = await openStore({ dbPath: '/tmp/an-bench.db' });
for (let i = 0; i < 3; i++) {
  let t0 = performance.now(); const c0 = process.cpuUsage();
  const s = await readEvidence(store.db, { country: 'Northland', from: '2015-01-01', to: '2022-12-31', limit: 3000, order: 'recent', withNotes: true });
  console.log('query', Math.round(performance.now() - t0), 'cpu', Math.round(process.cpuUsage(c0).user / 1000));
  t0 = performance.now(); const c1 = process.cpuUsage();
  const m = compileDriverRules(loadDriverTaxonomy());
  let n = 0; for (const e of s) n += m.suggest(e.notes).length;
  console.log('match', n, Math.round(performance.now() - t0), 'cpu', Math.round(process.cpuUsage(c1).user / 1000));
}
await store.close();
