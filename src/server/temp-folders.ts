import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the server keeps in temporary folders: uploads being received, the PDF printer's profile. */
export type TempKind = 'upload' | 'pdf';

/**
 * A private temporary folder, named after this process (`tandem-upload-<pid>-…`), so that a later
 * start can tell the folders of a server that was killed from those of one still running.
 */
export function tempFolder(kind: TempKind): Promise<string> {
  return mkdtemp(join(tmpdir(), `tandem-${kind}-${process.pid}-`));
}

/**
 * Removes the temporary folders left by servers that are no longer running (killed during an
 * upload or while printing): an upload can be hundreds of megabytes, a browser profile holds the
 * last brief printed. Run at start; a server cleans its own folders as it goes and on exit.
 */
export async function removeStaleTempFolders(): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    const m = /^tandem-(upload|pdf)-(?:(\d+)-)?/.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || (pid > 0 && isRunning(pid))) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Removes this process's own temporary folders (on exit). */
export async function removeOwnTempFolders(): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (new RegExp(`^tandem-(upload|pdf)-${process.pid}-`).test(name)) {
      await rm(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
