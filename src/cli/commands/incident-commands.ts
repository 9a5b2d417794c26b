import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TandemError } from '../../domain/tandem-error.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { formatTable } from '../table.ts';

// Each action imports the incident operations when it runs: registering commands stays cheap.
const incidents = () => import('../../app/incident-operations.ts').then((m) => m.incidentOperations);

type Flags = StoreFlags & { json?: boolean };

/** The mission's own incident log: `tandem incidents add FILE`, `tandem incidents list`. */
export function registerIncidentCommands(program: Command): void {
  const group = program
    .command('incidents')
    .description(
      "the mission's own incident log: protected fields encrypted, need-to-know by office, every read audited",
    );

  storeFlags(
    group
      .command('add')
      .description(
        'record the incidents of a YAML or JSON file (one incident or a list); all are checked before any is stored',
      )
      .argument('<file>', 'incidents, in the fields of POST /api/incidents')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (file: string, flags: Flags) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new TandemError(
          'unreadable-file',
          `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
      }
      const r = await runCommand(
        (await incidents()).recordIncidentFile,
        { text, name: file },
        { name: 'incidents add', store: flags, fields: { text: 'FILE', name: 'FILE' } },
      );
      if (flags.json) return printJson(r);
      console.log(`${r.ids.length} incident(s) recorded: ${r.ids.join(', ')}`);
    }),
  );

  storeFlags(
    group
      .command('list')
      .description('the incidents you may see, newest first; others are counted with their details withheld')
      .option('--country <name>', 'only this country')
      .option('--limit <n>', 'at most this many', '500')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (flags: Flags & { country?: string; limit: string }) => {
      const r = await runCommand(
        (await incidents()).listIncidents,
        { country: flags.country, limit: flags.limit },
        { name: 'incidents list', store: flags },
      );
      if (flags.json) return printJson(r);
      if (!r.incidents.length) return console.log('No incidents recorded.');
      console.log(
        formatTable(
          [
            'id',
            'date',
            'admin1',
            'category',
            'killed',
            'injured',
            'verification',
            'office',
            'sensitivity',
            'narrative',
          ],
          r.incidents.map((i) => [
            i.id,
            i.occurredOn,
            i.admin1,
            i.category,
            i.killed,
            i.injured,
            i.verification,
            i.office,
            i.sensitivity,
            i.withheld ? '(withheld)' : (i.narrative ?? '').slice(0, 60),
          ]),
        ),
      );
    }),
  );
}
