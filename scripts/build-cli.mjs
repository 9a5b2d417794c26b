// `npm run build:cli` (run by `prepare`, so by `npm ci`): compiles src/ to dist/ with tsc, so the
// CLI and the server start on plain Node instead of compiling TypeScript on every start. Files
// the code reads beside itself (the demonstration mission's texts) are copied along, and
// bin/tandem.js uses dist/ only while it is newer than every file in src/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  process.exit(tsc.status ?? 1);
}

// A worker thread's launcher (`*-worker.mjs`) loads its TypeScript through tsx in src/; compiled,
// it needs no loader, so dist/ gets one that imports the compiled module.
const WORKER_LAUNCHER = /-worker\.mjs$/;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
for (const file of walk(src)) {
  if (file.endsWith('.ts') || WORKER_LAUNCHER.test(file)) continue;
  const to = join(dist, relative(src, file));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(file, to);
}
// Packages of many small modules that every command loads are bundled into one file each and dist/
// imports them from there: Node 20 loads one 500 kB file far faster than Kysely's 280 modules,
// Zod's 100 or yaml's 70 (a command starts about 0.3 s sooner). One copy of each package, shared by
// all of dist/. Without esbuild (tsx's bundler) dist/ imports the packages as they are, slower.
const VENDORED = ['kysely', 'zod', 'commander', 'yaml'];

async function bundleVendored() {
  const { build } = await import('esbuild');
  const requireHere = createRequire(join(root, 'package.json'));
  for (const name of VENDORED) {
    // Named, since a CommonJS package (yaml, commander) offers no names to `export *`.
    const names = Object.keys(requireHere(name)).filter(
      (k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k),
    );
    await build({
      stdin: { contents: `export { ${names.join(', ')} } from '${name}';`, resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: join(dist, 'vendor', `${name}.js`),
      logLevel: 'error',
      // A CommonJS package (commander) requires Node's own modules, which an ES module does through this.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  }
}

function importVendored() {
  const vendored = new RegExp(`(from\\s*|import\\(\\s*)'(${VENDORED.join('|')})'`, 'g');
  for (const file of walk(dist)) {
    if (!file.endsWith('.js') || file.startsWith(join(dist, 'vendor'))) continue;
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(vendored, (_, head, name) => {
      const to = relative(dirname(file), join(dist, 'vendor', `${name}.js`));
      return `${head}'${to.startsWith('.') ? to : `./${to}`}'`;
    });
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
}

try {
  await bundleVendored();
  importVendored();
} catch (e) {
  rmSync(join(dist, 'vendor'), { recursive: true, force: true });
  console.warn(`build:cli: packages not bundled (${e.message}); the CLI works, but starts slower`);
}

for (const file of walk(src).filter((f) => WORKER_LAUNCHER.test(f))) {
  const compiled = file.replace(/^.*\//, './').replace(/\.mjs$/, '.js');
  writeFileSync(join(dist, relative(src, file)), `await import('${compiled}');\n`);
}
// Written last: bin/tandem.js trusts dist/ only if this is newer than every source file.
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
