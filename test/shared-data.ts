import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the project, where the public samples live (never copied into the repo). */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data');

/**
 * The path of a shared sample, or a skip reason when it is absent, for `test(name, { skip }, fn)`.
 * The reason is printed by the runner, so a machine without the samples still passes and says why.
 */
export function sharedData(rel: string): { path: string; skip: false | string } {
  const path = join(SHARED_DATA, rel);
  return { path, skip: existsSync(path) ? false : `shared sample ${rel} not found at ${path}` };
}
