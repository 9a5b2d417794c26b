import { z } from 'zod';
import { reviewToHtml, reviewToMarkdown } from '../agreements/agreement-review-report.ts';
import { agreementOperations, documentSchema } from './agreement-operations.ts';
import { recordIdNumber } from './number-input.ts';
import { defineOperation } from './operation.ts';
import { reviewStoredAgreement } from './workbench-operations.ts';

/** A file name from a title: letters, digits and dashes, never a path. */
function fileNameOf(title: string, format: 'md' | 'html'): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return `${base || 'agreement'}-poc-review.${format}`;
}

export const agreementReviewDocumentOperations = {
  /**
   * An agreement review as a document to keep or send: the same review as `reviewAgreement` (an
   * uploaded text) or `reviewStoredAgreement` (an agreement of the corpus, by id or the newest),
   * rendered as Markdown or HTML as `tandem agreement review --format` writes it.
   */
  agreementReviewDocument: defineOperation({
    summary: 'An agreement review (uploaded text or stored agreement) as a Markdown or HTML document.',
    input: z
      .object({
        document: documentSchema.optional(),
        /** A stored agreement's id; the newest imported when neither this nor a document is given. */
        id: recordIdNumber().optional(),
        title: z.string().min(1).optional(),
        format: z.enum(['md', 'html']).default('md'),
      })
      .refine((i) => !(i.document && i.id), 'give a document or the id of a stored agreement, not both'),
    async run(ctx, input): Promise<{ fileName: string; format: 'md' | 'html'; content: string }> {
      const review = input.document
        ? await agreementOperations.reviewAgreement.run(ctx, { document: input.document, title: input.title })
        : await reviewStoredAgreement.run(ctx, { id: input.id });
      return {
        fileName: fileNameOf(review.title, input.format),
        format: input.format,
        content: input.format === 'html' ? reviewToHtml(review) : reviewToMarkdown(review),
      };
    },
  }),
};
