import { existsSync, readFileSync, statSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { AgreementDocument } from '../../app/agreement-operations.ts';
import { AGREEMENT_FILE_MAX, fileProblem, notAFile } from '../../domain/file-problem.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import { action, printJson, runCommand, type StoreFlags, storeFlags } from '../cli-runtime.ts';
import { assertCanWrite, writeOutput } from '../output-sink.ts';

// Each action imports the agreement operations when it runs: registering commands stays cheap.
const agreements = () => import('../../app/agreement-operations.ts').then((m) => m.agreementOperations);

type ReviewFlags = StoreFlags & {
  json?: boolean;
  format?: string;
  out?: string;
  title?: string;
  lang?: 'auto' | 'en' | 'fr';
  precedents?: boolean;
};

/** A store is only opened for precedents when one exists or is named: a review must not create one. */
function storeConfigured(flags: StoreFlags): boolean {
  return !!(
    flags.db ||
    flags.databaseUrl ||
    process.env.DATABASE_URL ||
    process.env.TANDEM_DB ||
    existsSync('tandem.db')
  );
}

/** The file as a document for the operations; a missing or unreadable file is a user error. */
function documentFromFile(path: string): AgreementDocument {
  try {
    const problem = notAFile(statSync(path), AGREEMENT_FILE_MAX);
    if (problem) throw new TandemError('unreadable-file', `${path}: ${problem}`);
    return { name: path, base64: readFileSync(path).toString('base64') };
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError('unreadable-file', `${path}: ${fileProblem(e)}`);
  }
}

export function registerAgreementCommands(program: Command): void {
  const agreement = program
    .command('agreement')
    .description('peace agreements: POC coverage review, and the corpus of imported agreements');

  storeFlags(
    agreement
      .command('review <file>')
      .description('Review an agreement (.txt, .md, .pdf, .docx) for POC provisions, coverage and gaps')
      .option('--json', 'print the review as JSON')
      .addOption(
        new Option('--format <format>', 'md or html (default md; --json wins)').choices(['md', 'html']),
      )
      .option('--out <file>', 'write the output to a file instead of stdout')
      .option('--title <title>', 'title to show instead of the one read from the text')
      .addOption(
        new Option('--lang <lang>', "the text's language: auto (detect), fr or en").choices([
          'auto',
          'fr',
          'en',
        ]),
      )
      .option('--no-precedents', 'do not look for precedents in the imported corpus'),
  ).action(
    action(async (file: string, flags: ReviewFlags) => {
      const format = flags.json ? 'json' : (flags.format ?? 'md');
      assertCanWrite(flags.out);
      const document = documentFromFile(file);
      const ops = await agreements();
      const call = { name: 'agreement review', store: flags, fields: { document: 'FILE' } };
      // Precedents come from the corpus in a store; without them the review opens none.
      const review =
        flags.precedents !== false && storeConfigured(flags)
          ? await runCommand(
              ops.reviewAgreement,
              { document, title: flags.title, language: flags.lang },
              call,
            )
          : await runCommand(
              ops.reviewAgreementText,
              { document, title: flags.title, language: flags.lang },
              call,
            );
      if (review.warning) process.stderr.write(`warning: ${review.warning}\n`);
      const { reviewToHtml, reviewToMarkdown } = await import('../../agreements/agreement-review-report.ts');
      if (format === 'json') {
        if (flags.out) writeOutput(flags.out, `${JSON.stringify(review, null, 2)}\n`);
        else printJson(review);
      } else writeOutput(flags.out, format === 'html' ? reviewToHtml(review) : reviewToMarkdown(review));
    }),
  );

  storeFlags(
    agreement
      .command('import <files...>')
      .description('Import agreements and their coded provisions into the corpus used for precedents')
      .option('--title <title>', 'title for the agreement (single file only)')
      .option('--json', 'print the result as JSON'),
  ).action(
    action(async (files: string[], flags: StoreFlags & { title?: string; json?: boolean }) => {
      const r = await runCommand(
        (await agreements()).importAgreement,
        { documents: files.map(documentFromFile), title: flags.title },
        { name: 'agreement import', store: flags, fields: { documents: 'FILES' } },
      );
      if (flags.json) return printJson(r);
      for (const a of r.agreements) {
        process.stdout.write(
          `${a.status === 'imported' ? 'imported' : 'already in corpus'} #${a.id} ${a.title}: ${a.provisions} provisions, ${a.coded ? `${a.codes} codes` : `not coded: ${a.warning}`}\n`,
        );
      }
    }),
  );

  storeFlags(
    agreement.command('list').description('List the imported agreements').option('--json', 'print as JSON'),
  ).action(
    action(async (flags: StoreFlags & { json?: boolean }) => {
      const list = await runCommand(
        (await agreements()).listAgreements,
        {},
        { name: 'agreement list', store: flags },
      );
      const { POC_CATEGORIES } = await import('../../domain/provision.ts');
      if (flags.json) return printJson(list);
      if (list.length === 0) {
        process.stdout.write('no agreements imported yet (tandem agreement import FILE...)\n');
        return;
      }
      const { languageName } = await import('../../agreements/agreement-language.ts');
      for (const a of list) {
        const coverage = a.coverage;
        const scored = coverage
          ? `${POC_CATEGORIES.filter((c) => coverage[c]).length}/${POC_CATEGORIES.length} categories`
          : `not coded (${a.language && a.language !== 'und' ? `reads as ${languageName(a.language)}` : 'language not told'})`;
        process.stdout.write(`#${a.id} ${a.title} (${a.format}, ${a.provisions} provisions): ${scored}\n`);
      }
    }),
  );
}
