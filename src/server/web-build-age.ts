import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The latest change under a folder (files only), in milliseconds since the epoch. */
export function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Whether the workbench's pages in `webRoot` (web/dist) are current with their sources (web/src):
 * 'stale' when the sources changed since `npm run build:web` (a working copy after a pull or an
 * edit), 'missing' when there is no build beside the sources, and 'current' otherwise, including
 * an installed copy (no web/src) and another build named by TANDEM_WEB_ROOT.
 */
export function webBuildState(
  webRoot: string,
  named = Boolean(process.env.TANDEM_WEB_ROOT),
): 'current' | 'stale' | 'missing' {
  if (named) return 'current';
  const sources = resolve(webRoot, '..', 'src');
  if (!statSync(sources, { throwIfNoEntry: false })?.isDirectory()) return 'current';
  const built = statSync(join(webRoot, 'index.html'), { throwIfNoEntry: false });
  if (!built) return 'missing';
  return newestChange(sources) > built.mtimeMs ? 'stale' : 'current';
}

/**
 * A warning when the pages served are older than their sources (webBuildState 'stale'): the
 * server would serve the old pages without a word. `npm start` builds them again first
 * (scripts/build-web-if-stale.mjs); `tandem serve` run directly only warns.
 */
export function staleWebBuildWarning(
  webRoot: string,
  named = Boolean(process.env.TANDEM_WEB_ROOT),
): string | null {
  return webBuildState(webRoot, named) === 'stale'
    ? 'web/src has changed since the workbench was built (web/dist), so the pages served are the older ones: run `npm run build:web`'
    : null;
}
