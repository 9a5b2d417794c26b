import type { Command } from 'commander';
import { ACTOR_CATEGORY_FILTERS } from '../../domain/actor-category.ts';
import { EXPORT_FORMATS } from '../../domain/export-format.ts';
import { SUMMARY_DIMENSIONS } from '../../domain/summary-dimension.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import { VIOLENCE_TYPES } from '../../domain/violence-type.ts';
import { action, commaList, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { ProgressBar } from '../progress-bar.ts';
import { formatTable } from '../table.ts';

// Each action imports its operation's module when it runs: registering commands stays cheap.
const evidence = () => import('../../app/evidence-operations.ts').then((m) => m.evidenceOperations);

interface FilterFlags extends StoreFlags {
  country?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

function filterFlags(cmd: Command): Command {
  return storeFlags(cmd)
    .option('--country <name>', 'only this country, as the data spells it')
    .option(
      '--from <YYYY-MM-DD>',
      'events that start on or after this day (an event is placed by its first day)',
    )
    .option('--to <YYYY-MM-DD>', 'events that start on or before this day');
}

/** A summary row's civilian deaths: the figure, and how many of its events give it. */
interface CivilianDeaths {
  events: number;
  civilianFatalities: number | null;
  civilianFatalitiesEvents: number;
}

/** Where some of a row's events give civilian deaths and others do not (ACLED beside incidents). */
const partCivilianDeaths = (r: CivilianDeaths) =>
  r.civilianFatalities !== null && r.civilianFatalitiesEvents < r.events;

function civilianDeathsCell(r: CivilianDeaths): number | string | null {
  if (!partCivilianDeaths(r)) return r.civilianFatalities;
  const n = (x: number | null) => (x ?? 0).toLocaleString('en-US');
  return `${n(r.civilianFatalities)} (${n(r.civilianFatalitiesEvents)} of ${n(r.events)} events)`;
}

export function registerEvidenceCommands(program: Command): void {
  storeFlags(
    program
      .command('import')
      .description('import ACLED, UCDP GED (CSV or GeoJSON) or HXL event files; all or nothing')
      .argument('<files...>', 'event files')
      .option('--format <format>', 'acled | ucdp | hxl | auto', 'auto')
      .option(
        '--sensitivity <level>',
        "public (ACLED, GED) | internal | restricted | strictly-confidential (a mission's own incident reports)",
        'public',
      )
      .option('--json', 'print the result as JSON'),
  ).action(
    action(
      async (
        files: string[],
        flags: StoreFlags & { format: string; sensitivity: string; json?: boolean },
      ) => {
        const bar = new ProgressBar();
        const onProgress = (p: { path: string; rows: number }) =>
          bar.update(`importing ${p.path}: ${p.rows.toLocaleString('en-US')} rows`);
        const result = await runCommand(
          (await evidence()).importFiles,
          { paths: files, format: flags.format, sensitivity: flags.sensitivity },
          { name: 'import', store: flags, fields: { paths: 'FILES' }, onProgress },
        ).finally(() => bar.done());
        if (flags.json) return printJson(result);
        console.log(
          formatTable(
            ['file', 'format', 'rows', 'imported', 'updated', 'unchanged', 'set aside'],
            result.files.map((f) => [
              f.path,
              f.format,
              f.rows,
              f.imported,
              f.updated,
              f.unchanged,
              f.rejected,
            ]),
          ),
        );
        const aside = result.files.reduce((n, f) => n + f.rejected, 0);
        if (aside) console.log(`\n${aside} row(s) set aside: see them with \`tandem problems\`.`);
        for (const f of result.files) {
          if (f.rows === 0) console.log(`\n${f.path}: the file has a header but no rows.`);
          if (f.columnsNotRead)
            console.log(
              `\n${f.path}: columns Tandem has no field for, so nothing of them was stored: ${f.columnsNotRead.join(', ')}.`,
            );
        }
      },
    ),
  );

  filterFlags(
    program
      .command('summary')
      .description('events, fatalities and civilian harm by area, period or category')
      .option(
        '--by <dimension>',
        `${SUMMARY_DIMENSIONS.join(' | ')}; two joined by a comma for a cross-table (admin1,month)`,
        'admin1',
      )
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: FilterFlags & { by: string }) => {
      const dimensions = flags.by.split(',').map((s) => s.trim());
      if (dimensions.length > 2)
        throw new TandemError(
          'bad-input',
          `--by: at most two dimensions joined by a comma, for a cross-table (admin1,month); got "${flags.by}"`,
        );
      const [by, thenBy] = dimensions;
      const { summary: op } = await import('../../app/summary-operation.ts');
      const summary = await runCommand(
        op,
        { by, thenBy, country: flags.country, from: flags.from, to: flags.to },
        { name: 'summary', store: flags, fields: { thenBy: '--by' } },
      );
      if (flags.json) return printJson(summary);
      // The country beside each row, unless the rows are countries already.
      const withCountry = summary.by !== 'country' && summary.thenBy !== 'country';
      console.log(
        formatTable(
          [
            summary.by,
            ...(summary.thenBy ? [summary.thenBy] : []),
            // A district's province: one name may be a district of several.
            ...(summary.by === 'admin2' ? ['admin1'] : []),
            ...(withCountry ? ['country'] : []),
            'events',
            'fatalities',
            'civilian deaths',
            'targeting civilians',
          ],
          summary.rows.map((r) => [
            r.key || '(none)',
            ...(summary.thenBy ? [r.key2 || '(none)'] : []),
            ...(summary.by === 'admin2' ? [r.admin1 || '(none)'] : []),
            ...(withCountry ? [r.country] : []),
            r.events,
            r.fatalities,
            civilianDeathsCell(r),
            r.civilianTargetingEvents,
          ]),
        ),
      );
      const derived = summary.rows.reduce((n, r) => n + r.civilianTargetingDerivedEvents, 0);
      const notes = [
        // Said where a row shows it: a GED-only store has every figure.
        ...(summary.rows.some((r) => r.civilianFatalities === null)
          ? [
              'civilian deaths: – where the source gives no such figure (ACLED does not, nor do sheets without one).',
            ]
          : []),
        ...(summary.rows.some(partCivilianDeaths)
          ? [
              'civilian deaths "n (k of N events)": only k of the row’s N events come from a source giving the figure; n counts theirs, the others’ are unknown.',
            ]
          : []),
        ...(derived
          ? [
              `targeting civilians: ${derived.toLocaleString('en-US')} of these were derived by Tandem, as the source has no such field (violence against civilians, or civilians as the second actor).`,
            ]
          : []),
      ];
      if (notes.length) console.log(`\n${notes.join(' ')}`);
    }),
  );

  filterFlags(
    program
      .command('export')
      .description('write events as CSV, GeoJSON or HXL-tagged CSV')
      .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
      .option('--admin1 <name>', 'only this admin-1 area')
      .option(
        '--violence-type <types>',
        `only these violence types, comma-separated (${VIOLENCE_TYPES.join(', ')})`,
      )
      .option(
        '--perpetrator-category <categories>',
        `only events whose perpetrator (first actor) is of these categories, comma-separated (${ACTOR_CATEGORY_FILTERS.join(', ')}; unknown = events whose first actor has no category)`,
      )
      .option(
        '--blur <km>',
        'coarsen every point to a grid of this many km and drop what places an event more finely (place names, notes, sources, admin areas narrower than the grid), to share outside the mission',
      )
      .option('--out <file>', 'write to this file instead of standard output')
      .option('--excel', 'start a CSV or HXL file with a byte-order mark, so Excel on Windows reads accents'),
  ).action(
    action(
      async (
        flags: FilterFlags & {
          format: string;
          out?: string;
          admin1?: string;
          violenceType?: string;
          perpetratorCategory?: string;
          blur?: string;
          excel?: boolean;
        },
      ) => {
        const { exportEvents } = await import('../../app/export-operations.ts');
        const { assertCanWrite, outputSink } = await import('../output-sink.ts');
        assertCanWrite(flags.out);
        const out = outputSink(flags.out);
        try {
          const { events } = await runCommand(
            exportEvents,
            {
              format: flags.format,
              country: flags.country,
              admin1: flags.admin1,
              from: flags.from,
              to: flags.to,
              violenceTypes: commaList(flags.violenceType),
              actorCategories: commaList(flags.perpetratorCategory),
              blurKm: flags.blur,
              excel: flags.excel,
              write: out.write,
            },
            {
              name: 'export',
              store: flags,
              fields: {
                blurKm: '--blur',
                excel: '--excel',
                violenceTypes: '--violence-type',
                actorCategories: '--perpetrator-category',
              },
            },
          );
          await out.close();
          if (flags.out)
            process.stderr.write(`${events.toLocaleString('en-US')} events written to ${flags.out}\n`);
        } finally {
          await out.close();
        }
      },
    ),
  );

  storeFlags(
    program
      .command('problems')
      .description('list the rows set aside at import, with where and why')
      .option('--file <text>', 'only files whose path contains this')
      .option('--limit <n>', 'at most this many', '1000')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: StoreFlags & { file?: string; limit: string; json?: boolean }) => {
      const { problems } = await runCommand(
        (await evidence()).listProblems,
        { file: flags.file, limit: flags.limit },
        { name: 'problems', store: flags },
      );
      if (flags.json) return printJson({ problems });
      if (problems.length === 0) return console.log('No rows have been set aside.');
      for (const p of problems) {
        console.log(
          `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}${p.field ? ` (${p.field})` : ''}: ${p.reason}`,
        );
      }
    }),
  );
}

