import { once } from 'node:events';
import { accessSync, constants, createWriteStream, statSync, type WriteStream, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileProblem } from '../domain/file-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';

/** Where a command writes a long output: a file (`--out`) or standard output. */
export interface OutputSink {
  /** Writes a chunk; the promise, when there is one, resolves once the stream wants more. */
  write: (chunk: string) => Promise<void> | undefined;
  /** Ends the file (once; later calls do nothing). Standard output is left open. */
  close: () => Promise<void>;
}

function cannotWrite(path: string, e: unknown): TandemError {
  return new TandemError('unreadable-file', `--out ${path}: cannot write: ${fileProblem(e, true)}`);
}

/** `--out -` is standard output, as for most command-line tools; otherwise the file named. */
export function fileOrStandardOutput(path: string | undefined): string | undefined {
  return path === '-' ? undefined : path;
}

/**
 * Refuses, before any work, an --out that cannot be written: a folder that does not exist, a path
 * through a file, a folder given as the file, no permission. Creates nothing.
 */
export function assertCanWrite(given: string | undefined): void {
  const path = fileOrStandardOutput(given);
  if (!path) return;
  const fail = (code: string) => {
    throw cannotWrite(path, Object.assign(new Error(code), { code }));
  };
  try {
    const there = statSync(path, { throwIfNoEntry: false });
    if (there?.isDirectory()) fail('EISDIR');
    if (there) {
      accessSync(path, constants.W_OK);
      return;
    }
    const folder = dirname(resolve(path));
    if (!statSync(folder).isDirectory()) fail('ENOTDIR');
    accessSync(folder, constants.W_OK);
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw cannotWrite(path, e);
  }
}

/**
 * A sink for `path`, or for standard output without one (or with `-`). The file is opened at the first write, so
 * a command refused for bad input or rights leaves no empty file behind; a file that cannot be
 * written is a user error naming --out, not a crash.
 */
export function outputSink(given: string | undefined): OutputSink {
  const path = fileOrStandardOutput(given);
  let file: WriteStream | undefined;
  let failed: unknown;
  let closed = false;
  const stream = (): NodeJS.WritableStream => {
    if (!path) return process.stdout;
    if (!file) {
      file = createWriteStream(path);
      file.on('error', (e) => {
        failed = e;
      });
    }
    return file;
  };
  const check = () => {
    if (failed !== undefined && path) throw cannotWrite(path, failed);
  };
  return {
    write(chunk) {
      check();
      const s = stream();
      if (s.write(chunk)) return undefined;
      // Wait for the stream to drain; \`once\` rejects on the error that stops it instead, and leaves
      // no listener behind either way (a listener per full buffer piled up on a long export).
      return once(s, 'drain').then(
        () => undefined,
        (e) => {
          // The stream's own error (EISDIR, ENOENT) says why; the rejection only that it stopped.
          throw path ? cannotWrite(path, failed ?? e) : e;
        },
      );
    },
    async close() {
      if (closed || !file) return;
      closed = true;
      const f = file;
      await new Promise<void>((resolve, reject) =>
        f.end((e?: Error | null) => (e ? reject(cannotWrite(path as string, failed ?? e)) : resolve())),
      );
      check();
    },
  };
}

/**
 * Refuses binary output (a PDF) bound for a terminal, where it would scroll past as garbage and
 * can leave the terminal in an odd state; said before the work that makes it. Piped or redirected
 * (`> brief.pdf`), standard output is not a terminal and takes it.
 */
export function assertNotBinaryToTerminal(
  path: string | undefined,
  what: string,
  stdout: { isTTY?: boolean } = process.stdout,
): void {
  if (path || !stdout.isTTY) return;
  throw new TandemError(
    'bad-input',
    `--out: ${what} is binary and would be printed on the terminal; give --out FILE, or redirect it (> FILE)`,
    { details: { issues: [{ path: 'out', message: 'required when standard output is a terminal' }] } },
  );
}

/**
 * Writes a whole output to `path` (saying so on standard error) or to standard output, where a
 * text gets a final newline; bytes go to a terminal only as assertNotBinaryToTerminal allows.
 */
export function writeOutput(given: string | undefined, content: string | Uint8Array): void {
  const path = fileOrStandardOutput(given);
  if (!path) {
    if (typeof content !== 'string') assertNotBinaryToTerminal(path, 'this output');
    process.stdout.write(typeof content !== 'string' || content.endsWith('\n') ? content : `${content}\n`);
    return;
  }
  try {
    writeFileSync(path, content);
  } catch (e) {
    throw cannotWrite(path, e);
  }
  process.stderr.write(`written to ${path}\n`);
}
