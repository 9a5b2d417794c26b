import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { importEvents } from '../src/app/import-events.ts';
import { pullOperations } from '../src/app/pull-operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { openStore } from '../src/store/store.ts';
import { BENCH_DIR } from './evidence-bench.ts';
import { generateAcled } from './generate-acled.ts';
import { fmtMs, median, time } from './stats.ts';

export interface PullBenchResult {
  rows: number;
  pages: number;
  pullMs: number[];
  fileMs: number[];
  imported: number;
}

/**
 * The pull of `rows` ACLED events of one country from the stand-in API (in a process of its own,
 * on loopback, in pages of 5,000: sign-in, every page fetched and read, deletions asked for, one
 * import), against the same rows imported from a CSV file by `importEvents`; each run into a
 * fresh SQLite store.
 */
export async function benchPull(rows = 100_000, runs = 3): Promise<PullBenchResult> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const generated = join(BENCH_DIR, `pull-source-${rows}.csv`);
  await generateAcled(generated, rows, 11);
  // One country, dates as the API writes them: the file and the API then hold the very same rows.
  const parsed = Papa.parse<Record<string, string>>(readFileSync(generated, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const same = parsed.data.map((r) => ({
    ...r,
    country: 'Northland',
    event_date: new Date(`${r.event_date} UTC`).toISOString().slice(0, 10),
  }));
  const csv = join(BENCH_DIR, `pull-rows-${rows}.csv`);
  writeFileSync(csv, Papa.unparse(same));

  const api = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'acled-api-process.ts'), csv],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    api.stdout.once('data', (d) => resolve(String(d).trim()));
    api.once('exit', (code) => reject(new Error(`the stand-in API ended (${code})`)));
  });
  const saved = {
    url: process.env.ACLED_API_URL,
    user: process.env.ACLED_USERNAME,
    pass: process.env.ACLED_PASSWORD,
  };
  process.env.ACLED_API_URL = url;
  process.env.ACLED_USERNAME = 'bench@un.org';
  process.env.ACLED_PASSWORD = 'bench';
  const pullMs: number[] = [];
  const fileMs: number[] = [];
  let imported = 0;
  try {
    for (let i = 0; i < runs; i++) {
      for (const kind of ['pull', 'file'] as const) {
        const dir = mkdtempSync(join(BENCH_DIR, `pull-${kind}-`));
        const store = await openStore({ dbPath: join(dir, 'tandem.db') });
        try {
          if (kind === 'pull') {
            const [ms, r] = await time(() =>
              runOperation(
                pullOperations.pullAcled,
                { country: 'Northland' },
                {
                  via: 'cli',
                  name: 'pull acled',
                  requester: { name: 'bench', roles: ['admin'] },
                  store,
                },
              ),
            );
            pullMs.push(ms);
            imported = r.files[0]?.imported ?? 0;
            if (imported !== rows) throw new Error(`the pull imported ${imported} of ${rows} rows`);
          } else {
            const [ms, r] = await time(() => importEvents(store, [csv]));
            fileMs.push(ms);
            if (r.files[0]?.imported !== rows)
              throw new Error(`the file import took ${r.files[0]?.imported} of ${rows}`);
          }
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    for (const [k, v] of Object.entries({
      ACLED_API_URL: saved.url,
      ACLED_USERNAME: saved.user,
      ACLED_PASSWORD: saved.pass,
    })) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    api.kill('SIGTERM');
  }
  return { rows, pages: Math.ceil(rows / 5000), pullMs, fileMs, imported };
}

export function describePull(r: PullBenchResult): string {
  const pull = median(r.pullMs);
  const file = median(r.fileMs);
  return [
    `\n## Pull from the ACLED API stand-in (loopback, its own process) against the same rows from a file`,
    `pull of ${r.rows.toLocaleString('en-US')} events in ${r.pages} pages of 5,000 (sign-in, pages, deletions, one import): median ${fmtMs(pull)} over ${r.pullMs.length} runs [${r.pullMs.map(fmtMs).join(', ')}], ${Math.round(r.rows / (pull / 1000)).toLocaleString('en-US')} events/s`,
    `import of the same rows from a CSV file: median ${fmtMs(file)} [${r.fileMs.map(fmtMs).join(', ')}]; the pull takes ${(pull / file).toFixed(2)}× the file's time`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? process.env.TANDEM_BENCH_PULL_ROWS ?? 100_000);
  console.log(describePull(await benchPull(rows, Number(process.argv[3] ?? 3))));
}
