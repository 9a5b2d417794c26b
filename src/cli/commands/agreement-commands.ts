import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reviewToHtml, reviewToMarkdown } from '../../agreements/agreement-review-report.ts';
import { type AgreementDocument, agreementOperations } from '../../app/agreement-operations.ts';
import type { AppContext } from '../../app/operation.ts';
import { POC_CATEGORIES } from '../../domain/provision.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import type { Store } from '../../store/store.ts';
import {
  action,
  localRequester,
  printJson,
  type StoreFlags,
  storeFlags,
  withContext,
} from '../cli-runtime.ts';

type ReviewFlags = StoreFlags & {
  json?: boolean;
  format?: string;
  out?: string;
  title?: string;
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
    if (statSync(path).isDirectory())
      throw new TandemError('unreadable-file', `${path}: is a folder, not an agreement file`);
    return { name: path, base64: readFileSync(path).toString('base64') };
  } catch (e) {
    if (e instanceof TandemError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new TandemError(
      'unreadable-file',
      `${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`,
    );
  }
}

function emit(content: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(content.endsWith('\n') ? content : `${content}\n`);
    return;
  }
  try {
    writeFileSync(out, content);
  } catch (e) {
    throw new TandemError(
      'unreadable-file',
      `${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  process.stderr.write(`wrote ${out}\n`);
}

export function registerAgreementCommands(program: Command): void {
  const agreement = program
    .command('agreement')
    .description('Peace agreements: POC coverage review, and the corpus of imported agreements');

  storeFlags(
    agreement
      .command('review <file>')
      .description('Review an agreement (.txt, .md, .pdf, .docx) for POC provisions, coverage and gaps')
      .option('--json', 'print the review as JSON')
      .option('--format <format>', 'md or html (default md; --json wins)')
      .option('--out <file>', 'write the output to a file instead of stdout')
      .option('--title <title>', 'title to show instead of the one read from the text')
      .option('--no-precedents', 'do not look for precedents in the imported corpus'),
  ).action(
    action(async (file: string, flags: ReviewFlags) => {
      const format = flags.json ? 'json' : (flags.format ?? 'md');
      if (!['json', 'md', 'html'].includes(format)) {
        throw new TandemError('bad-input', `--format: expected md or html, got "${flags.format}"`);
      }
      const input = {
        document: documentFromFile(file),
        title: flags.title,
        precedents: flags.precedents !== false && storeConfigured(flags),
      };
      const run = (ctx: AppContext) => agreementOperations.reviewAgreement.run(ctx, input);
      // Without precedents the review never touches the store, so none is opened.
      const review = input.precedents
        ? await withContext(flags, run)
        : await run({ store: undefined as unknown as Store, requester: localRequester() });
      if (format === 'json') {
        if (flags.out) emit(`${JSON.stringify(review, null, 2)}\n`, flags.out);
        else printJson(review);
      } else emit(format === 'html' ? reviewToHtml(review) : reviewToMarkdown(review), flags.out);
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
      const r = await withContext(flags, (ctx) =>
        agreementOperations.importAgreement.run(ctx, {
          documents: files.map(documentFromFile),
          title: flags.title,
        }),
      );
      if (flags.json) return printJson(r);
      for (const a of r.agreements) {
        process.stdout.write(
          `${a.status === 'imported' ? 'imported' : 'already in corpus'} #${a.id} ${a.title}: ${a.provisions} provisions, ${a.codes} codes\n`,
        );
      }
    }),
  );

  storeFlags(
    agreement.command('list').description('List the imported agreements').option('--json', 'print as JSON'),
  ).action(
    action(async (flags: StoreFlags & { json?: boolean }) => {
      const list = await withContext(flags, (ctx) => agreementOperations.listAgreements.run(ctx, {}));
      if (flags.json) return printJson(list);
      if (list.length === 0) {
        process.stdout.write('no agreements imported yet (tandem agreement import FILE...)\n');
        return;
      }
      for (const a of list) {
        const covered = POC_CATEGORIES.filter((c) => a.coverage[c]);
        process.stdout.write(
          `#${a.id} ${a.title} (${a.format}, ${a.provisions} provisions): ${covered.length}/${POC_CATEGORIES.length} categories\n`,
        );
      }
    }),
  );
}
