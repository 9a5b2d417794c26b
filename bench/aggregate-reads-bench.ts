/**
 * Reads that the monthly aggregates answer, on a store of many events: the actor page of the
 * country's largest actors (`actorProfile`, as admin and as viewer), and a country's trend query on
 * the country roll-up (`country_counts`) against the same GROUP BY over `event_counts`, which it
 * replaced, in the same process. bench/run.ts calls it; run alone on a SQLite store:
 *   node --import tsx bench/aggregate-reads-bench.ts /tmp/bench.db [Country]
 */
import { sql } from 'kysely';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { fmtMs, median } from './stats.ts';

const RUNS = 7;

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function describeAggregateReads(store: Store, country: string): Promise<string> {
  const lines = [`\n## Reads from the aggregates, ${country} (medians of ${RUNS} runs after one unmeasured)`];
  const actors = await store.db
    .selectFrom('actor_counts')
    .select(['actor', (eb) => eb.fn.sum<number>('events').as('n')])
    .where('country', '=', country)
    .groupBy('actor')
    .orderBy('n', 'desc')
    .limit(3)
    .execute();
  for (const { actor, n } of actors)
    for (const role of ['admin', 'viewer']) {
      const ms = await timed(() =>
        runOperation(
          operations.actorProfile,
          { name: actor, country },
          { via: 'cli', name: 'actorProfile', requester: { name: 'bench', roles: [role] }, store },
        ),
      );
      lines.push(
        `actor page, ${actor} (${Number(n).toLocaleString('en-US')} events), ${role}: ${fmtMs(median(ms))}`,
      );
    }
  const trend = (table: string) =>
    timed(() =>
      sql`SELECT month, violence_type, CASE WHEN actor_category = 'state-forces' THEN 1 ELSE 0 END AS p,
            sum(events), sum(fatalities), sum(civilian_targeting_events)
          FROM ${sql.table(table)} WHERE country = ${country}
          GROUP BY month, violence_type, CASE WHEN actor_category = 'state-forces' THEN 1 ELSE 0 END`.execute(
        store.db,
      ),
    );
  const roll = median(await trend('country_counts'));
  const full = median(await trend('event_counts'));
  lines.push(
    `a country's trend query: country_counts ${fmtMs(roll)}, the same over event_counts ${fmtMs(full)} (${(full / roll).toFixed(1)}× slower)`,
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const store = await openStore({ dbPath: process.argv[2] });
  try {
    const country =
      process.argv[3] ??
      (
        await store.db
          .selectFrom('country_counts')
          .select(['country', (eb) => eb.fn.sum<number>('events').as('n')])
          .groupBy('country')
          .orderBy('n', 'desc')
          .executeTakeFirstOrThrow()
      ).country;
    console.log(await describeAggregateReads(store, country));
  } finally {
    await store.close();
  }
}
