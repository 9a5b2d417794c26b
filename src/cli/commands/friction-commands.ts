import type { Command } from 'commander';
import { FRICTION_VALUE_WORDS_FR } from '../../app/friction-text.ts';
import type { Friction } from '../../domain/friction.ts';
import { EXTRA_BRIEF_TEXT } from '../../reports/extra-brief-text.ts';
import { checkOutputText } from '../check-output-text.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { formatTable } from '../table.ts';

// The operations load when a command runs: registering commands stays cheap.
const frictions = () => import('../../app/friction-operations.ts').then((m) => m.frictionOperations);

type Flags = StoreFlags & { json?: boolean };

/** The friction register: `tandem frictions list`, `tandem frictions edit REF`, `tandem frictions history REF`. */
export function registerFrictionCommands(program: Command): void {
  const group = program
    .command('frictions')
    .description(
      'the friction register: frictions found by the plan check and the analysis, with owner and decision',
    );

  storeFlags(
    group
      .command('list')
      .description('frictions found today and those in the register, with owner, decision and status')
      .option('--country <name>', 'this country')
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr')
      .option('--json', 'print JSON'),
  ).action(
    action(async (flags: Flags & { country?: string; lang?: string }) => {
      const r = await runCommand(
        (await frictions()).listFrictions,
        { country: flags.country, lang: flags.lang },
        { name: 'frictions list', store: flags },
      );
      if (flags.json) return printJson(r);
      printFrictions(r.frictions, flags.lang);
      for (const n of r.notes ?? []) process.stderr.write(`tandem: note: ${n}\n`);
    }),
  );

  storeFlags(
    group
      .command('edit <ref>')
      .description(
        'set a friction’s owner, decision, status or review date; the decision is yours, and audited',
      )
      .option('--owner <who>', 'who follows it up (a post or a unit)')
      .option('--decision <d>', 'accept | mitigate | escalate (to leadership)')
      .option('--status <s>', 'open | in-progress | closed')
      .option('--review-date <YYYY-MM-DD>', 'when it is looked at again')
      .option('--note <text>', 'why, in a sentence')
      .option('--lang <lang>', 'the language of the sentences: en (default) or fr')
      .option('--json', 'print JSON'),
  ).action(
    action(async (ref: string, flags: Flags & Record<string, string | undefined>) => {
      const f = await runCommand(
        (await frictions()).editFriction,
        {
          ref,
          owner: flags.owner,
          decision: flags.decision,
          status: flags.status,
          reviewDate: flags.reviewDate,
          note: flags.note,
          lang: flags.lang,
        },
        { name: 'frictions edit', store: flags, fields: { ref: 'REF', reviewDate: '--review-date' } },
      );
      if (flags.json) return printJson(f);
      if (flags.lang !== 'fr') return printFrictions([f]);
      // The friction's message as the French list says it (the register keeps the English one).
      const listed = await runCommand(
        (await frictions()).listFrictions,
        { country: f.country, lang: flags.lang },
        { name: 'frictions edit', store: flags },
      );
      printFrictions([listed.frictions.find((x) => x.ref === f.ref) ?? f], flags.lang);
    }),
  );

  storeFlags(
    group
      .command('history <ref>')
      .description('every edit of a friction: owner, decision, status, review date and note, who and when')
      .option('--json', 'print JSON'),
  ).action(
    action(async (ref: string, flags: Flags) => {
      const r = await runCommand(
        (await frictions()).frictionHistory,
        { ref },
        { name: 'frictions history', store: flags, fields: { ref: 'REF' } },
      );
      if (flags.json) return printJson(r);
      if (!r.history.length) return console.log(`${r.ref}: not edited yet`);
      for (const h of r.history) {
        const what = h.changes
          ? h.changes.map((c) => `${c.field} ${c.from || '—'} → ${c.to || '—'}`).join('; ')
          : h.fields.join(', ');
        console.log(`${h.at.slice(0, 16).replace('T', ' ')}  ${h.by}  ${h.action}: ${what}`);
      }
    }),
  );
}

function printFrictions(list: readonly Friction[], lang?: string): void {
  console.log(frictionsText(list, lang));
}

/**
 * The register as `frictions list` prints it: a table of the frictions, then each one's message
 * and, when one was recorded, its note (why it was decided), under the message.
 */
export function frictionsText(list: readonly Friction[], lang?: string): string {
  const w = checkOutputText(lang);
  if (!list.length) return w.noFrictions;
  // French words for the kind, decision and status in the French table, as the French brief has
  // them (plan probe); codes in English (a contract).
  const fr = lang === 'fr';
  const out = [
    formatTable(
      w.frictionHead,
      list.map((f) => [
        f.ref,
        f.country,
        fr ? (EXTRA_BRIEF_TEXT.fr.frictions.kind[f.kind] ?? f.kind) : f.kind,
        f.subject,
        f.owner,
        (f.decision && fr ? FRICTION_VALUE_WORDS_FR.decision[f.decision] : f.decision) ?? '',
        fr ? FRICTION_VALUE_WORDS_FR.status[f.status] : f.status,
        f.reviewDate ?? '',
        f.decidedBy ?? '',
        f.found ? w.yes : w.noLonger,
      ]),
    ),
  ];
  // The note is a sentence: it goes under the friction's message, not in a table column.
  const noteLabel = lang === 'fr' ? 'note\u00a0:' : 'note:';
  for (const f of list) {
    const note = f.note.trim() ? `\n  ${noteLabel} ${f.note.trim().replace(/\s*\n\s*/g, ' ')}` : '';
    out.push(`\n${f.ref} ${f.kind} [${f.subject}]\n  ${f.message}${note}`);
  }
  return out.join('\n');
}
