import type { Stats } from 'node:fs';

/**
 * What went wrong with a file, in words a user can act on, from the error Node's `fs` threw:
 * "no such file", "is a folder, not a file", "permission denied" rather than ENOENT, EISDIR, EACCES.
 * `writing` says the file was being written, where a missing folder is the usual cause of ENOENT.
 */
export function fileProblem(e: unknown, writing = false): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return writing ? 'no such folder' : 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'on a read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/**
 * What is wrong with a path that is there but is no file to read, or null for a plain file: a
 * folder, or a pipe or a device (`<(cat …)`, /dev/zero), whose reading may never end and whose
 * size says nothing; `max` bytes, when given, is the most a file of its kind may hold.
 */
export function notAFile(stats: Stats, max?: { bytes: number; what: string }): string | null {
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (!stats.isFile())
    return 'is not a plain file (a pipe or a device): save what it holds to a file and give that';
  if (max && stats.size > max.bytes)
    return `is ${Math.round(stats.size / 1e6)} MB, more than a ${max.what} holds (at most ${Math.round(max.bytes / 1e6)} MB)`;
  return null;
}

/** The most an agreement's file holds (a scanned PDF of hundreds of pages is tens of MB). */
export const AGREEMENT_FILE_MAX = { bytes: 256e6, what: 'agreement file' };
