import type { Command } from 'commander';
import { checkOutputText } from '../check-output-text.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { readTextFile } from '../read-text-file.ts';

type Flags = StoreFlags & {
  json?: boolean;
  windowDays?: string;
  baselineDays?: string;
  alpha?: string;
  minEvents?: string;
  lang?: string;
};

export function registerNegotiationCommands(program: Command): void {
  const negotiation = program
    .command('negotiation')
    .description('negotiation processes: escalation before talks, inclusion');
  storeFlags(
    negotiation
      .command('check <process>')
      .description('Check a process file (YAML or JSON) for pre-talks escalation and delegation inclusion')
      .option('--json', 'print {"alerts": [...], "inclusion": [...]} as JSON')
      .option('--window-days <n>', 'days before a round in which violence is counted (default 30)')
      .option('--baseline-days <n>', 'days before the window that give the baseline rate (default 180)')
      .option('--alpha <p>', 'significance level of the one-sided test (default 0.05)')
      .option('--min-events <n>', 'fewest events in the window that can raise an alert (default 3)')
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr'),
  ).action(
    action(async (path: string, flags: Flags) => {
      const text = readTextFile(path);
      const { negotiationOperations } = await import('../../app/negotiation-operations.ts');
      const r = await runCommand(
        negotiationOperations.checkNegotiation,
        {
          process: text,
          name: path,
          windowDays: flags.windowDays,
          baselineDays: flags.baselineDays,
          alpha: flags.alpha,
          minEvents: flags.minEvents,
          lang: flags.lang,
        },
        { name: 'negotiation check', store: flags, fields: { process: 'PROCESS', name: 'PROCESS' } },
      );
      if (flags.json) return printJson(r);
      const w = checkOutputText(flags.lang);
      const out = [
        r.tests.some((t) => t.testable)
          ? w.escalationAlerts(r.process, r.country, r.alerts.length)
          : w.escalationUntested(r.process, r.country),
      ];
      for (const a of r.alerts) {
        out.push('', `pre-talks-escalation [${a.party}, ${w.round(a.round)}]`, `  ${a.message}`);
        out.push(`  ${w.eventsLabel} ${a.evidence.map((e) => e.sourceEventId).join(', ')}`);
      }
      out.push('', w.inclusion);
      for (const i of r.inclusion) {
        const verdict =
          i.meetsQuota === null ? '' : `  ${i.meetsQuota ? w.meetsQuota : w.belowQuota(i.quota ?? 0)}`;
        out.push(`  ${w.round(i.round)}  ${w.delegation(i.party, i.women, i.total, i.share)}${verdict}`);
      }
      out.push('', `${w.method} ${r.method}`);
      if (r.notes.length) out.push('', w.notes, ...r.notes.map((n) => `  - ${n}`));
      process.stdout.write(`${out.join('\n')}\n`);
    }),
  );

  storeFlags(
    negotiation
      .command('store <process>')
      .description('Keep a process file (YAML or JSON) in the store for the workbench, validated first')
      .option('--json', 'print {"id","process","country","rounds"} as JSON'),
  ).action(
    action(async (path: string, flags: Flags) => {
      const text = readTextFile(path);
      const { storeNegotiation } = await import('../../app/workbench-operations.ts');
      const r = await runCommand(
        storeNegotiation,
        { process: text, name: path.split(/[\\/]/).pop() },
        { name: 'negotiation store', store: flags, fields: { process: 'PROCESS', name: 'PROCESS' } },
      );
      if (flags.json) return printJson(r);
      process.stdout.write(`stored ${r.process} (${r.country}, ${r.rounds} rounds) as process ${r.id}\n`);
    }),
  );

  storeFlags(
    negotiation
      .command('list')
      .description('List the stored negotiation processes, newest first')
      .option('--country <name>', 'only processes of this country')
      .option('--json', 'print {"processes": [...]} as JSON'),
  ).action(
    action(async (flags: Flags & { country?: string }) => {
      const { negotiationListOperations } = await import('../../app/negotiation-list-operations.ts');
      const r = await runCommand(
        negotiationListOperations.listNegotiations,
        { country: flags.country },
        { name: 'negotiation list', store: flags },
      );
      if (flags.json) return printJson(r);
      if (!r.processes.length) return void process.stdout.write('no negotiation process stored\n');
      for (const p of r.processes)
        process.stdout.write(`${p.id}  ${p.process} (${p.country})  ${p.storedAt}  by ${p.storedBy}\n`);
    }),
  );
}
