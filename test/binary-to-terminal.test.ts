import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { assertNotBinaryToTerminal } from '../src/cli/output-sink.ts';
import { BIN } from './run-cli.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tandem-tty-'));
after(() => rmSync(DIR, { recursive: true, force: true }));

/** util-linux `script` runs a command with a pseudo-terminal as its standard output. */
const SCRIPT = '/usr/bin/script';
const noScript = existsSync(SCRIPT)
  ? false
  : `${SCRIPT} (util-linux) is not installed: no terminal to test with`;

test('`tandem analyze --format pdf` on a terminal without --out exits 2 naming --out, and prints no PDF', {
  skip: noScript,
}, () => {
  const db = join(DIR, 'tandem.db');
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} analyze --format pdf --db ${JSON.stringify(db)}; echo "exit $?"`;
  const r = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  assert.match(
    r.stdout,
    /tandem: --out: the PDF brief is binary and would be printed on the terminal; give --out FILE/,
  );
  assert.match(r.stdout, /exit 2/);
  assert.doesNotMatch(r.stdout, /%PDF/);
  assert.deepEqual(readdirSync(DIR), [], 'refused before any store is opened or created');
});

test('binary output goes to a pipe or to --out, and is refused only for a terminal', () => {
  assert.doesNotThrow(() => assertNotBinaryToTerminal(undefined, 'the PDF brief', { isTTY: false }));
  assert.doesNotThrow(() => assertNotBinaryToTerminal(undefined, 'the PDF brief', {}));
  assert.doesNotThrow(() => assertNotBinaryToTerminal('brief.pdf', 'the PDF brief', { isTTY: true }));
  assert.throws(
    () => assertNotBinaryToTerminal(undefined, 'the PDF brief', { isTTY: true }),
    (e: Error & { code?: string }) => e.code === 'bad-input' && /--out/.test(e.message),
  );
});
