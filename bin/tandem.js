#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm ci` through `prepare`) when it is newer than every
// source file; otherwise, while src/ is being edited or without a build, runs the TypeScript
// through tsx's loader. TANDEM_FROM_SOURCE=1 forces the latter, TANDEM_FROM_SOURCE=0 the former.
// Installed as a package (under node_modules) nobody edits src/, so the build is trusted without
// looking at every source file (a few milliseconds of every start otherwise).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (process.env.TANDEM_FROM_SOURCE === '1') return false;
  if (process.env.TANDEM_FROM_SOURCE === '0') return true;
  const installed = root.split(sep).includes('node_modules');
  try {
    if (installed) return statSync(join(root, 'dist/.built')).isFile();
    return statSync(join(root, 'dist/.built')).mtimeMs >= newestIn(join(root, 'src'));
  } catch {
    return false;
  }
}

if (compiledIsCurrent()) {
  process.setSourceMapsEnabled(true);
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
