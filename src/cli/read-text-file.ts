import { readFileSync, statSync } from 'node:fs';
import { fileProblem, notAFile } from '../domain/file-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';

/** The most a YAML or JSON file of plans or records holds: far beyond any mission's. */
const MAX_BYTES = 64e6;

/**
 * A file's text for a command that takes a YAML or JSON file (a plan, a negotiation process,
 * incidents, local processes, participants), or an `unreadable-file` error naming the file and
 * what is wrong in words: "plan.yaml: no such file", "plans: is a folder, not a file", "the file is
 * empty".
 */
export function readTextFile(path: string): string {
  let text: string;
  try {
    const problem = notAFile(statSync(path), { bytes: MAX_BYTES, what: 'plan or record file' });
    if (problem) throw new TandemError('unreadable-file', `${path}: ${problem}`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError('unreadable-file', `${path}: ${fileProblem(e)}`);
  }
  if (text.trim() === '') throw new TandemError('unreadable-file', `${path}: the file is empty`);
  return text;
}
