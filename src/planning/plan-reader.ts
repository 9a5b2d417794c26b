import type { Plan } from '../domain/plan.ts';
import {
  type DocumentProblem,
  formatPath,
  type PathSegment,
  StructuredDocument,
} from '../sources/structured-document.ts';
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
  documents.set(plan, document);
  return { plan, document, ignored: document.ignoredFields(plan) };
}

// The document each plan read by readPlan came from, kept beside the plan (not in it: a Plan is
// plain data, stored and sent as JSON), so a later note can point at a line of the file.
const documents = new WeakMap<Plan, StructuredDocument>();

/**
 * Where a part of a plan stands in its file: `place` is `FILE:LINE:COL: path`
 * (`plan.yaml:84:13: priorities[2].area`), or the path alone (line 0) for a plan not read from a
 * file here (built in code, or a copy).
 */
export function locateInPlanFile(plan: Plan, path: readonly PathSegment[]): { place: string; line: number } {
  const document = documents.get(plan);
  if (!document) return { place: formatPath(path), line: 0 };
  const { line, column } = document.locate(path);
  return { place: `${document.name}:${line}:${column}: ${formatPath(path)}`, line };
}
