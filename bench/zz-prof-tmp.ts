import { performance } from 'node:perf_hooks';
import { readActorCells, readCountCells, readDateRange, readEvidence, readStateActors } from '../src/analysis/analysis-queries.ts';
import { openStore } from '../src/store/store.ts';
const store = await openStore({ dbPath: '/tmp/an-bench.db' });
const t = async (n: string, f: () => Promise<unknown>) => { const t0 = performance.now(); const r = await f(); console.log(n, Math.round(performance.now() - t0), 'ms', Array.isArray(r) ? r.length : ''); return r; };
const scope = { country: 'Northland' };
for (let i = 0; i < 2; i++) {
await t('range', () => readDateRange(store.db, scope));
await t('cells', () => readCountCells(store.db, scope, '2022-12'));
await t('actorCells', () => readActorCells(store.db, scope, '2022-12'));
await t('state', () => readStateActors(store.db));
await t('evidence-admin1-3mo', () => readEvidence(store.db, { country: 'Northland', admin1: 'Amber', from: '2020-01-01', to: '2020-03-31', limit: 10, order: 'lethal', violenceTypes: ['battles'] }));
await t('driver-sample', () => readEvidence(store.db, { country: 'Northland', from: '2015-01-01', to: '2022-12-31', limit: 3000, order: 'recent', withNotes: true }));
await t('threat-linked', () => readEvidence(store.db, { country: 'Northland', admin1: 'Amber', actor: 'Benchland Army', actorAsPerpetrator: true, from: '2015-01-01', to: '2022-12-31', limit: 10, order: 'recent', civilianTargeting: true, violenceTypes: ['violence-against-civilians'], withNotes: true }));
await t('tags', async () => (await import('../src/analysis/driver-tag-repository.ts')).findDriverTags(store.db, scope));
}
await store.close();
