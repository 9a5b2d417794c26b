import { type Command, Option } from 'commander';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
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
    .description('drivers of violence: suggestions, analyst tags, joint confirmation, disputes');
  storeFlags(
    drivers
      .command('suggest')
      .description('suggest drivers from event notes; each suggestion says which words fired')
      .option('--event <id>', 'one event (store id)')
      .option('--text <text>', 'a text instead of events')
      .option('--country <name>', 'events of this country')
      .option('--admin1 <name>', 'events of this admin-1 area')
      .option(
        '--from <YYYY-MM-DD>',
        'events that start on or after this day (an event is placed by its first day)',
      )
      .option('--to <YYYY-MM-DD>', 'events that start on or before this day')
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
      .command('dispute')
      .description(
        'dispute a driver tag you do not stand behind, saying why; no joint finding while a dispute holds',
      )
      .argument('<tag>', 'tag id')
      .requiredOption('--reason <text>', 'why, in a sentence the other unit can answer')
      .option('--unit <unit>', 'poc | political (where your roles give both)')
      .option('--analyst <name>', 'who disputes (default: $TANDEM_USER or $USER)')
      .option('--json', 'print JSON'),
  ).action(
    action(async (tagId: string, flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const tag = await runCommand(
        (await analysis()).disputeDriver,
        { tagId, reason: flags.reason, unit: flags.unit, analyst: flags.analyst },
        {
          name: 'drivers dispute',
          store: flags,
          fields: { tagId: 'TAG', reason: '--reason' },
          actAs: flags.analyst as string | undefined,
        },
      );
      if (flags.json) return printJson(tag);
      const where = [tag.admin1, tag.country].filter(Boolean).join(', ');
      console.log(
        `tag ${tag.id}: ${tag.driver} in ${where} is disputed; no joint finding until you confirm it or its maker withdraws it`,
      );
    }),
  );
  storeFlags(
    drivers
      .command('withdraw')
      .description('withdraw a driver tag you made, saying why; it then counts nowhere')
      .argument('<tag>', 'tag id')
      .requiredOption('--reason <text>', 'why it is withdrawn')
      .option('--analyst <name>', 'who made it and withdraws it (default: $TANDEM_USER or $USER)')
      .option('--json', 'print JSON'),
  ).action(
    action(async (tagId: string, flags: StoreFlags & Record<string, string | boolean | undefined>) => {
      const r = await runCommand(
        (await analysis()).withdrawDriver,
        { tagId, reason: flags.reason },
        {
          name: 'drivers withdraw',
          store: flags,
          fields: { tagId: 'TAG', reason: '--reason' },
          actAs: flags.analyst as string | undefined,
        },
      );
      if (flags.json) return printJson(r);
      console.log(`tag ${r.id} (${r.driver}) withdrawn: ${r.reason}`);
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
            `  ${t.id}  ${t.driver}  ${t.eventId !== null ? `event ${t.eventId}` : `${t.country} / ${t.admin1 || '(country)'}`}  by ${t.analyst} (${t.unit})${t.confirmations.length ? `, confirmed by ${t.confirmations.map((c) => `${c.analyst} (${c.unit})`).join(', ')}` : ''}${t.disputes.map((d) => `; disputed by ${d.analyst} (${d.unit}): ${d.reason}`).join('')}`,
          );
      }
    }),
  );
}
