import { type Command, Option } from 'commander';
import type { LeftOutThreat } from '../../analysis/threat-proposals.ts';
import { counted, ENGLISH } from '../../domain/language.ts';
import type { Threat } from '../../domain/threat.ts';
import { action, commaList, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { assertCanWrite, assertNotBinaryToTerminal, writeOutput } from '../output-sink.ts';
import { formatTable } from '../table.ts';

// Each action imports its operation's module when it runs: registering commands stays cheap.
const analysis = () => import('../../app/analysis-operations.ts').then((m) => m.analysisOperations);

interface AnalyzeFlags extends StoreFlags {
  country?: string;
  admin1?: string;
  from?: string;
  to?: string;
  json?: boolean;
  format?: string;
  lang?: 'en' | 'fr';
  out?: string;
  threshold?: string;
  shift?: string;
  window?: string;
  evidence?: string;
}

export function registerAnalysisCommands(program: Command): void {
  storeFlags(
    program
      .command('analyze')
      .description(
        'joint analysis of violence and its drivers: hotspots, alerts, perpetrators, drivers, threats',
      )
      .option('--country <name>', 'the country, as the data spells it (default: every country)')
      .option('--admin1 <name>', 'only this admin-1 area')
      .option('--from <YYYY-MM-DD>', 'first day of the period (default: the first event)')
      .option('--to <YYYY-MM-DD>', 'last day of the period (default: the last event)')
      .addOption(new Option('--json', 'print the analysis as JSON').conflicts('format'))
      .addOption(
        new Option('--format <format>', 'md | html | pdf: the joint analysis brief (default md)').choices([
          'md',
          'html',
          'pdf',
        ]),
      )
      .addOption(new Option('--lang <lang>', 'the language of the brief (default en)').choices(['en', 'fr']))
      .option('--out <file>', 'write to this file instead of standard output')
      .option(
        '--threshold <h>',
        'alert threshold h: higher gives fewer false alarms and later alerts (default 5)',
      )
      .option('--shift <k>', 'the rise alerts look for, as a multiple of the baseline (default 2)')
      .option(
        '--window <months>',
        'months whose mean is the baseline, before the test began to gather evidence of a rise (default 6)',
      )
      .option('--evidence <n>', 'events listed behind each alert, driver and threat (default 10)'),
  ).action(
    action(async (flags: AnalyzeFlags) => {
      // A place the brief cannot go is said before the analysis runs, not after.
      assertCanWrite(flags.out);
      const settings = {
        country: flags.country,
        admin1: flags.admin1,
        from: flags.from,
        to: flags.to,
        threshold: flags.threshold,
        shift: flags.shift,
        window: flags.window,
        evidenceLimit: flags.evidence,
      };
      const call = { name: 'analyze', store: flags, fields: { evidenceLimit: '--evidence' } };
      if (flags.json) {
        const result = await runCommand((await analysis()).analyze, settings, call);
        return writeOutput(flags.out, `${JSON.stringify(result, null, 2)}\n`);
      }
      // The brief is the `brief` operation's, with every setting analyze takes.
      const { brief } = await import('../../app/workbench-operations.ts');
      const format = flags.format ?? 'md';
      if (format === 'pdf') {
        // Said before the analysis runs: no place to put it, or a missing browser, should not cost
        // a minute's work.
        assertNotBinaryToTerminal(flags.out, 'the PDF brief');
        const { assertChromium, printHtmlToPdf } = await import('../../reports/pdf-printer.ts');
        assertChromium();
        const { content } = await runCommand(brief, { ...settings, format: 'html', lang: flags.lang }, call);
        return writeOutput(flags.out, await printHtmlToPdf(content));
      }
      const { content } = await runCommand(brief, { ...settings, format, lang: flags.lang }, call);
      writeOutput(flags.out, content);
    }),
  );

  const drivers = program
    .command('drivers')
    .description('drivers of violence: suggestions, analyst tags, joint confirmation');
  storeFlags(
    drivers
      .command('suggest')
      .description('suggest drivers from event notes; each suggestion says which words fired')
      .option('--event <id>', 'one event (store id)')
      .option('--text <text>', 'a text instead of events')
      .option('--country <name>', 'events of this country')
      .option('--admin1 <name>', 'events of this admin-1 area')
      .option('--from <YYYY-MM-DD>', 'events on or after this day')
      .option('--to <YYYY-MM-DD>', 'events on or before this day')
      .option('--limit <n>', 'the most recent n events', '50')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const r = await runCommand(
        (await analysis()).suggestDrivers,
        {
          eventId: flags.event,
          text: flags.text,
          country: flags.country,
          admin1: flags.admin1,
          from: flags.from,
          to: flags.to,
          limit: flags.limit,
        },
        { name: 'drivers suggest', store: flags, fields: { eventId: '--event' } },
      );
      if (flags.json) return printJson(r);
      for (const s of r.suggestions) {
        // The source's own id beside the store's, as the brief cites events, with when and where.
        const head =
          s.eventId === null
            ? 'text'
            : `event ${s.eventId} (${[s.sourceEventId, s.date, s.admin1].filter(Boolean).join(', ')})`;
        const found = s.suggestions.map((x) => `${x.driver} [${x.fired.join(', ')}]`).join('; ');
        console.log(`${head}: ${found || 'no driver words'}`);
      }
      if (!flags.event && !flags.text && 'examined' in r)
        console.log(
          `\n${r.suggestions.length} of the ${r.examined} most recent events read suggest a driver (--limit ${flags.limit} reads more or fewer)`,
        );
    }),
  );
  storeFlags(
    drivers
      .command('tag')
      .description('tag a driver on an event or an area, as a POC or political analyst')
      .requiredOption('--driver <key>', 'a driver key of data/drivers.yaml')
      .requiredOption('--unit <unit>', 'poc | political')
      .option('--event <id>', 'the event (store id)')
      .option('--country <name>', 'the area: country')
      .option('--admin1 <name>', 'the area: admin-1')
      .option('--analyst <name>', 'who tags (default: $TANDEM_USER or $USER)')
      .option('--note <text>', 'why', '')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const tag = await runCommand(
        (await analysis()).tagDriver,
        {
          driver: flags.driver,
          unit: flags.unit,
          eventId: flags.event,
          country: flags.country,
          admin1: flags.admin1,
          analyst: flags.analyst,
          note: flags.note,
        },
        {
          name: 'drivers tag',
          store: flags,
          fields: { eventId: '--event' },
          actAs: flags.analyst as string | undefined,
        },
      );
      if (flags.json) return printJson(tag);
      console.log(
        `tag ${tag.id}: ${tag.driver} by ${tag.analyst} (${tag.unit}); not joint until the other unit confirms`,
      );
    }),
  );
  storeFlags(
    drivers
      .command('confirm')
      .description('confirm a driver tag; joint once a POC and a political analyst stand behind it')
      .argument('<tag>', 'tag id')
      .requiredOption('--unit <unit>', 'poc | political')
      .option('--analyst <name>', 'who confirms (default: $TANDEM_USER or $USER)')
      .option('--json', 'print JSON'),
  ).action(
    action(async (tagId: string, flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const tag = await runCommand(
        (await analysis()).confirmDriver,
        { tagId, unit: flags.unit, analyst: flags.analyst },
        {
          name: 'drivers confirm',
          store: flags,
          fields: { tagId: 'TAG' },
          actAs: flags.analyst as string | undefined,
        },
      );
      if (flags.json) return printJson(tag);
      const where = [tag.admin1, tag.country].filter(Boolean).join(', ');
      const state = tag.wasJoint
        ? 'was joint already; this confirmation is added'
        : tag.joint
          ? 'is now joint'
          : 'is confirmed but not yet joint';
      console.log(`tag ${tag.id}: ${tag.driver} in ${where} ${state}`);
    }),
  );
  storeFlags(
    drivers
      .command('list')
      .description('the driver taxonomy and the tags, joint and unconfirmed apart')
      .option('--country <name>', 'tags of this country')
      .option('--admin1 <name>', 'tags of this admin-1 area')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const r = await runCommand(
        (await analysis()).listDrivers,
        { country: flags.country, admin1: flags.admin1 },
        { name: 'drivers list', store: flags },
      );
      if (flags.json) return printJson(r);
      console.log(
        formatTable(
          ['driver', 'label'],
          r.taxonomy.map((d) => [d.key, d.label]),
        ),
      );
      for (const [title, tags] of [
        ['joint', r.joint],
        ['unconfirmed', r.unconfirmed],
      ] as const) {
        console.log(`\n${title} tags: ${tags.length}`);
        for (const t of tags)
          console.log(
            `  ${t.id}  ${t.driver}  ${t.eventId !== null ? `event ${t.eventId}` : `${t.country} / ${t.admin1 || '(country)'}`}  by ${t.analyst} (${t.unit})${t.confirmations.length ? `, confirmed by ${t.confirmations.map((c) => `${c.analyst} (${c.unit})`).join(', ')}` : ''}`,
          );
      }
    }),
  );

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
        (await analysis()).listThreats,
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
        (await analysis()).proposeThreats,
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
        (await analysis()).editThreat,
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
