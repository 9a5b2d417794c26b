import { createHash } from 'node:crypto';
import { z } from 'zod';
import { readAgreementBytes } from '../agreements/agreement-file-reader.ts';
import { isCodableLanguage } from '../agreements/agreement-language.ts';
import { codingLanguage, notCodedWarning, reviewAgreement } from '../agreements/agreement-review.ts';
import { operativeProvisions } from '../agreements/poc-coder.ts';
import { type AgreementReview, agreementTextKey } from '../domain/agreement.ts';
import { TandemError } from '../domain/tandem-error.ts';
import {
  type AgreementSummary,
  listAgreements,
  readAgreementTexts,
  type SavedAgreement,
  saveAgreement,
} from '../store/agreement-repository.ts';
import { findOperativePrecedents } from './agreement-precedents.ts';
import { type BaseContext, defineOperation } from './operation.ts';

/**
 * An agreement of the corpus as listed: `coded` false (and `coverage` null, with a `warning`) for a
 * text in a language Tandem has no rules for; `language` the one it was coded in (ISO 639-1, `und`
 * when it cannot be told).
 */
export type ListedAgreement = Omit<AgreementSummary, 'coverage'> & {
  coverage: AgreementSummary['coverage'] | null;
  coded: boolean;
  language: string;
  warning?: string;
};

/**
 * An agreement document as the operations take it: its bytes (base64, any supported format) or
 * its text, with a name (a file name or path) for messages and the format fallback. Operations
 * never read paths themselves, so the HTTP API cannot be used to read files on the server.
 */
export const documentSchema = z
  .object({
    name: z.string().min(1),
    text: z.string().optional(),
    base64: z.string().optional(),
  })
  .refine((d) => (d.text === undefined) !== (d.base64 === undefined), {
    message: 'give either text or base64',
  });

export type AgreementDocument = z.infer<typeof documentSchema>;

const reviewInput = z.object({
  document: documentSchema,
  title: z.string().min(1).optional(),
  /** The text's language: `auto` (the default) detects it; `en` or `fr` forces it. */
  language: z.enum(['auto', 'en', 'fr']).optional(),
  /** Look for precedents in the imported corpus (default true). */
  precedents: z.boolean().optional(),
  /** At most this many precedents per gap (default 3). */
  perGap: z.number().int().min(0).max(20).optional(),
});

const reviewTextInput = reviewInput.omit({ precedents: true, perGap: true });

const importInput = z.object({
  documents: z.array(documentSchema).min(1),
  /** A title for the agreement; only with a single document. */
  title: z.string().min(1).optional(),
});

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readDocument(d: AgreementDocument) {
  const bytes = d.text !== undefined ? Buffer.from(d.text, 'utf8') : Buffer.from(d.base64 ?? '', 'base64');
  return readAgreementBytes(bytes, d.name);
}

/** Reads a document and reviews it, with the title given or the one read from its text. */
async function reviewDocument(input: { document: AgreementDocument; title?: string; language?: string }) {
  const source = await readDocument(input.document);
  const review = reviewAgreement(
    { title: input.title ?? source.title, format: source.format, text: source.text },
    { language: input.language },
  );
  return { source, review };
}

export const agreementOperations = {
  /**
   * Reviews an agreement for protection-of-civilians language: segments it into provisions, codes
   * each for the 18 POC categories with the span and rule behind every code, and reports coverage
   * and gaps. Each gap says why it matters for civilians, which UN actors to engage, model language
   * to start from, and precedents from agreements the user has imported: operative clauses that
   * provide for the category, never a bare heading or a clause that rules the topic out.
   */
  reviewAgreement: defineOperation({
    summary: 'Review an agreement for POC provisions: coded provisions, coverage and gaps',
    input: reviewInput,
    async run(ctx, input): Promise<AgreementReview> {
      const { source, review } = await reviewDocument(input);
      if (input.precedents !== false && review.gaps.length) {
        const found = await findOperativePrecedents(
          ctx.store.db,
          review.gaps.map((g) => g.code),
          {
            perCode: input.perGap ?? 3,
            excludeHash: contentHash(source.text),
            excludeTextKey: agreementTextKey(source.text),
          },
        );
        for (const g of review.gaps) g.precedents = found[g.code] ?? [];
      }
      return review;
    },
  }),

  /**
   * The same review without precedents: it never touches the store, so it runs where there is none
   * (a first look at a draft, before any agreement has been imported).
   */
  reviewAgreementText: defineOperation({
    needs: 'none',
    summary: 'Review an agreement for POC provisions without precedents: coded provisions, coverage and gaps',
    input: reviewTextInput,
    async run(_ctx: BaseContext, input: z.infer<typeof reviewTextInput>): Promise<AgreementReview> {
      return (await reviewDocument(input)).review;
    },
  }),

  /**
   * Imports agreements into the user's corpus: reads and codes every file first, so a file that
   * cannot be read stops the import before anything is written, then stores each agreement with
   * its provisions and codes. Re-importing the same text is recognised and left unchanged.
   */
  importAgreement: defineOperation({
    writes: true,
    summary: 'Import agreements (with their coded provisions) into the corpus used for precedents',
    input: importInput,
    async run(ctx, input) {
      if (input.title && input.documents.length > 1) {
        throw new TandemError('bad-input', 'title: give a title only when importing a single file');
      }
      const prepared = [];
      for (const document of input.documents) {
        const source = await readDocument(document);
        const review = reviewAgreement({
          title: input.title ?? source.title,
          format: source.format,
          text: source.text,
        });
        prepared.push({ source, review });
      }
      const agreements: (SavedAgreement & { coded: boolean; language: string; warning?: string })[] = [];
      for (const { source, review } of prepared) {
        const saved = await saveAgreement(ctx.store.db, {
          title: review.title,
          sourcePath: source.path,
          format: source.format,
          contentHash: contentHash(source.text),
          text: source.text,
          coverage: review.coverage,
          provisions: review.provisions,
          provisionCount: operativeProvisions(review.provisions).length,
          language: review.language,
        });
        // A text Tandem cannot code is kept (its provisions can still be read), and said so.
        agreements.push(
          review.coded
            ? { ...saved, coded: true, language: review.language }
            : { ...saved, coded: false, language: review.language, warning: review.warning },
        );
      }
      return { agreements };
    },
  }),

  /** Lists the agreements in the corpus with their size and coverage scorecard. */
  listAgreements: defineOperation({
    summary: 'List the imported agreements with their coverage',
    input: z.object({}),
    async run(ctx): Promise<ListedAgreement[]> {
      const list = await listAgreements(ctx.store.db);
      // The language was kept at import; an agreement stored before that has it found from its text.
      const older = list.filter((a) => a.language === null).map((a) => a.id);
      const texts = await readAgreementTexts(ctx.store.db, older);
      return list.map((a) => {
        const text = texts.get(a.id);
        const language = a.language ?? (text === undefined ? 'und' : codingLanguage(text).language);
        // A text Tandem could not code (Spanish, Arabic) is said so, its coverage null, never
        // listed as lacking every provision.
        return isCodableLanguage(language)
          ? { ...a, coded: true, language }
          : { ...a, coverage: null, coded: false, language, warning: notCodedWarning(language) };
      });
    },
  }),
};
