import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const SRC = resolve(import.meta.dirname, '../src');

/**
 * The layers of ARCHITECTURE.md, lowest first. A module may import from its own folder or from a
 * lower layer, never from a higher one; folders on one line are peers and do not import each other
 * except where a line below names it. `reports` sits above `analysis` and the other engines
 * because a brief is made from their results.
 */
const LAYER: Record<string, number> = {
  domain: 0,
  store: 1,
  sources: 2,
  analysis: 3,
  planning: 4,
  agreements: 4,
  reports: 5,
  app: 6,
  cli: 7,
  server: 7,
  security: 2,
};

/** Deliberate exceptions, each with its reason. */
const ALLOWED: Record<string, string> = {
  // `tandem serve` is the one command whose job is to start the other front end.
  'cli/commands/serve-commands.ts → server': 'the serve command starts the HTTP server',
};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

test('imports flow downward only: cli and server → app → engines → sources → store → domain', () => {
  const wrong: string[] = [];
  for (const file of files(SRC)) {
    const from = relative(SRC, file).split('/')[0];
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    )) {
      const spec = m[1] ?? m[2];
      const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0];
      if (target === from || !(target in LAYER)) continue;
      if (ALLOWED[`${relative(SRC, file)} → ${target}`]) continue;
      if (LAYER[target] >= LAYER[from])
        wrong.push(`${relative(SRC, file)} imports ${spec} (${from} → ${target})`);
    }
  }
  assert.deepEqual(wrong, []);
});

/** Front-end files that import `store/` directly, types included. */
function storeImportsOf(frontEnd: string): string[] {
  const wrong: string[] = [];
  for (const file of files(join(SRC, frontEnd))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*)['"](\.[^'"]+)['"]/g)) {
      const target = relative(SRC, resolve(dirname(file), m[1] as string));
      if (target.split('/')[0] === 'store') wrong.push(`${relative(SRC, file)} imports ${m[1]}`);
    }
  }
  return wrong;
}

// A front end reaches the store through app/store-connection.ts and the operations, never by its
// own queries, so that every read goes through an operation and its access check.
test('the CLI never imports store/ (not even its types): it goes through app/', () => {
  assert.deepEqual(storeImportsOf('cli'), []);
});

test('the server never imports store/ (not even its types): it goes through app/', {}, () => {
  assert.deepEqual(storeImportsOf('server'), []);
});
