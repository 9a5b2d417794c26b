import type { Command } from 'commander';
import { counted, ENGLISH } from '../../domain/language.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { readTextFile } from '../read-text-file.ts';
import { formatTable } from '../table.ts';

// Each action imports the incident operations when it runs: registering commands stays cheap.
const incidents = () => import('../../app/incident-operations.ts').then((m) => m.incidentOperations);
const edits = () => import('../../app/incident-edit.ts');

type Flags = StoreFlags & { json?: boolean };

/**
 * The mission's own incident log: `tandem incidents add FILE`, `list`, `edit ID FILE` and
 * `history ID`.
 */
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
      const text = readTextFile(file);
      const r = await runCommand(
        (await incidents()).recordIncidentFile,
        { text, name: file },
        { name: 'incidents add', store: flags, fields: { text: 'FILE', name: 'FILE' } },
      );
      if (flags.json) return printJson(r);
      console.log(`${counted(ENGLISH, r.ids.length, 'incident', 'incidents')} recorded: ${r.ids.join(', ')}`);
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
      if (!r.incidents.length)
        return console.log(`No incidents recorded${flags.country ? ` for ${flags.country}` : ''}.`);
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

  storeFlags(
    group
      .command('edit')
      .description(
        "change an incident: a YAML or JSON file of the fields that change (the others keep their value); kept in the incident's history, audited, and every count moves with it",
      )
      .argument('<id>', 'the incident, by its id')
      .argument('<file>', 'the fields that change, named as in POST /api/incidents')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (id: string, file: string, flags: Flags) => {
      const { incidentEditOperations, readIncidentChanges } = await edits();
      const changes = readIncidentChanges(readTextFile(file), file);
      const r = await runCommand(
        incidentEditOperations.editIncident,
        { ...changes, id },
        { name: 'incidents edit', store: flags, fields: { id: 'ID' } },
      );
      if (flags.json) return printJson(r);
      console.log(
        r.changed.length
          ? `incident ${r.id} changed: ${r.changed.join(', ')}`
          : `incident ${r.id} unchanged: the file gives the values it already has`,
      );
    }),
  );

  storeFlags(
    group
      .command('history')
      .description(
        "an incident's history: who created and changed it, when, and what changed; values that identify people or places withheld unless you may read the incident in full",
      )
      .argument('<id>', 'the incident, by its id')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (id: string, flags: Flags) => {
      const { incidentEditOperations } = await edits();
      const r = await runCommand(
        incidentEditOperations.incidentHistory,
        { id },
        { name: 'incidents history', store: flags, fields: { id: 'ID' } },
      );
      if (flags.json) return printJson(r);
      const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
      for (const h of r.history) {
        console.log(`${h.at}  ${h.by}  ${h.change}`);
        for (const c of h.changes)
          console.log(`  ${c.field}: ${c.withheld ? '(withheld)' : `${show(c.from)} → ${show(c.to)}`}`);
      }
    }),
  );
}
