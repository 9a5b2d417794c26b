import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { TandemError } from '../../domain/tandem-error.ts';
import { checkOutputText } from '../check-output-text.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { readTextFile } from '../read-text-file.ts';

// Each action imports the plan operations when it runs: registering commands stays cheap.
const plans = () => import('../../app/plan-operations.ts').then((m) => m.planOperations);
const acknowledgements = () =>
  import('../../app/plan-acknowledgement-operations.ts').then((m) => m.planAcknowledgementOperations);

/** The plan file as the operations take it; they check it before any store is opened. */
export function loadPlan(path: string) {
  return { plan: readTextFile(path), name: path };
}

const PLAN_FIELDS = { plan: 'PLAN', name: 'PLAN' };

type JsonFlag = StoreFlags & { json?: boolean };

export function registerPlanCommands(program: Command): void {
  const plan = program
    .command('plan')
    .description('mission plans as data: check, store, acknowledge, allocate');

  storeFlags(
    plan
      .command('check <plan>')
      .description('Check a plan (YAML or JSON) against itself and the events in the store')
      .option('--json', 'print {"findings": [...]} as JSON')
      .option(
        '--ranking <how>',
        'rank areas for threat-coverage-gap by "events" (civilian-targeting events, default) or "threats" (the threat register)',
        'events',
      )
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr'),
  ).action(
    action(async (path: string, flags: JsonFlag & { ranking: string; lang?: string }) => {
      const report = await runCommand(
        (await plans()).checkPlan,
        { ...loadPlan(path), ranking: flags.ranking, lang: flags.lang },
        { name: 'plan check', store: flags, fields: PLAN_FIELDS },
      );
      if (flags.json) return printJson(report);
      const w = checkOutputText(flags.lang);
      const out: string[] = [w.findings(report.mission, report.findings.length)];
      for (const f of report.findings) {
        out.push('', `${f.kind} [${f.subject}]`, `  ${f.message}`);
        const events = f.evidence.filter((e) => e.type === 'event');
        const parts = f.evidence.filter((e) => e.type === 'plan').map((e) => e.path);
        if (parts.length) out.push(`  ${w.planParts} ${parts.join(', ')}`);
        if (events.length) {
          const ids = events.map((e) => e.sourceEventId);
          out.push(`  ${w.events(ids.length)} ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`);
        }
        out.push(`  ${w.options}`);
        for (const m of f.mitigations) out.push(`    - ${m.text}`);
      }
      if (report.notes.length) out.push('', w.notes, ...report.notes.map((n) => `  - ${n}`));
      process.stdout.write(`${out.join('\n')}\n`);
    }),
  );

  storeFlags(
    plan
      .command('import <plan>')
      .description('Store the plan as a new version of its mission plan (versions are kept)')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (path: string, flags: JsonFlag) => {
      const r = await runCommand((await plans()).importPlan, loadPlan(path), {
        name: 'plan import',
        store: flags,
        fields: PLAN_FIELDS,
      });
      if (flags.json) return printJson(r);
      process.stdout.write(
        `${r.mission}: ${r.unchanged ? 'unchanged, still' : 'stored as'} version ${r.version} (sha256 ${r.contentHash.slice(0, 12)})\n`,
      );
    }),
  );

  storeFlags(
    plan
      .command('acknowledge <planOrMission>')
      .description(
        'Acknowledge a plan version as yourself ($TANDEM_USER); give a plan file or a mission name',
      )
      .option('--version <n>', 'the plan version acknowledged (default: the newest)')
      .option('--by <name>', 'who acknowledges (default: $TANDEM_USER or $USER)')
      .option('--role <post>', 'in what post (e.g. "Head of Office, Bor"; default: your roles)')
      .option('--json', 'print the record as JSON'),
  ).action(
    action(async (target: string, flags: JsonFlag & { version?: string; by?: string; role?: string }) => {
      // A file names its mission, and must be the very text of the version acknowledged. What
      // looks like a file's path but is none is said as such, not as a mission of that name.
      if (!existsSync(target) && /[/\\]|\.(ya?ml|json)$/i.test(target))
        throw new TandemError(
          'bad-input',
          `${target}: no such file (give a plan file, or the name of a mission whose plan is stored)`,
        );
      const given = existsSync(target) ? loadPlan(target) : { mission: target };
      const r = await runCommand(
        (await acknowledgements()).acknowledgePlan,
        { ...given, version: flags.version, by: flags.by, role: flags.role },
        {
          name: 'plan acknowledge',
          store: flags,
          fields: { ...PLAN_FIELDS, mission: 'PLAN-OR-MISSION' },
          actAs: flags.by,
        },
      );
      if (flags.json) return printJson(r);
      process.stdout.write(
        `${r.alreadyRecorded ? 'already recorded' : 'recorded'}: ${r.by} (${r.role}) acknowledged ${r.mission} version ${r.version} at ${r.at}\n`,
      );
    }),
  );

  storeFlags(
    plan
      .command('acknowledgements [mission]')
      .description('Who has and who has not acknowledged a plan version (the newest by default)')
      .option('--version <n>', 'the plan version (default: the newest)')
      .option('--json', 'print as JSON'),
  ).action(
    action(async (mission: string | undefined, flags: JsonFlag & { version?: string }) => {
      const r = await runCommand(
        (await acknowledgements()).planAcknowledgements,
        { mission, version: flags.version },
        { name: 'plan acknowledgements', store: flags, fields: { mission: 'MISSION' } },
      );
      if (flags.json) return printJson(r);
      const out = [`${r.mission} version ${r.version}${r.current ? ' (current)' : ' (not the newest)'}`];
      out.push(`acknowledged (${r.acknowledged.length}):`);
      for (const a of r.acknowledged) out.push(`  ${a.by} (${a.role}) at ${a.at}`);
      if (r.accounts === 0)
        out.push('no accounts in the store: nobody can be listed as not yet acknowledged');
      else {
        out.push(`not yet (${r.notYet.length} of ${r.accounts} accounts):`);
        for (const n of r.notYet) out.push(`  ${n.name} (${n.roles.join(', ')})`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    }),
  );

  storeFlags(
    plan
      .command('list')
      .description('List stored plan versions and who acknowledged them')
      .option('--mission <name>', 'only this mission')
      .option('--json', 'print as JSON'),
  ).action(
    action(async (flags: JsonFlag & { mission?: string }) => {
      const r = await runCommand(
        (await plans()).listPlans,
        { mission: flags.mission },
        { name: 'plan list', store: flags },
      );
      if (flags.json) return printJson(r);
      if (!r.plans.length) return void process.stdout.write('no plans stored\n');
      for (const p of r.plans) {
        process.stdout.write(
          `${p.mission}  v${p.version}  ${p.importedAt}  by ${p.importedBy}  sha256 ${p.contentHash.slice(0, 12)}  (${p.fileName})\n`,
        );
        for (const a of p.acknowledgements)
          process.stdout.write(`    acknowledged by ${a.by} (${a.role}) at ${a.at}\n`);
      }
    }),
  );

  storeFlags(
    plan
      .command('allocate <plan>')
      .description('Propose where scarce resources go (MIP with HiGHS) and explain the changes')
      .option('--json', 'print the proposal as JSON')
      .option(
        '--allow-flagged',
        'let resources go to activities the plan check flags for supporting state forces that harm civilians',
      )
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr'),
  ).action(
    action(async (path: string, flags: JsonFlag & { allowFlagged?: boolean; lang?: string }) => {
      const r = await runCommand(
        (await plans()).allocatePlan,
        { ...loadPlan(path), allowFlagged: flags.allowFlagged, lang: flags.lang },
        {
          name: 'plan allocate',
          store: flags,
          fields: PLAN_FIELDS,
        },
      );
      if (flags.json) return printJson(r);
      // Loaded with the operations (the flag is already checked): English unless `fr`.
      const { ALLOCATION_TEXT, UNUSED } = await import('../../planning/allocation-text.ts');
      const w = ALLOCATION_TEXT[flags.lang === 'fr' ? 'fr' : 'en'].output;
      const out = [w.covered(r.objective.current, r.objective.proposed, r.status)];
      // A proposal below "now" reads as a worse plan; it is the plan as it stands that cannot be kept.
      if (r.objective.proposed < r.objective.current) out.push(w.lessThanNow);
      out.push(w.method(r.method));
      for (const res of r.resources) {
        out.push('', w.resource(res));
        for (const a of res.areas) out.push(w.area(a.area, a.current, a.proposed, a.reason));
        for (const m of res.moves)
          out.push(
            m.from === UNUSED ? w.moveFromUnused(m.units, m.to, m.why) : w.move(m.units, m.from, m.to, m.why),
          );
      }
      if (r.notes.length) out.push('', w.notes, ...r.notes.map((n) => `  - ${n}`));
      process.stdout.write(`${out.join('\n')}\n`);
    }),
  );

  plan
    .command('schema')
    .description('Print the JSON Schema of a plan file')
    .action(
      action(async () => {
        printJson(await runCommand((await plans()).planSchema, {}, { name: 'plan schema' }));
      }),
    );
}
