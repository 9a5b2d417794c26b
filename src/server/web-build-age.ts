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
 * A warning when the workbench's pages served from `webRoot` (web/dist) are older than their
 * sources (web/src), as in a working copy edited since `npm run build:web`: the server would serve
 * the old pages without a word. Null for an installed or freshly built copy, or another build
 * named by TANDEM_WEB_ROOT.
 */
export function staleWebBuildWarning(
  webRoot: string,
  named = Boolean(process.env.TANDEM_WEB_ROOT),
): string | null {
  if (named) return null;
  const built = statSync(join(webRoot, 'index.html'), { throwIfNoEntry: false });
  const sources = resolve(webRoot, '..', 'src');
  if (!built || !statSync(sources, { throwIfNoEntry: false })?.isDirectory()) return null;
  return newestChange(sources) > built.mtimeMs
    ? 'web/src has changed since the workbench was built (web/dist), so the pages served are the older ones: run `npm run build:web`'
    : null;
}
