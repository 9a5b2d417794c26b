import type { Command } from 'commander';
import type { LeftOutThreat } from '../../analysis/threat-proposals.ts';
import { counted, ENGLISH } from '../../domain/language.ts';
import type { Threat } from '../../domain/threat.ts';
import { VIOLENCE_TYPES } from '../../domain/violence-type.ts';
import { action, commaList, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { formatTable } from '../table.ts';

// Each action imports its operation's module when it runs: registering commands stays cheap.
const threatOps = () => import('../../app/threat-operations.ts').then((m) => m.threatOperations);

/** The threat register: `tandem threats list | propose | add | edit`. */
export function registerThreatCommands(program: Command): void {
  const threats = program
    .command('threats')
    .description('the threat register: proposed from data, edited by analysts');
  storeFlags(
    threats
      .command('list')
      .description('threats saved in the register')
      .option('--country <name>', 'this country')
      .option('--admin1 <name>', 'this admin-1 area')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const r = await runCommand(
        (await threatOps()).listThreats,
        { country: flags.country, admin1: flags.admin1 },
        { name: 'threats list', store: flags },
      );
      if (flags.json) return printJson(r);
      printThreats(r.threats);
    }),
  );
  storeFlags(
    threats
      .command('propose')
      .description('threats the data suggests; --save adds new ones to the register')
      .option('--country <name>', 'this country')
      .option('--admin1 <name>', 'this admin-1 area')
      .option('--from <YYYY-MM-DD>', 'first day of the period')
      .option('--to <YYYY-MM-DD>', 'last day of the period')
      .option('--limit <n>', 'at most this many')
      .option('--save', 'save new proposals in the register')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const r = await runCommand(
        (await threatOps()).proposeThreats,
        {
          country: flags.country,
          admin1: flags.admin1,
          from: flags.from,
          to: flags.to,
          limit: flags.limit,
          save: Boolean(flags.save),
        },
        { name: 'threats propose', store: flags },
      );
      if (flags.json) return printJson(r);
      printThreats(r.threats);
      printLeftOut(r);
      if (flags.save) {
        console.log(`\n${counted(ENGLISH, r.saved, 'new threat', 'new threats')} saved in the register.`);
        if (r.leftOut.length)
          console.log(
            `${counted(ENGLISH, r.leftOut.length, 'threat', 'threats')} left out of the list were not saved; ${higherLimit(r)} with --save saves them.`,
          );
      }
    }),
  );
  storeFlags(
    threats
      .command('edit')
      .description('edit a threat of the register')
      .argument('<id>', 'threat id')
      .option('--likelihood <level>', 'low | medium | high | very-high')
      .option('--severity <level>', 'low | medium | high | very-high')
      .option('--trend <trend>', 'rising | stable | falling | new | returning')
      .option('--status <status>', 'proposed | accepted | dismissed')
      .option('--target <population>', 'the targeted population')
      .option('--drivers <keys>', 'comma-separated driver keys')
      .option('--note <text>', 'a note')
      .option('--json', 'print JSON'),
  ).action(
    action(async (id: string, flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const t = await runCommand(
        (await threatOps()).editThreat,
        {
          id,
          likelihood: flags.likelihood,
          severity: flags.severity,
          trend: flags.trend,
          status: flags.status,
          targetedPopulation: flags.target,
          drivers: typeof flags.drivers === 'string' ? commaList(flags.drivers) : undefined,
          note: flags.note,
        },
        { name: 'threats edit', store: flags, fields: { id: 'ID', targetedPopulation: '--target' } },
      );
      if (flags.json) return printJson(t);
      printThreats([t]);
    }),
  );
  storeFlags(
    threats
      .command('add')
      .description(
        'add a threat the data does not show (a report, a rumour, a patrol finding) to the register',
      )
      .requiredOption('--country <name>', 'the country')
      .option('--admin1 <name>', 'the admin-1 area')
      .requiredOption('--perpetrator <name>', 'who threatens')
      .requiredOption('--target <population>', 'the population threatened')
      .requiredOption('--violence-type <type>', VIOLENCE_TYPES.join(' | '))
      .requiredOption('--likelihood <level>', 'low | medium | high | very-high')
      .requiredOption('--severity <level>', 'low | medium | high | very-high')
      .option('--trend <trend>', 'rising | stable | falling | new | returning (default new)')
      .option('--drivers <keys>', 'comma-separated driver keys')
      .option('--events <ids>', 'comma-separated ids of events it rests on')
      .option('--note <text>', 'where it comes from, what is known')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const t = await runCommand(
        (await threatOps()).addThreat,
        {
          country: flags.country,
          admin1: flags.admin1,
          perpetrator: flags.perpetrator,
          targetedPopulation: flags.target,
          violenceType: flags.violenceType,
          likelihood: flags.likelihood,
          severity: flags.severity,
          trend: flags.trend,
          drivers: typeof flags.drivers === 'string' ? commaList(flags.drivers) : undefined,
          events: typeof flags.events === 'string' ? commaList(flags.events) : undefined,
          note: flags.note,
        },
        {
          name: 'threats add',
          store: flags,
          fields: { targetedPopulation: '--target', violenceType: '--violence-type' },
        },
      );
      if (flags.json) return printJson(t);
      printThreats([t]);
    }),
  );
}

/** The --limit that lists every threat the data suggest, when it is known and allowed (1000). */
function higherLimit(r: { total: number; totalExact: boolean }): string {
  return r.totalExact && r.total <= 1000 ? `--limit ${r.total}` : 'a higher --limit';
}

/** How many of the threats the data suggest the list shows, and the ones it left out. */
function printLeftOut(r: {
  shown: number;
  total: number;
  totalExact: boolean;
  leftOut: readonly LeftOutThreat[];
}): void {
  if (!r.leftOut.length) return;
  const total = r.totalExact ? String(r.total) : `at least ${r.total}`;
  console.log(
    `\n${r.shown} of ${total} threats the data suggest are shown, the highest risk (likelihood × severity) first; left out (${higherLimit(r)} shows them):`,
  );
  for (const t of r.leftOut.slice(0, LEFT_OUT_PRINTED))
    console.log(
      `  ${t.perpetrator} against ${t.targetedPopulation ?? '(groups not split)'}, ${t.violenceType}, ${t.admin1 || t.country}: severity ${t.severity ?? '?'}, ${counted(ENGLISH, t.events, 'event', 'events')}, ${counted(ENGLISH, t.fatalities, 'death', 'deaths')}`,
    );
  const more = r.leftOut.length - LEFT_OUT_PRINTED;
  if (more > 0) console.log(`  … and ${more} more (--json lists every one)`);
}

/** Left-out threats printed one per line at the terminal; --json carries them all. */
const LEFT_OUT_PRINTED = 20;

function printThreats(list: readonly Threat[]): void {
  if (!list.length) {
    console.log('No threats.');
    return;
  }
  console.log(
    formatTable(
      [
        'id',
        'perpetrator',
        'state',
        'against',
        'violence',
        'area',
        'likelihood',
        'severity',
        'trend',
        'status',
        'events',
      ],
      list.map((t) => [
        t.id === null ? '-' : String(t.id),
        t.perpetrator,
        t.isState ? 'yes' : '',
        t.targetedPopulation,
        t.violenceType,
        t.admin1 || t.country,
        t.likelihood,
        t.severity,
        t.trend,
        t.status,
        t.eventCount,
      ]),
    ),
  );
}
