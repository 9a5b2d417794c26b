import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TandemError } from '../domain/tandem-error.ts';

/**
 * The printer's throwaway browser profile, named as the server's temporary folders are
 * (`tandem-pdf-<pid>-…`) so that a later start removes one a killed process left behind.
 */
function profileFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), `tandem-pdf-${process.pid}-`));
}

/** The one line a user reads when the brief cannot be printed for want of a browser. */
export function chromiumMissingMessage(path = CHROMIUM_PATH): string {
  return `The PDF brief needs Chromium, and there is none at ${path}: install it (Debian/Ubuntu: apt-get install chromium) or set TANDEM_CHROMIUM to its path; the HTML brief works without it.`;
}

/** Fails with a user error, not a crash, when Chromium is not installed where Tandem looks. */
export function assertChromium(path = CHROMIUM_PATH): void {
  if (!existsSync(path)) throw new TandemError('unavailable', chromiumMissingMessage(path));
}

/** Debian's Chromium, and the flags it needs to run headless in a container without phoning home. */
export const CHROMIUM_PATH = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The brief's paper: A4, its colours printed, margins the brief's print styles are made for. */
const PDF_PAGE = {
  format: 'A4',
  printBackground: true,
  margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
};

/** The page's own classification marking (`<p class="marking">`), as the HTML writes it (escaped). */
const MARKING = /<p class="marking"[^>]*>([^<]*)<\/p>/;

/**
 * The paper settings for a document: one whose HTML carries a classification marking has it at
 * the head and the foot of every page, with the page's number at the foot, so that a page taken
 * from the printout alone still says what it is.
 */
export function pdfOptions(html: string) {
  const marking = MARKING.exec(html)?.[1]?.trim();
  if (!marking) return PDF_PAGE;
  // Chromium draws these in the page margins, at a default font size of 0: sizes are set here.
  const style = 'font: bold 8px sans-serif; letter-spacing: 0.08em; width: 100%; text-align: center;';
  return {
    ...PDF_PAGE,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}">${marking}</div>`,
    footerTemplate: `<div style="${style}">${marking} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
  };
}

/**
 * Prints an HTML document to an A4 PDF with headless Chromium, in a fresh profile that is removed
 * afterwards. The HTML must be self-contained: the page is not given a base URL to fetch from.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  assertChromium();
  const profile = await profileFolder();
  const context = await launchChromium(profile).catch(async (e) => {
    await rm(profile, { recursive: true, force: true });
    throw e;
  });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf(pdfOptions(html));
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * A printer that keeps one headless Chromium open between briefs (starting it takes seconds on a
 * busy machine) and closes it, with its throwaway profile, on `close()`.
 */
export class PdfPrinter {
  #context: Promise<import('playwright-core').BrowserContext> | null = null;
  #profile: string | null = null;

  async print(html: string): Promise<Uint8Array> {
    assertChromium();
    if (!this.#context) this.#context = this.#launch();
    let context: import('playwright-core').BrowserContext;
    try {
      context = await this.#context;
    } catch (e) {
      this.#context = null;
      throw e;
    }
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf(pdfOptions(html));
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const pending = this.#context;
    this.#context = null;
    if (pending) await (await pending.catch(() => null))?.close();
    if (this.#profile) await rm(this.#profile, { recursive: true, force: true });
    this.#profile = null;
  }

  async #launch() {
    this.#profile = await profileFolder();
    return launchChromium(this.#profile);
  }
}

/**
 * Starts headless Chromium in `profile`. One that is there but does not start (a broken install,
 * a sandbox that forbids it) is a user error in one line, naming the path and Chromium's own first
 * words, not Playwright's page of launch log (exports probe).
 */
async function launchChromium(profile: string) {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
  } catch (e) {
    const first = String((e as Error)?.message ?? e)
      .split('\n')[0]!
      .replace(/^browserType\.launchPersistentContext:\s*/, '');
    throw new TandemError(
      'unavailable',
      `Chromium at ${CHROMIUM_PATH} did not start (${first}): check that it runs (${CHROMIUM_PATH} --version) or set TANDEM_CHROMIUM to one that does; the HTML brief works without it.`,
    );
  }
}
