import { formatProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { readLocalProcessFile } from '../sources/local-process-file.ts';
import { readPaxLocal } from '../sources/pax-local-reader.ts';
import { InvalidDocumentError } from '../sources/structured-document.ts';

// The files local processes come in: PA-X Local's CSV, or Tandem's own YAML/JSON, told apart and
// read whole (a bad record refuses the file, nothing stored).

export const LOCAL_FORMATS = ['pax-local', 'tandem'] as const;

/** The format a file is in: as given, else PA-X Local for a CSV whose header names AgtId. */
export function formatOf(text: string, name: string, given?: (typeof LOCAL_FORMATS)[number]) {
  if (given) return given;
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return /\.csv$/i.test(name) || /(^|,)"?AgtId"?(,|$)/.test(first) ? 'pax-local' : 'tandem';
}

/** Reads a file of local processes, refusing it whole (nothing stored) at the first bad record. */
export function readLocalFile(text: string, name: string, format: (typeof LOCAL_FORMATS)[number]) {
  if (format === 'pax-local') {
    const r = readPaxLocal(text, name);
    if (r.problems.length) {
      const shown = r.problems.slice(0, 20).map(formatProblem);
      const more = r.problems.length > shown.length ? `\n… and ${r.problems.length - shown.length} more` : '';
      throw new TandemError('invalid-file', `${name}: nothing imported:\n${shown.join('\n')}${more}`, {
        details: { file: name, problems: r.problems },
      });
    }
    return { records: r.records, setAside: r.setAside.map(formatProblem) };
  }
  try {
    return { records: readLocalProcessFile(text, name), setAside: [] as string[] };
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      throw new TandemError('invalid-file', e.message, { details: { file: e.file, problems: e.problems } });
    }
    throw e;
  }
}
