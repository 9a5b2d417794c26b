import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Golden files: outputs on real data that a person has read and accepted, kept in test/golden/.
 * A test run never rewrites one. When the output differs, the new output is written beside the
 * golden file as `<name>.changed.<ext>` and the test fails with a short summary of the difference;
 * updating the golden file is a human act: read the difference, copy the `.changed` file over the
 * golden one and say in the commit message why the output changed.
 */
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export interface AssertGoldenOptions {
  /** Where the golden files are; test/golden/ unless told (the harness's own test uses a temp dir). */
  dir?: string;
  /** At most this many differing lines are quoted in the failure message (default 12). */
  maxLines?: number;
  /** What to do about an intended change, in place of copying the `.changed` file over. */
  hint?: string;
}

/** `brief.md` → `brief.changed.md`; `a.b.json` → `a.b.changed.json`; `notes` → `notes.changed`. */
export function changedName(name: string): string {
  const ext = extname(basename(name));
  return ext ? `${name.slice(0, -ext.length)}.changed${ext}` : `${name}.changed`;
}

/**
 * Fails unless `actual` equals the golden file `name` byte for byte. On a difference (or a missing
 * golden file) writes `actual` to the `.changed` file beside it and fails with a summary; on a match
 * removes a `.changed` file left by an earlier failing run, so none outlives the difference it showed.
 */
export function assertGolden(name: string, actual: string, options: AssertGoldenOptions = {}): void {
  const dir = options.dir ?? GOLDEN_DIR;
  const path = join(dir, name);
  const changed = join(dir, changedName(name));
  const shown = (p: string) => relative(process.cwd(), p) || p;
  if (!existsSync(path)) {
    writeFileSync(changed, actual);
    assert.fail(
      `golden file ${shown(path)} is missing; the output is in ${shown(changed)}.\n` +
        (options.hint ?? `Read it, then rename it to ${basename(path)} and commit it.`),
    );
  }
  const expected = readFileSync(path, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  assert.fail(
    `${shown(path)} differs from this run's output, now in ${shown(changed)}.\n` +
      `${diffSummary(expected, actual, options.maxLines ?? 12)}\n` +
      (options.hint ??
        `If the change is intended: cp ${shown(changed)} ${shown(path)} and explain it in the commit message.`),
  );
}

/**
 * A short line diff: the lines each side holds that the other does not, numbered, up to `max` of
 * them, and the totals. Common head and tail are cut first; the middle is compared line by line
 * (longest common subsequence) when small enough, else shown as one replaced block.
 */
export function diffSummary(expected: string, actual: string, max = 12): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  let head = 0;
  while (head < e.length && head < a.length && e[head] === a[head]) head++;
  let tail = 0;
  while (
    tail < e.length - head &&
    tail < a.length - head &&
    e[e.length - 1 - tail] === a[a.length - 1 - tail]
  )
    tail++;
  const em = e.slice(head, e.length - tail);
  const am = a.slice(head, a.length - tail);
  const ops = em.length * am.length <= 4_000_000 ? lineDiff(em, am) : replaced(em, am);
  const lines: string[] = [];
  let removed = 0;
  let added = 0;
  for (const op of ops) {
    if (op.kind === '-') removed++;
    else added++;
    if (lines.length < max) {
      const at = op.kind === '-' ? `golden ${head + op.index + 1}` : `now ${head + op.index + 1}`;
      lines.push(`  ${op.kind} ${at.padEnd(12)}| ${clip(op.line)}`);
    }
  }
  const more = removed + added - lines.length;
  return [
    `${removed} line(s) only in the golden file, ${added} only in the new output:`,
    ...lines,
    ...(more > 0 ? [`  … and ${more} more`] : []),
  ].join('\n');
}

interface DiffOp {
  kind: '-' | '+';
  /** Index of the line in its own side (golden for '-', new output for '+'), from the cut. */
  index: number;
  line: string;
}

function replaced(e: string[], a: string[]): DiffOp[] {
  return [
    ...e.map((line, index) => ({ kind: '-' as const, index, line })),
    ...a.map((line, index) => ({ kind: '+' as const, index, line })),
  ];
}

function lineDiff(e: string[], a: string[]): DiffOp[] {
  // lcs[i][j]: length of the longest common subsequence of e[i..] and a[j..].
  const lcs = Array.from({ length: e.length + 1 }, () => new Uint32Array(a.length + 1));
  for (let i = e.length - 1; i >= 0; i--)
    for (let j = a.length - 1; j >= 0; j--)
      lcs[i]![j] = e[i] === a[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < e.length || j < a.length) {
    if (i < e.length && j < a.length && e[i] === a[j]) {
      i++;
      j++;
    } else if (i < e.length && (j === a.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', index: i, line: e[i]! });
      i++;
    } else {
      ops.push({ kind: '+', index: j, line: a[j]! });
      j++;
    }
  }
  return ops;
}

function clip(line: string): string {
  return line.length > 100 ? `${line.slice(0, 100)}…` : line;
}
