import { readFileSync, statSync } from 'node:fs';
import { fileProblem } from '../domain/file-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';

/**
 * A file's text for a command that takes a YAML or JSON file (a plan, a negotiation process,
 * incidents, local processes, participants), or an `unreadable-file` error naming the file and
 * what is wrong in words: "plan.yaml: no such file", "plans: is a folder, not a file", "the file is
 * empty".
 */
export function readTextFile(path: string): string {
  let text: string;
  try {
    if (statSync(path).isDirectory())
      throw new TandemError('unreadable-file', `${path}: is a folder, not a file`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError('unreadable-file', `${path}: ${fileProblem(e)}`);
  }
  if (text.trim() === '') throw new TandemError('unreadable-file', `${path}: the file is empty`);
  return text;
}
