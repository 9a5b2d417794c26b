import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'tandem.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Where a command run from the repository keeps its master key unless the test says: a file of
 * this test process's own (not yet there), never ./tandem.key in the developer's checkout, which
 * `keys rotate` would replace and `keys init` refuse.
 */
const TEST_KEY_FILE = join(tmpdir(), `tandem-test-key-${process.pid}`, 'tandem.key');
mkdirSync(dirname(TEST_KEY_FILE), { recursive: true });

/** Runs `tandem ARGS` as a user would, and collects what it prints. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...(options.cwd || process.env.TANDEM_KEY_FILE ? {} : { TANDEM_KEY_FILE: TEST_KEY_FILE }),
        ...process.env,
        ...options.env,
      },
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
