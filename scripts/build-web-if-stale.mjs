// `npm start` runs this first (prestart): the workbench's pages are built again when web/src has
// changed since they were built (after a pull or an edit), or were never built, so that the
// server never serves older pages than the sources. `tandem serve` itself only warns.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { webBuildState } = await import('../src/server/web-build-age.ts');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const state = webBuildState(join(root, 'web', 'dist'));
if (state === 'missing' || state === 'stale') {
  console.error(
    state === 'missing'
      ? 'The workbench has not been built yet: building it (npm run build:web)…'
      : 'web/src has changed since the workbench was built: building it again (npm run build:web)…',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
