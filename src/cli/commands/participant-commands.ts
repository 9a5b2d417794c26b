import type { Command } from 'commander';
import { checkOutputText } from '../check-output-text.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { readTextFile } from '../read-text-file.ts';
import { formatTable } from '../table.ts';

const participants = () => import('../../app/participant-operations.ts').then((m) => m.participantOperations);
const participantCare = () =>
  import('../../app/participant-care-operations.ts').then((m) => m.participantCareOperations);
const participationCheck = () =>
  import('../../app/participation-check-operation.ts').then((m) => m.participationCheckOperations);

type Flags = StoreFlags & { json?: boolean };

/**
 * The protection–participation register: `tandem participants add FILE|list|erase|measure`, and
 * `tandem participation check --country C`.
 */
export function registerParticipantCommands(program: Command): void {
  const group = program
    .command('participants')
    .description(
      'the protection–participation register: pseudonymous, strictly confidential by default, identity encrypted, every read audited',
    );

  storeFlags(
    group
      .command('add')
      .description(
        'add the participants of a YAML or JSON file (one or a list); all are checked before any is stored',
      )
      .argument('<file>', 'participants, in the fields of POST /api/participants')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (file: string, flags: Flags) => {
      const text = readTextFile(file);
      const r = await runCommand(
        (await participants()).recordParticipantFile,
        { text, name: file },
        { name: 'participants add', store: flags, fields: { text: 'FILE', name: 'FILE' } },
      );
      if (flags.json) return printJson(r);
      console.log(`${r.ids.length} participant${r.ids.length === 1 ? '' : 's'} added: ${r.ids.join(', ')}`);
    }),
  );

  storeFlags(
    group
      .command('list')
      .description('the register as you may see it; others are listed with who they are withheld')
      .option('--country <name>', 'only this country')
      .option('--json', 'print {"participants":[...]} as JSON'),
  ).action(
    action(async (flags: Flags & { country?: string }) => {
      const r = await runCommand(
        (await participants()).listParticipants,
        { country: flags.country },
        { name: 'participants list', store: flags },
      );
      if (flags.json) return printJson(r);
      if (!r.participants.length)
        return console.log(`No participants recorded${flags.country ? ` for ${flags.country}` : ''}.`);
      console.log(
        formatTable(
          ['id', 'alias', 'role', 'gender', 'office', 'admin1', 'processes', 'sensitivity'],
          r.participants.map((p) => [
            p.id,
            p.alias ?? '(withheld)',
            p.role ?? '(withheld)',
            p.gender,
            p.office,
            p.admin1,
            p.processes ? p.processes.map((x) => x.process).join(', ') : '(withheld)',
            p.sensitivity,
          ]),
        ),
      );
    }),
  );

  storeFlags(
    group
      .command('erase')
      .description(
        'erase a participant and their links (consent withdrawn, or keeping them endangers them); the audit chain keeps the id, office and reason',
      )
      .argument('<id>', 'the participant id')
      .requiredOption('--reason <text>', 'why (no names: the audit chain keeps it)')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (id: string, flags: Flags & { reason: string }) => {
      const r = await runCommand(
        (await participantCare()).eraseParticipant,
        { id, reason: flags.reason },
        { name: 'participants erase', store: flags, fields: { id: 'ID', reason: '--reason' } },
      );
      if (flags.json) return printJson(r);
      console.log(`participant ${r.id} erased`);
    }),
  );

  storeFlags(
    group
      .command('measure')
      .description("move a participant's protective measure on: its status and next review date")
      .argument('<id>', 'the participant id')
      .argument('<n>', 'the measure, numbered from 1 as `participants list --json` gives them')
      .requiredOption('--status <status>', 'planned | in-place | lapsed | closed')
      .option('--review-on <YYYY-MM-DD>', 'the next review date')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (id: string, n: string, flags: Flags & { status: string; reviewOn?: string }) => {
      const r = await runCommand(
        (await participantCare()).setParticipantMeasure,
        { id, measure: n, status: flags.status, reviewOn: flags.reviewOn },
        {
          name: 'participants measure',
          store: flags,
          fields: { id: 'ID', measure: 'N', status: '--status', reviewOn: '--review-on' },
        },
      );
      if (flags.json) return printJson(r);
      console.log(`participant ${r.id}, measure ${r.measure}: ${r.status}`);
    }),
  );

  const check = program.command('participation').description('participation at risk');
  storeFlags(
    check
      .command('check')
      .description(
        'alerts: threat-before-round, below-quota-trend, local-mediators-attacked, each with its incidents and suggested measures',
      )
      .requiredOption('--country <name>', 'the country')
      .option('--weeks <n>', 'weeks before a round in which incidents count', '6')
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr')
      .option('--json', 'print {"alerts":[...]} as JSON'),
  ).action(
    action(async (flags: Flags & { country: string; weeks: string; lang?: string }) => {
      const r = await runCommand(
        (await participationCheck()).checkParticipation,
        { country: flags.country, weeks: flags.weeks, lang: flags.lang },
        { name: 'participation check', store: flags },
      );
      if (flags.json) return printJson(r);
      console.log(participationAlertsText(r.country, r.alerts, flags.lang));
    }),
  );
}

/** What `participation check` prints without --json: each alert, its incidents and its measures. */
export function participationAlertsText(
  country: string,
  alerts: readonly {
    kind: string;
    participant?: number | null;
    process: string;
    round?: string | null;
    message: string;
    incidents: readonly { id: number; occurredOn: string }[];
    measures: readonly { id: string; text: string }[];
  }[],
  lang?: string,
): string {
  const w = checkOutputText(lang);
  if (!alerts.length) return w.noParticipationAlert(country);
  const out: string[] = [];
  for (const a of alerts) {
    out.push(`${a.kind} [${w.alertHead(String(a.participant ?? '-'), a.process, a.round ?? '-')}]`);
    out.push(`  ${a.message}`);
    if (a.incidents.length)
      out.push(`  ${w.incidents} ${a.incidents.map((i) => `${i.id} (${i.occurredOn})`).join(', ')}`);
    // Each measure in words, in the language asked for: the ids alone read as English codes.
    out.push(`  ${w.measures}`);
    for (const m of a.measures) out.push(`    - ${m.text} (${m.id})`);
  }
  return out.join('\n');
}
