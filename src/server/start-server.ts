import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eventIndexBuilt, keepEventIndex } from '../app/store-connection.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { PdfPrinter } from '../reports/pdf-printer.ts';
import { createApp, type WorkbenchAppOptions } from './create-app.ts';
import { isLoopback } from './request-guards.ts';
import { removeOwnTempFolders, removeStaleTempFolders } from './temp-folders.ts';
import { warmingRequesters, warmOverview } from './warm-overview.ts';

export interface StartServerOptions extends WorkbenchAppOptions {
  port?: number;
  /**
   * Loopback by default. Elsewhere a store without accounts lets nobody in (createApp's `networked`),
   * and `tandem serve` refuses to start on it.
   */
  hostname?: string;
  /**
   * Whether to compute the overview's first reads before listening, so that the first visitor finds
   * them ready; on unless false or TANDEM_WARM_UP=0 (benchmarks of cold reads).
   */
  warmUp?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The longest the start-up waits for the overview's first reads to be computed. */
const WARM_UP_WAIT_MS = 10_000;

/**
 * The longest a request may take to arrive whole. Node's default, five minutes, cut off a 100 MB
 * export sent from a field office at 300 KB/s with no word why; a body that stalls is given up by
 * its pace instead (BODY_PACE: 64 KB a minute), and this is only the backstop.
 */
const REQUEST_TIME_LIMIT_MS = 4 * 60 * 60 * 1000;

/** Starts the API and workbench on a port (0 picks a free one) and says where it listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  await removeStaleTempFolders();
  const printer = options.printPdf ? null : new PdfPrinter();
  const hostname = options.hostname ?? '127.0.0.1';
  // Each viewer's own period and filters on the map and lists: answered from memory once built.
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stopIndex = keepEventIndex(options.store, log);
  const app = createApp({
    ...options,
    printPdf: options.printPdf ?? ((html) => printer!.print(html)),
    loopbackOnly: options.loopbackOnly ?? isLoopback(hostname),
    networked: options.networked ?? !isLoopback(hostname),
  });
  if (options.warmUp ?? process.env.TANDEM_WARM_UP !== '0') {
    // Before listening: the store's queries hold the event loop, so warming while the first
    // visitor's page and scripts are requested would make them wait. A slow store does not hold the
    // start up for more than WARM_UP_WAIT_MS; the warming then finishes while the server listens.
    // The event index too (built in a worker thread): a few seconds for a million events.
    await Promise.race([
      warmOverview(app, { log, requesters: () => warmingRequesters(options.store) }).then(() =>
        eventIndexBuilt(options.store),
      ),
      new Promise((done) => setTimeout(done, WARM_UP_WAIT_MS).unref()),
    ]);
  }
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 7400,
        hostname,
        serverOptions: { requestTimeout: REQUEST_TIME_LIMIT_MS },
      },
      (info: AddressInfo) => {
        resolve({
          url: `http://${hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              stopIndex();
              server.close(() => {
                const finish = () => removeOwnTempFolders().then(done, done);
                if (printer) printer.close().then(finish, finish);
                else finish();
              });
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      },
    );
    server.once('error', (e: NodeJS.ErrnoException) => {
      stopIndex();
      // A port taken or not allowed is the user's to change, not a fault of Tandem's.
      const port = options.port ?? 7400;
      if (e.code === 'EADDRINUSE')
        reject(
          new TandemError(
            'bad-input',
            `port ${port} on ${hostname} is already in use (another tandem serve?); choose another with --port`,
          ),
        );
      else if (e.code === 'EACCES')
        reject(
          new TandemError(
            'bad-input',
            `port ${port} on ${hostname} is not open to this user; choose one above 1023 with --port`,
          ),
        );
      else if (e.code === 'EADDRNOTAVAIL')
        reject(new TandemError('bad-input', `${hostname} is not an address of this machine (--host)`));
      else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
        reject(
          new TandemError(
            'bad-input',
            `--host ${hostname}: no such host name; give an address of this machine (127.0.0.1, 0.0.0.0) or a name it resolves`,
          ),
        );
      else reject(e);
    });
  });
}
