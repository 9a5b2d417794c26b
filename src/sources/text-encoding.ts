import { type DocumentProblem, invalidDocument } from './structured-document.ts';

/**
 * The character a UTF-8 decoder puts in place of bytes that are not UTF-8 (Node's `readFileSync(…,
 * 'utf8')`, a browser's `File.text()`): a plan or a process saved as Latin-1 or Windows-1252 reads
 * "intégrée" as "int�gr�e", and its area and actor names then match nothing in the data.
 */
const REPLACEMENT = '\uFFFD';

/** The reason given for a text that was not UTF-8, in one place for every reader. */
export const NOT_UTF8 =
  'the file is not UTF-8: a byte here cannot be read as UTF-8 (the file was probably saved as Latin-1 or Windows-1252); save it as UTF-8 and try again';

/**
 * Where a text decoded from a file that is not UTF-8 shows it: the line and column of the first
 * replacement character (U+FFFD), which is where the first byte that is not UTF-8 was.
 */
export function notUtf8Problem(text: string): DocumentProblem | undefined {
  const at = text.indexOf(REPLACEMENT);
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { path: '', line, column, reason: NOT_UTF8 };
}

/**
 * Refuses, before any parsing, a YAML or JSON text that was not UTF-8: an InvalidDocumentError
 * naming the file, the line and the column of the first byte that could not be read. Every reader
 * of planning files (plans, negotiation processes) calls it first.
 */
export function requireUtf8(text: string, name: string): void {
  const problem = notUtf8Problem(text);
  if (problem) throw invalidDocument(name, [problem]);
}
