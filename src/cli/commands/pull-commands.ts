import type { Command } from 'commander';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { formatTable } from '../table.ts';

const pulls = () => import('../../app/pull-operations.ts').then((m) => m.pullOperations);

interface PullFlags extends StoreFlags {
  country?: string;
  json?: boolean;
}

/**
 * Asks at the terminal for what the environment does not hold (the password without echo), and
 * keeps the answer in this process's environment only: never written, never printed.
 */
async function askMissing(vars: { name: string; question: string; secret: boolean }[]): Promise<void> {
  const missing = vars.filter((v) => !process.env[v.name]);
  if (!missing.length || !process.stdin.isTTY || !process.stderr.isTTY) return;
  const { createInterface } = await import('node:readline');
  for (const v of missing) {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    let asked = false;
    if (v.secret) {
      // Echo the question, then nothing of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (!asked) write.call(rl, s);
      };
    }
    const answer = await new Promise<string>((resolve) => {
      rl.question(`${v.question}: `, resolve);
      asked = true;
    });
    rl.close();
    if (v.secret) process.stderr.write('\n');
    if (answer.trim()) process.env[v.name] = v.secret ? answer : answer.trim();
  }
}

function printPull(result: {
  warnings?: string[];
  files: {
    path: string;
    format: string;
    rows: number;
    imported: number;
    updated: number;
    unchanged: number;
    rejected: number;
    deleted: number;
  }[];
}): void {
  console.log(
    formatTable(
      ['query', 'format', 'rows', 'imported', 'updated', 'unchanged', 'set aside', 'deleted'],
      result.files.map((f) => [
        f.path,
        f.format,
        f.rows,
        f.imported,
        f.updated,
        f.unchanged,
        f.rejected,
        f.deleted,
      ]),
    ),
  );
  const aside = result.files.reduce((n, f) => n + f.rejected, 0);
  if (aside) console.log(`\n${aside} row(s) set aside: see them with \`tandem problems\`.`);
  for (const w of result.warnings ?? []) process.stderr.write(`tandem: warning: ${w}\n`);
}

export function registerPullCommands(program: Command): void {
  const pull = program
    .command('pull')
    .description("pull events from ACLED's or UCDP's API into the store, incrementally, as one import");

  storeFlags(
    pull
      .command('acled')
      .description(
        "pull a country's ACLED events (ACLED_USERNAME, ACLED_PASSWORD; ACLED_API_URL); later pulls ask only for what changed, and apply ACLED's deletions",
      )
      .requiredOption('--country <name>', 'the country as ACLED writes it ("South Sudan")')
      .option('--from <YYYY-MM-DD>', 'events on or after this day')
      .option('--to <YYYY-MM-DD>', 'events on or before this day')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: PullFlags & { from?: string; to?: string }) => {
      await askMissing([
        { name: 'ACLED_USERNAME', question: 'ACLED account email', secret: false },
        { name: 'ACLED_PASSWORD', question: 'ACLED password', secret: true },
      ]);
      const result = await runCommand(
        (await pulls()).pullAcled,
        { country: flags.country, from: flags.from, to: flags.to },
        { name: 'pull acled', store: flags },
      );
      if (flags.json) return printJson(result);
      printPull(result);
    }),
  );

  storeFlags(
    pull
      .command('ucdp')
      .description(
        "pull a country's UCDP GED events of one version (UCDP_API_TOKEN; UCDP_API_URL); a yearly release replaces the candidate events it covers",
      )
      .requiredOption(
        '--country <name>',
        'the country by name ("Central African Republic") or Gleditsch–Ward number (482)',
      )
      .option('--version <v>', 'GED version: yearly (25.1) or candidate (25.0.11); default the latest yearly')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: PullFlags & { version?: string }) => {
      await askMissing([{ name: 'UCDP_API_TOKEN', question: 'UCDP API token', secret: true }]);
      const result = await runCommand(
        (await pulls()).pullUcdp,
        { country: flags.country, version: flags.version },
        { name: 'pull ucdp', store: flags },
      );
      if (flags.json) return printJson(result);
      printPull(result);
    }),
  );
}
