// `npm test`: typecheck, lint, then every *.test.ts under src/ and test/ with Node's runner.
// Node 20's runner does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (only.length === 0) {
  run('npx', ['--no-install', 'tsc', '--noEmit']);
  run('npx', ['--no-install', 'biome', 'check', '.']);
}
const files = only.length ? only : [...find('src'), ...find('test')].sort();
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);
