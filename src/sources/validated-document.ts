import type { z } from 'zod';
import {
  type DocumentProblem,
  InvalidDocumentError,
  invalidDocument,
  type StructuredDocument,
} from './structured-document.ts';

/**
 * A document validated against its schema and checked between its parts in one pass: the checks
 * between parts run on whatever could be read even when the shape is wrong, and every problem is
 * reported together, in the order they stand in the file (InvalidDocumentError). A person fixing
 * the file sees all that is wrong at once, not one batch after another.
 */
export function validatedWithCrossChecks<T>(
  doc: StructuredDocument,
  schema: z.ZodType<T>,
  crossChecks: (doc: StructuredDocument) => DocumentProblem[],
): T {
  let value: T | undefined;
  let shape: DocumentProblem[] = [];
  try {
    value = doc.validate(schema);
  } catch (e) {
    if (!(e instanceof InvalidDocumentError)) throw e;
    shape = e.problems;
  }
  const problems = [...shape, ...crossChecks(doc)];
  if (problems.length || value === undefined) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw invalidDocument(doc.name, problems);
  }
  return value;
}
