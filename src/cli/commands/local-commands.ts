import type { Command } from 'commander';
import { CHECK_OUTPUT_TEXT, checkOutputText } from '../check-output-text.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { readTextFile } from '../read-text-file.ts';
import { formatTable } from '../table.ts';

// The operations are imported when a command runs: registering commands stays cheap.
const local = () => import('../../app/local-process-operations.ts').then((m) => m.localProcessOperations);

type Flags = StoreFlags & { json?: boolean };

/** Local processes: `tandem local import|list|check`. */
export function registerLocalCommands(program: Command): void {
  const group = program
    .command('local')
    .description(
      'local processes (community dialogues, local agreements, land and cattle arrangements): PA-X Local or your own file, held against the evidence',
    );

  storeFlags(
    group
      .command('import')
      .description(
        'import PA-X Local (CSV) or a Tandem local-process file (YAML/JSON); importing again changes nothing',
      )
      .argument('<file>', 'pax_local_v8_1.csv, or a file in the format of docs/local-processes.md')
      .option('--format <format>', 'pax-local or tandem (default: from the file)')
      .option('--json', 'print {"imported","updated","unchanged","setAside"} as JSON'),
  ).action(
    action(async (file: string, flags: Flags & { format?: string }) => {
      const text = readTextFile(file);
      const r = await runCommand(
        (await local()).importLocalProcesses,
        { text, name: file, format: flags.format },
        { name: 'local import', store: flags, fields: { text: 'FILE', name: 'FILE' } },
      );
      if (flags.json) return printJson(r);
      console.log(
        `${file} (${r.format}): ${r.imported} imported, ${r.updated} updated, ${r.unchanged} unchanged, ${r.setAside} set aside; admin-1 from the boundaries for ${r.admin1FromBoundaries}`,
      );
      for (const s of r.setAsideRows) console.log(`  set aside: ${s}`);
      for (const s of r.outsideBoundaries) console.log(`  check the coordinates: ${s}`);
      for (const s of r.admin1Doubts) console.log(`  check the admin-1 area: ${s}`);
    }),
  );

  storeFlags(
    group
      .command('list')
      .description('the local processes of a country')
      .option('--country <name>', 'the country, as the source spells it')
      .option('--json', 'print {"processes":[...]} as JSON'),
  ).action(
    action(async (flags: Flags & { country?: string }) => {
      const r = await runCommand(
        (await local()).listLocalProcesses,
        { country: flags.country },
        { name: 'local list', store: flags },
      );
      if (flags.json) return printJson(r);
      if (!r.processes.length)
        return console.log(
          r.withheld
            ? CHECK_OUTPUT_TEXT.en.withheld(r.withheld)
            : `No local processes stored${flags.country ? ` for ${flags.country}` : ''}.`,
        );
      console.log(
        formatTable(
          ['id', 'date', 'admin1', 'place', 'status', 'national link', 'office', 'name'],
          r.processes.map((p) => [
            p.id,
            p.date,
            p.admin1,
            p.place,
            p.status,
            p.nationalLink,
            p.office,
            // A process of a compound country ("Mali/Niger") that its point does not place.
            p.crossBorder ? `${p.name.slice(0, 60)} (cross-border: ${p.country})` : p.name.slice(0, 60),
          ]),
        ),
      );
      if (r.withheld) console.log(CHECK_OUTPUT_TEXT.en.withheld(r.withheld));
    }),
  );

  storeFlags(
    group
      .command('check')
      .description(
        'events and deaths within the radius before and after each local process, the incidents and events that touched its participants or mediators, and findings (local-national-disconnect, breaking-down, participants-or-mediators-targeted; with --plan, field activities without a local process)',
      )
      .requiredOption('--country <name>', 'the country')
      .option(
        '--plan <file>',
        'a mission plan: its objectives count as links, and its field activities are checked',
      )
      .option('--radius-km <km>', 'distance from the process, great circle', '50')
      .option('--window-days <n>', 'days before and after the date', '180')
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr')
      .option('--json', 'print {"processes":[...]} as JSON'),
  ).action(
    action(
      async (
        flags: Flags & {
          country: string;
          plan?: string;
          radiusKm: string;
          windowDays: string;
          lang?: string;
        },
      ) => {
        const plan = flags.plan === undefined ? undefined : readTextFile(flags.plan);
        const r = await runCommand(
          (await local()).checkLocalProcesses,
          {
            country: flags.country,
            plan,
            planName: flags.plan,
            radiusKm: flags.radiusKm,
            windowDays: flags.windowDays,
            lang: flags.lang,
          },
          { name: 'local check', store: flags, fields: { plan: '--plan', planName: '--plan' } },
        );
        if (flags.json) return printJson(r);
        const w = checkOutputText(flags.lang);
        console.log(r.method);
        // A count that could not be made (no event data, no usable location) shows as "–", not 0.
        const counted = (p: (typeof r.processes)[number], n: number) =>
          p.countsUnavailable === null ? n : null;
        console.log(
          formatTable(
            w.localCheckHeaders,
            r.processes.map((p) => [
              p.id,
              p.date,
              counted(p, p.before.events),
              counted(p, p.after.events),
              counted(p, p.before.fatalities),
              counted(p, p.after.fatalities),
              p.findings.map((f) => f.kind).join(', '),
            ]),
          ),
        );
        for (const p of r.processes)
          for (const f of p.findings)
            if (f.kind === 'participants-or-mediators-targeted') console.log(`${p.id}: ${f.message}`);
        for (const f of r.officeFindings) console.log(`${f.kind}: ${f.message}`);
        if (r.notes.length) console.log(['', w.notes, ...r.notes.map((n) => `  - ${n}`)].join('\n'));
        if (r.withheld) console.log(w.withheld(r.withheld));
      },
    ),
  );
}
