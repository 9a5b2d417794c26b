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
