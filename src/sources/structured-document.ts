import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

/** One thing wrong in a YAML/JSON document, located by document path and line/column. */
export interface DocumentProblem {
  /** The path in the document, e.g. `strategies[0].objectives[1].anchors[0]`. */
  path: string;
  line: number;
  column: number;
  reason: string;
}

export type PathSegment = string | number;

/**
 * A parsed YAML (or JSON, which YAML reads too) document that can say where any value sits, so
 * every complaint about a plan or a process names its path, line and column.
 */
export class StructuredDocument {
  readonly name: string;
  readonly value: unknown;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  private constructor(name: string, doc: Document.Parsed, lines: LineCounter) {
    this.name = name;
    this.doc = doc;
    this.lines = lines;
    this.value = doc.toJS({ maxAliasCount: 1000 });
  }

  /** Parses text; syntax errors become an `invalid-file` error with their line and column. */
  static parse(text: string, name: string): StructuredDocument {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
      const problems = doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
        return { path: '', line: pos.line, column: pos.col, reason: e.message.split('\n')[0] };
      });
      throw invalidDocument(name, problems);
    }
    return new StructuredDocument(name, doc, lines);
  }

  /** Where the node at `path` starts (or the nearest existing parent, for a missing field). */
  locate(path: readonly PathSegment[], options: { key?: boolean } = {}): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (!pair) break;
        if (last && options.key) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  problem(path: readonly PathSegment[], reason: string, options: { key?: boolean } = {}): DocumentProblem {
    return { path: formatPath(path), ...this.locate(path, options), reason };
  }

  /**
   * Validates the document against a zod schema, turning every issue into a located problem with
   * a reason a person can act on (what was expected, what was found). Throws `invalid-file`.
   */
  validate<T>(schema: z.ZodType<T>): T {
    const result = schema.safeParse(this.value);
    if (result.success) return result.data;
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
      return this.problem(path, describeIssue(issue, valueAt(this.value, path)), {
        key: issue.code === 'invalid_key',
      });
    });
    throw invalidDocument(this.name, problems);
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function describeIssue(issue: z.core.$ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `missing required field (expected ${issue.expected})`;
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : issue.expected}, got ${describeValue(actual)}`;
    case 'invalid_value':
      if (actual === undefined) {
        return `missing required field (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      }
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(actual)}`;
    case 'invalid_union':
      return actual === undefined
        ? `missing required field (${issue.message})`
        : `${issue.message}, got ${describeValue(actual)}`;
    default:
      return `${issue.message}${actual !== undefined && typeof actual !== 'object' ? `, got ${describeValue(actual)}` : ''}`;
  }
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(document)';
}

export function formatDocumentProblem(name: string, p: DocumentProblem): string {
  return `${name}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.reason}`;
}

/**
 * A document that cannot be used, with every problem located. The app layer turns it into an
 * `invalid-file` TandemError (planning/ sits below app/, so it does not import app's error type).
 */
export class InvalidDocumentError extends Error {
  readonly file: string;
  readonly problems: DocumentProblem[];

  constructor(file: string, problems: DocumentProblem[]) {
    const shown = problems.slice(0, 20).map((p) => formatDocumentProblem(file, p));
    if (problems.length > 20) shown.push(`… and ${problems.length - 20} more`);
    const head = problems.length === 1 ? 'is not valid' : `has ${problems.length} problems`;
    super(`${file} ${head}:\n  ${shown.join('\n  ')}`);
    this.name = 'InvalidDocumentError';
    this.file = file;
    this.problems = problems;
  }
}

export function invalidDocument(name: string, problems: DocumentProblem[]): InvalidDocumentError {
  return new InvalidDocumentError(name, problems);
}
