import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type WorkbenchAppOptions } from './create-app.ts';
import { PdfPrinter } from './pdf-printer.ts';
import { warmOverview } from './warm-overview.ts';

export interface StartServerOptions extends WorkbenchAppOptions {
  port?: number;
  /** Loopback by default: the workbench has no sign-in yet, so it is not offered to the network. */
  hostname?: string;
  /**
   * Whether to compute the overview's first reads as soon as the server listens, so the first
   * visitor finds them ready; on unless false or TANDEM_WARM_UP=0 (benchmarks of cold reads).
   */
  warmUp?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the API and workbench on a port (0 picks a free one) and says where it listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const printer = options.printPdf ? null : new PdfPrinter();
  const app = createApp({ ...options, printPdf: options.printPdf ?? ((html) => printer!.print(html)) });
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 7400, hostname }, (info: AddressInfo) => {
      if (options.warmUp ?? process.env.TANDEM_WARM_UP !== '0') {
        const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
        void warmOverview(app, { log });
      }
      resolve({
        url: `http://${hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              if (printer) printer.close().then(done, done);
              else done();
            });
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
