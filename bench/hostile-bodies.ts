// The hostile bodies of issue 12 (point 6), sent to a real `tandem serve` process on loopback, and
// that process's peak memory (VmHWM), which must stay under 300 MB. Run alone with
// `node --import tsx bench/hostile-bodies.ts`, or as part of `npm run bench`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUserAccount } from '../src/app/user-accounts.ts';
import { openStore } from '../src/store/store.ts';
import { startServeProcess } from './serve-process.ts';

const MB = 1024 * 1024;
const ACLED_HEADER = `${readFileSync(new URL('../test/fixtures/good/acled-new-format.csv', import.meta.url), 'utf8').split('\n')[0]}\n`;

interface Sent {
  case: string;
  status: number | string;
  ms: number;
  sentMB: number;
  /** The server's peak memory once this case was answered. */
  peakMB?: number;
}

/** Sends `totalBytes` (declared or chunked) until the server answers; stops sending once it has. */
function send(
  url: string,
  path: string,
  totalBytes: number,
  headers: Record<string, string>,
  declare: boolean,
  fill = 0x61,
  /** Read the whole answer (an upload's progress lines) and report its last stage. */
  whole = false,
  prefix = '',
): Promise<Omit<Sent, 'case'>> {
  const t0 = performance.now();
  const chunk = Buffer.alloc(MB, fill);
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: number | string) => {
      if (done) return;
      done = true;
      resolve({ status, ms: Math.round(performance.now() - t0), sentMB: Math.round(sent / MB) });
      req.destroy();
    };
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(declare ? { 'content-length': String(totalBytes) } : {}) },
    });
    req.on('response', (res) => {
      if (!whole || res.statusCode !== 200) {
        res.resume();
        return finish(res.statusCode ?? 0);
      }
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      res.on('end', () => {
        const last = JSON.parse(text.trim().split('\n').at(-1) ?? '{}');
        finish(
          `200, ${last.stage}${last.error ? ` (${last.error.code}: ${String(last.error.message).slice(0, 80)})` : ''}`,
        );
      });
    });
    req.on('error', (e) => finish(`closed (${(e as NodeJS.ErrnoException).code ?? e.message})`));
    if (prefix) {
      req.write(prefix);
      sent += Buffer.byteLength(prefix);
    }
    const pump = () => {
      while (!done && sent < totalBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

function peakMB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export async function benchHostileBodies(): Promise<{ cases: Sent[]; startMB: number; peakMB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-hostile-'));
  const db = join(dir, 'tandem.db');
  const store = await openStore({ dbPath: db });
  const viewer = (await addUserAccount(store, 'Bench Viewer', ['viewer'])).token;
  const analyst = (await addUserAccount(store, 'Bench Analyst', ['analyst'])).token;
  await store.close();

  const server = await startServeProcess(db);
  const { url } = server;
  const pid = server.pid;
  const start = peakMB(pid).rss;
  const cases: Sent[] = [];
  const run = async (name: string, p: Promise<Omit<Sent, 'case'>>) =>
    cases.push({ case: name, ...(await p), peakMB: peakMB(pid).peak });
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const upload = (token: string) => ({ 'content-type': 'text/csv', authorization: `Bearer ${token}` });

  await run('no account: 300 MB sign-in form, length declared', send(url, '/sign-in', 300 * MB, form, true));
  await run('no account: 300 MB sign-in form, chunked', send(url, '/sign-in', 300 * MB, form, false));
  await run(
    'viewer: 300 MB JSON body to a read, chunked',
    send(url, '/api/ops/summary', 300 * MB, json(viewer), false),
  );
  await run(
    'viewer: 300 MB JSON body to a write, chunked',
    send(url, '/api/ops/addThreat', 300 * MB, json(viewer), false),
  );
  await run(
    'viewer: 2 GiB upload, chunked',
    send(url, '/api/imports?name=big.csv', 2048 * MB, upload(viewer), false),
  );
  const parallel = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      send(url, `/api/imports?name=p${i}.csv`, 40 * MB, upload(analyst), true, 0x0a, true),
    ),
  );
  parallel.forEach((p, i) => {
    cases.push({ case: `analyst: 40 MB upload ${i + 1} of 4 at once`, ...p, peakMB: peakMB(pid).peak });
  });
  await run(
    'analyst: an ACLED file whose one row is a 60 MB line',
    send(
      url,
      '/api/imports?name=line.csv',
      60 * MB + Buffer.byteLength(ACLED_HEADER),
      upload(analyst),
      true,
      0x78,
      true,
      ACLED_HEADER,
    ),
  );
  const { peak } = peakMB(pid);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return { cases, startMB: start, peakMB: peak };
}

export function describeHostile(r: Awaited<ReturnType<typeof benchHostileBodies>>): string {
  const lines = ['\n## Hostile bodies against `tandem serve` (issue 12.6)'];
  for (const c of r.cases)
    lines.push(
      `${c.case}: ${c.status} after ${c.ms} ms, ${c.sentMB} MB sent; server peak so far ${c.peakMB} MB`,
    );
  lines.push(`server memory: ${r.startMB} MB after start, peak ${r.peakMB} MB (VmHWM; target < 300 MB)`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeHostile(await benchHostileBodies()));
}
