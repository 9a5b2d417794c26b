import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { negotiationOperations, parseProcessInput } from '../../app/negotiation-operations.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import { action, printJson, type StoreFlags, storeFlags, withContext } from '../cli-runtime.ts';

function numberFlag(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new TandemError(
      'bad-input',
      `${name}: expected ${integer ? 'a whole number' : 'a number'}, got "${value}"`,
    );
  }
  return n;
}

type Flags = StoreFlags & {
  json?: boolean;
  windowDays?: string;
  baselineDays?: string;
  alpha?: string;
  minEvents?: string;
};

export function registerNegotiationCommands(program: Command): void {
  const negotiation = program
    .command('negotiation')
    .description('Negotiation processes: escalation before talks, inclusion');
  storeFlags(
    negotiation
      .command('check <process>')
      .description('Check a process file (YAML or JSON) for pre-talks escalation and delegation inclusion')
      .option('--json', 'print {"alerts": [...], "inclusion": [...]} as JSON')
      .option('--window-days <n>', 'days before a round in which violence is counted (default 30)')
      .option('--baseline-days <n>', 'days before the window that give the baseline rate (default 180)')
      .option('--alpha <p>', 'significance level of the one-sided test (default 0.05)')
      .option('--min-events <n>', 'fewest events in the window that can raise an alert (default 3)'),
  ).action(
    action(async (path: string, flags: Flags) => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw new TandemError(
          'unreadable-file',
          `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        );
      }
      const input = {
        process: text,
        name: path,
        windowDays: numberFlag('--window-days', flags.windowDays, true),
        baselineDays: numberFlag('--baseline-days', flags.baselineDays, true),
        alpha: numberFlag('--alpha', flags.alpha, false),
        minEvents: numberFlag('--min-events', flags.minEvents, true),
      };
      parseProcessInput(input); // a bad file fails here, before the store is opened
      const parsed = negotiationOperations.checkNegotiation.input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const flag = String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        throw new TandemError('bad-input', `--${flag}: ${issue.message}`);
      }
      const r = await withContext(flags, (ctx) =>
        negotiationOperations.checkNegotiation.run(ctx, parsed.data),
      );
      if (flags.json) return printJson(r);
      const out = [`${r.process} (${r.country}): ${r.alerts.length} escalation alert(s)`];
      for (const a of r.alerts) {
        out.push('', `pre-talks-escalation [${a.party}, round ${a.round}]`, `  ${a.message}`);
        out.push(`  events: ${a.evidence.map((e) => e.sourceEventId).join(', ')}`);
      }
      out.push('', 'inclusion (women / delegation):');
      for (const i of r.inclusion) {
        const verdict =
          i.meetsQuota === null ? '' : i.meetsQuota ? '  meets quota' : `  BELOW quota ${i.quota}`;
        out.push(
          `  round ${i.round}  ${i.party}: ${i.women}/${i.total}${i.share === null ? '' : ` (${i.share})`}${verdict}`,
        );
      }
      out.push('', `method: ${r.method}`);
      if (r.notes.length) out.push('', 'notes:', ...r.notes.map((n) => `  - ${n}`));
      process.stdout.write(`${out.join('\n')}\n`);
    }),
  );
}
