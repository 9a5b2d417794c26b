import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { assertGolden, changedName, diffSummary } from './golden.ts';

/** The golden harness never rewrites a golden file: a difference fails and lands in `.changed`. */
describe('golden files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-golden-'));
  const golden = join(dir, 'brief.md');
  const changed = join(dir, 'brief.changed.md');
  const accepted = '# Brief\n\nEvents: 12\nFatalities: 30\nAlerts: 2\n';
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    writeFileSync(golden, accepted);
    rmSync(changed, { force: true });
  });

  test('an output equal to the golden file passes and writes nothing beside it', () => {
    assertGolden('brief.md', accepted, { dir });
    assert.equal(existsSync(changed), false);
  });

  test('a changed output fails, leaves the golden file untouched and writes the output to .changed', () => {
    const before = statSync(golden).mtimeMs;
    const now = accepted.replace('Fatalities: 30', 'Fatalities: 31');
    assert.throws(
      () => assertGolden('brief.md', now, { dir }),
      (e: Error) =>
        e instanceof assert.AssertionError &&
        /brief\.changed\.md/.test(e.message) &&
        /- golden 4 +\| Fatalities: 30/.test(e.message) &&
        /\+ now 4 +\| Fatalities: 31/.test(e.message) &&
        /1 line\(s\) only in the golden file, 1 only in the new output/.test(e.message),
    );
    assert.equal(readFileSync(golden, 'utf8'), accepted);
    assert.equal(statSync(golden).mtimeMs, before);
    assert.equal(readFileSync(changed, 'utf8'), now);
  });

  test('a missing golden file fails and is not created; the output waits in .changed', () => {
    assert.throws(
      () => assertGolden('new.json', '{}\n', { dir }),
      /new\.json is missing.*new\.changed\.json/,
    );
    assert.equal(existsSync(join(dir, 'new.json')), false);
    assert.equal(readFileSync(join(dir, 'new.changed.json'), 'utf8'), '{}\n');
  });

  test('a .changed file left by an earlier failure is removed once the output matches again', () => {
    assert.throws(() => assertGolden('brief.md', 'something else\n', { dir }));
    assert.ok(existsSync(changed));
    assertGolden('brief.md', accepted, { dir });
    assert.equal(existsSync(changed), false);
  });

  test('the UPDATE_GOLDEN variable of old rewrites nothing', () => {
    process.env.UPDATE_GOLDEN = '1';
    try {
      assert.throws(() => assertGolden('brief.md', 'rewritten\n', { dir }));
      assert.equal(readFileSync(golden, 'utf8'), accepted);
    } finally {
      delete process.env.UPDATE_GOLDEN;
    }
  });
});

describe('the golden diff summary', () => {
  test('names the changed file after the golden one, before its extension', () => {
    assert.equal(changedName('brief-south-sudan.md'), 'brief-south-sudan.changed.md');
    assert.equal(changedName('analyze.south.json'), 'analyze.south.changed.json');
    assert.equal(changedName('notes'), 'notes.changed');
  });

  test('shows an inserted line as one addition, not as every later line changed', () => {
    const e = ['a', 'b', 'c', 'd', 'e'].join('\n');
    const a = ['a', 'b', 'x', 'c', 'd', 'e'].join('\n');
    assert.equal(
      diffSummary(e, a),
      '0 line(s) only in the golden file, 1 only in the new output:\n  + now 3       | x',
    );
  });

  test('quotes at most the asked number of lines and counts the rest', () => {
    const e = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const a = Array.from({ length: 30 }, (_, i) => `LINE ${i}`).join('\n');
    const s = diffSummary(e, a, 5);
    assert.match(s, /^30 line\(s\) only in the golden file, 30 only in the new output:/);
    assert.match(s, /… and 55 more$/);
  });
});
