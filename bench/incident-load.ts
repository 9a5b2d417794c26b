// 50 clients recording and reading incidents at once against a real `tandem serve` on loopback
// (issue 13): every answer must be a success, and every incident recorded must be counted once,
// in the log and as an event. `node --import tsx bench/incident-load.ts [seconds]` (default 60),
// or part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUserAccount } from '../src/app/user-accounts.ts';
import { initKeys } from '../src/security/data-keys.ts';
import { openStore } from '../src/store/store.ts';
import { startServeProcess } from './serve-process.ts';
import { fmtMs } from './stats.ts';

const CLIENTS = 50;
const COUNTRY = 'Benchland';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

export async function benchIncidentLoad(seconds = 60) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-incident-load-'));
  const db = join(dir, 'tandem.db');
  const keyFile = join(dir, 'tandem.key');
  const store = await openStore({ dbPath: db });
  await initKeys(store.db, keyFile);
  const token = (await addUserAccount(store, 'Load Officer', ['poc'], { offices: ['North'] })).token;
  await store.close();
  const server = await startServeProcess(db, { TANDEM_KEY_FILE: keyFile });
  const { url } = server;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const writes: number[] = [];
  const reads: number[] = [];
  const failures: string[] = [];
  let created = 0;
  const end = Date.now() + seconds * 1000;
  const client = async (n: number) => {
    for (let i = 0; Date.now() < end && i < 100_000; i++) {
      const t0 = performance.now();
      if (i % 2 === 0) {
        const res = await fetch(`${url}/api/incidents`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            occurredOn: '2026-11-01',
            country: COUNTRY,
            admin1: `Area ${n % 5}`,
            category: 'injury',
            injured: 1,
            office: 'North',
            narrative: `client ${n}, incident ${i}`,
          }),
        });
        await res.arrayBuffer();
        if (res.status === 201) created++;
        else failures.push(`POST ${res.status}`);
        writes.push(performance.now() - t0);
      } else {
        const res = await fetch(`${url}/api/incidents?country=${COUNTRY}&limit=20`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`GET ${res.status}`);
        reads.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  const summary = await (await fetch(`${url}/api/summary?by=country&country=${COUNTRY}`, { headers })).json();
  await server.stop();
  const check = await openStore({ dbPath: db });
  const logged = Number(
    (
      await check.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const events = Number(
    (
      await check.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('source', '=', 'mission')
        .executeTakeFirstOrThrow()
    ).n,
  );
  await check.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    seconds,
    clients: CLIENTS,
    created,
    logged,
    events,
    counted: Number(summary.rows?.[0]?.events ?? 0),
    failures,
    writeP50: quantile(writes, 0.5),
    writeP95: quantile(writes, 0.95),
    readP50: quantile(reads, 0.5),
    readP95: quantile(reads, 0.95),
    requests: writes.length + reads.length,
  };
}

export function describeIncidentLoad(r: Awaited<ReturnType<typeof benchIncidentLoad>>): string {
  return [
    `\n## Incidents under load: ${r.clients} clients for ${r.seconds} s, loopback, half recording and half reading`,
    `${r.requests.toLocaleString('en-US')} requests, ${r.failures.length} failed${r.failures.length ? ` (${[...new Set(r.failures)].join(', ')})` : ''}`,
    `recording: p50 ${fmtMs(r.writeP50)}, p95 ${fmtMs(r.writeP95)}; reading 20: p50 ${fmtMs(r.readP50)}, p95 ${fmtMs(r.readP95)}`,
    `incidents answered 201: ${r.created}; in the log: ${r.logged}; as events: ${r.events}; in the summary: ${r.counted} (all four must be equal)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeIncidentLoad(await benchIncidentLoad(Number(process.argv[2] ?? 60))));
}
