import { spawn } from 'node:child_process';

/** A `tandem serve` process on a free loopback port, as an installed Tandem runs it. */
export async function startServeProcess(
  db: string,
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/tandem.js', 'serve', '--db', db, '--port', '0', '--no-demo'], {
    env: { ...process.env, TANDEM_WARM_UP: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /workbench at (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`tandem serve exited (${code}): ${err}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
