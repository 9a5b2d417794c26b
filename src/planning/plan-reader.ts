import type { Plan } from '../domain/plan.ts';
import { type DocumentProblem, StructuredDocument } from '../sources/structured-document.ts';
import { requireUtf8 } from '../sources/text-encoding.ts';
import { validatedWithCrossChecks } from '../sources/validated-document.ts';
import { crossReferenceProblems } from './plan-cross-reference.ts';
import { planSchema } from './plan-schema.ts';

/** A plan read from a file, with the document kept so later messages can point at lines. */
export interface ReadPlan {
  plan: Plan;
  document: StructuredDocument;
  /** Fields of the file that Tandem does not read (ignored, as the format allows; a misspelt one is lost). */
  ignored: DocumentProblem[];
}

/**
 * Reads a plan from YAML or JSON text: encoding (UTF-8), syntax, then shape (zod) and the ids
 * that tie the parts together. The checks between parts run even when the shape is wrong, on
 * whatever parts could be read (plan-cross-reference.ts), so every problem is reported at once.
 * Throws InvalidDocumentError listing every problem with its path, line and column, in the order
 * they stand in the file.
 */
export function readPlan(text: string, name: string): ReadPlan {
  requireUtf8(text, name);
  const document = StructuredDocument.parse(text, name, 'a plan');
  const plan = validatedWithCrossChecks(document, planSchema, crossReferenceProblems);
  return { plan, document, ignored: document.ignoredFields(plan) };
}