export function registerActorCommands(program: Command): void {
  const actors = storeFlags(
    program
      .command('actors')
      .description('the actors named in the events: category, state force or not, events and civilian harm')
      .option('--country <name>', 'only actors active in this country')
      .option('--state', 'only state forces')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: StoreFlags & { country?: string; state?: boolean; json?: boolean }) => {
      const result = await runCommand(
        (await evidence()).listActors,
        { country: flags.country, stateOnly: flags.state ?? false },
        { name: 'actors', store: flags, fields: { stateOnly: '--state' } },
      );
      if (flags.json) return printJson(result);
      console.log(
        formatTable(
          ['actor', 'category', 'state', 'country', 'events', 'fatalities', 'targeting civilians'],
          result.actors.map((a) => [
            a.name,
            a.category ?? 'unknown',
            a.isState ? 'yes' : '',
            a.country,
            a.events,
            a.fatalities,
            a.civilianTargetingEvents,
          ]),
        ),
      );
    }),
  );
  storeFlags(
    actors
      .command('load')
      .description(
        "load a UCDP actor list (ucdp-actor-*.csv): each actor's category from UCDP's coding, and its other names",
      )
      .argument('<file>', 'the UCDP actor list, CSV')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (file: string, own: StoreFlags & { json?: boolean }) => {
      // `actors` takes the same flags: commander gives them to it wherever they stand on the line.
      const flags = { ...(actors.opts() as StoreFlags & { json?: boolean }), ...own };
      const r = await runCommand(
        (await evidence()).loadActorList,
        { path: file },
        { name: 'actors load', store: flags, fields: { path: 'FILE' } },
      );
      if (flags.json) return printJson(r);
      const { formatProblem } = await import('../../domain/read-problem.ts');
      console.log(
        `${r.path}: ${r.actors} actors; ${r.added} new to the register, ${r.categorised} given a category, ${r.recategorised.length} recategorised; ${r.eventsCategorised} events given their actor's category`,
      );
      for (const c of r.recategorised) console.log(`  ${c.actor}: ${c.from} -> ${c.to}`);
      for (const p of r.problems) console.log(`  set aside: ${formatProblem(p)}`);
    }),
  );
  storeFlags(
    actors
      .command('periods')
      .description(
        'load dated actor categories (CSV: actor, category, from, until, note): an actor whose kind changed (mutineers who became an armed opposition) takes the category of each period',
      )
      .argument('<file>', 'the dated categories, CSV')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (file: string, own: StoreFlags & { json?: boolean }) => {
      const flags = { ...(actors.opts() as StoreFlags & { json?: boolean }), ...own };
      const r = await runCommand(
        (await evidence()).loadActorPeriods,
        { path: file },
        { name: 'actors periods', store: flags, fields: { path: 'FILE' } },
      );
      if (flags.json) return printJson(r);
      console.log(
        `${r.path}: ${r.actors.length} actor${r.actors.length === 1 ? '' : 's'} with dated categories; ${r.eventsRecategorised} events took the category of their period`,
      );
      for (const a of r.actors) {
        console.log(`  ${a.actor}`);
        for (const p of a.periods)
          console.log(`    ${p.from || 'since the start'} – ${p.until || 'open'}: ${p.category}`);
      }
    }),
  );
}

export function registerAreaCommands(program: Command): void {
  const areas = program.command('areas').description('admin-1 boundaries for maps');
  storeFlags(
    areas
      .command('load')
      .description('load admin-1 polygons (GeoJSON); names are matched to the spellings in the event data')
      .argument('<files...>', 'GeoJSON FeatureCollections of Polygon/MultiPolygon features with a name')
      .option(
        '--country <name>',
        'the country, as the event data spells it (default: from a country code in the file name, e.g. …_caf.geojson, or from where the stored events lie)',
      )
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (files: string[], flags: StoreFlags & { country?: string; json?: boolean }) => {
      const { boundaryOperations } = await import('../../app/boundary-operations.ts');
      const result = await runCommand(
        boundaryOperations.loadBoundaries,
        { paths: files, country: flags.country },
        { name: 'areas load', store: flags, fields: { paths: 'FILES' } },
      );
      if (flags.json) return printJson(result);
      for (const l of result.loaded) {
        console.log(`${l.path}: ${l.areas} areas of ${l.country}`);
        for (const r of l.renamed) console.log(`  "${r.shape}" is "${r.data}" in the event data`);
        for (const n of l.notes) console.log(`  ${n}`);
        if (l.withoutEvents.length === l.areas && !l.placed) {
          console.log(
            `  no events for ${l.country} yet: import events first, then load its boundaries, so names are matched`,
          );
        } else if (l.withoutEvents.length) console.log(`  no events in: ${l.withoutEvents.join(', ')}`);
        if (l.withoutShapes.length)
          console.log(`  no polygon in this file for: ${l.withoutShapes.join(', ')} (not drawn on the map)`);
      }
    }),
  );
}

export function registerAccessCommands(program: Command): void {
  storeFlags(
    program
      .command('access-log')
      .description('who read which sensitive record, when, and whether it was released or withheld')
      .option('--limit <n>', 'at most this many, newest first', '200')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: StoreFlags & { limit: string; json?: boolean }) => {
      const { entries } = await runCommand(
        (await evidence()).accessLog,
        { limit: flags.limit },
        { name: 'access-log', store: flags },
      );
      if (flags.json) return printJson({ entries });
      console.log(
        formatTable(
          ['when', 'who', 'action', 'record', 'sensitivity', 'released'],
          entries.map((e) => [
            e.at,
            e.requester,
            e.action,
            `${e.record_kind} ${e.record_id}`,
            e.sensitivity,
            e.granted ? 'yes' : 'withheld',
          ]),
        ),
      );
    }),
  );
}
