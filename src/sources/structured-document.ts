import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseDocument,
} from 'yaml';
import type { z } from 'zod';
import { areaNameSimilarity } from '../domain/area-names.ts';
import { ownValue } from '../domain/own-value.ts';
import { describeIssue } from './document-issue-text.ts';
import { otherFormatOf, unstructuredTextOf } from './other-format.ts';

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
 * How often aliases (`*name`) may be expanded. A plan or a process has no need of them beyond a
 * few repeated blocks; a "billion laughs" file nests aliases of aliases to blow up in memory.
 */
export const MAX_ALIAS_EXPANSIONS = 50;

/**
 * How deeply lists and mappings may sit inside each other. The deepest plan path is about eight
 * levels; a file nested thousands deep is an attack on the parser's stack, not a plan.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * A parsed YAML (or JSON, which YAML reads too) document that can say where any value sits, so
 * every complaint about a plan or a process names its path, line and column.
 */
export class StructuredDocument {
  readonly name: string;
  readonly value: unknown;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  private constructor(name: string, doc: Document.Parsed, lines: LineCounter, value: unknown) {
    this.name = name;
    this.doc = doc;
    this.lines = lines;
    this.value = value;
  }

  /**
   * Parses text; syntax errors become an `invalid-file` error with their line and column. So do
   * files built to exhaust the reader: nesting deeper than MAX_NESTING_DEPTH, or aliases expanded
   * more than MAX_ALIAS_EXPANSIONS times. A text that is plainly another format (a CSV, a PDF) is
   * refused in one line saying so and that `kind` (a plan, a process) is YAML or JSON.
   */
  static parse(text: string, name: string, kind = 'a YAML or JSON document'): StructuredDocument {
    const other = otherFormatOf(text);
    if (other) throw notA(name, kind, other);
    const lines = new LineCounter();
    const at = (offset: number) => {
      const pos = lines.linePos(offset);
      return { path: '', line: pos.line, column: pos.col };
    };
    const deep = roughlyTooDeep(text);
    if (deep !== undefined) {
      const before = text.slice(0, deep);
      const line = before.split('\n').length;
      const column = deep - before.lastIndexOf('\n');
      throw invalidDocument(name, [{ path: '', line, column, reason: TOO_DEEP_ROUGHLY }]);
    }
    let doc: Document.Parsed;
    try {
      doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    } catch (e) {
      // The parser recurses once per level; a deep enough file overflows the stack before any
      // node is built, and where it happened is lost with the stack.
      if (e instanceof RangeError) throw invalidDocument(name, [{ ...at(0), reason: TOO_DEEP }]);
      throw e;
    }
    if (doc.errors.length) {
      // The parser reports its own stack overflow as a syntax error, once per level it unwinds.
      const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
      if (overflow) {
        // What was built before the overflow usually shows where the nesting passed the limit.
        const where = measure(doc.contents).tooDeep ?? overflow.pos[0];
        throw invalidDocument(name, [{ ...at(where), reason: TOO_DEEP }]);
      }
      const problems = doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
        return { path: '', line: pos.line, column: pos.col, reason: yamlReason(e, text, pos.line) };
      });
      const unstructured = unstructuredTextOf(text);
      if (unstructured) throw notA(name, kind, unstructured);
      // A file that opens as JSON is told what is wrong as JSON: the YAML reader's complaint about
      // flow collections ("Flow map must end with a }") says nothing to whoever wrote it.
      throw invalidDocument(name, jsonProblem(text, lines, problems[0]) ?? problems);
    }
    const shape = measure(doc.contents);
    if (shape.tooDeep !== undefined)
      throw invalidDocument(name, [{ ...at(shape.tooDeep), reason: TOO_DEEP }]);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (e) {
      // yaml throws a ReferenceError for an alias expanded too often (or never anchored).
      if (!(e instanceof Error) || !(e.name === 'ReferenceError' || e.name === 'RangeError')) throw e;
      const reason = /excessive alias/i.test(e.message)
        ? `aliases (*name) are expanded more than ${MAX_ALIAS_EXPANSIONS} times; refused, as a file built to exhaust memory (a "billion laughs") would be`
        : e.name === 'RangeError'
          ? TOO_DEEP
          : e.message;
      throw invalidDocument(name, [{ ...at(shape.firstAlias ?? 0), reason }]);
    }
    return new StructuredDocument(name, doc, lines, value);
  }

  /**
   * Lays out a value already parsed (a plan or a process sent to the API as JSON) as JSON text,
   * so that problems still get a line to point at. A value nested deeper than MAX_NESTING_DEPTH
   * is refused before it reaches JSON.stringify, whose recursion it would overflow.
   */
  static layOut(value: unknown, name: string): string {
    const stack: [unknown, PathSegment[]][] = [[value, []]];
    while (stack.length) {
      const [v, path] = stack.pop()!;
      if (v === null || typeof v !== 'object') continue;
      if (path.length >= MAX_NESTING_DEPTH) {
        throw invalidDocument(name, [{ path: formatPath(path), line: 1, column: 1, reason: TOO_DEEP }]);
      }
      for (const [key, item] of Object.entries(v)) {
        stack.push([item, [...path, Array.isArray(v) ? Number(key) : key]]);
      }
    }
    return JSON.stringify(value, null, 2);
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
   * The fields of the document that `parsed` (what a lenient schema read from it) left out: a
   * misspelt `partner:` is dropped silently by a schema that ignores unknown fields, so the reader
   * can say so at its line, offering the field read beside it that it most resembles.
   */
  ignoredFields(parsed: unknown, aliases: Readonly<Record<string, string>> = {}): DocumentProblem[] {
    const found: { path: PathSegment[]; known: string[] }[] = [];
    droppedFields(this.value, parsed, [], found, aliases);
    return found.map(({ path, known }) => {
      const written = String(path[path.length - 1]);
      const [best] = known
        .map((k) => ({ k, s: Math.max(areaNameSimilarity(written, k), typedAlike(written, k)) }))
        .filter((x) => x.s >= 0.6)
        .sort((x, y) => y.s - x.s);
      const guess = best ? ` (did you mean "${best.k}"?)` : '';
      return this.problem(path, `not a field Tandem reads${guess}`, { key: true });
    });
  }

  /**
   * Validates the document against a zod schema, turning every issue into a located problem with
   * a reason a person can act on (what was expected, what was found). Throws `invalid-file`.
   */
  validate<T>(schema: z.ZodType<T>): T {
    const result = schema.safeParse(this.value);
    if (result.success) return result.data;
    const problems = result.error.issues.flatMap((issue) => {
      const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
      // A strict schema's unknown fields, each at its own line: a misspelt `narative:` is named
      // where it stands, not as the whole record's "Unrecognized key" at its first line.
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((k) =>
          this.problem([...path, k], 'not a field Tandem reads (misspelt?)', { key: true }),
        );
      return [
        this.problem(path, describeIssue(issue, valueAt(this.value, path)), {
          key: issue.code === 'invalid_key',
        }),
      ];
    });
    // In the order they stand in the file, as a person reads it down.
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw invalidDocument(this.name, problems);
  }
}

/**
 * Fields of `raw` that the schema dropped on the way to `parsed` (a zod object strips keys it does
 * not know), each with its path; walked in parallel so a field is named where it was written.
 * Siblings that were read are offered as the field meant. A field written under another name the
 * schema reads (`aliases`: `femmes` for `women`) is read as that one.
 */
function droppedFields(
  raw: unknown,
  parsed: unknown,
  path: PathSegment[],
  out: { path: PathSegment[]; known: string[] }[],
  aliases: Readonly<Record<string, string>>,
): void {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (const [i, item] of raw.entries()) droppedFields(item, parsed[i], [...path, i], out, aliases);
    return;
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return;
  const known = Object.keys(parsed);
  for (const [k, v] of Object.entries(raw)) {
    const alias = ownValue(aliases, k);
    const read = Object.hasOwn(parsed, k)
      ? k
      : alias !== undefined && Object.hasOwn(parsed, alias)
        ? alias
        : null;
    if (read !== null) droppedFields(v, parsed[read], [...path, k], out, aliases);
    else out.push({ path: [...path, k], known });
  }
}

/**
 * How alike two field names are as typed: 1 less their edit distance (a letter added, dropped,
 * changed, or two side by side swapped: "qouta" for "quota") over the longer's length.
 */
function typedAlike(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return 1 - d[x.length]![y.length]! / Math.max(1, x.length, y.length);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * The parser's complaint, and what to do where it is the common slip of a value holding ": "
 * unquoted (ACLED's actor names do: "JNIM: Group for Support of Islam and Muslims"): the line's
 * key is named and quoting the value suggested.
 */
function yamlReason(e: { code: string; message: string }, text: string, line: number): string {
  const reason = e.message.split('\n')[0]!;
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' && !/Nested mappings are not allowed/.test(reason)) return reason;
  const key = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:\s+\S/.exec(text.split(/\r?\n/)[line - 1] ?? '')?.[1];
  return key
    ? `${reason}: the value of ${key} holds ": "; put it in quotes ("…")`
    : `${reason}: a value that holds ": " must be put in quotes ("…")`;
}

const TOO_DEEP = `lists and mappings are nested more than ${MAX_NESTING_DEPTH} levels deep; refused, as a file built to exhaust the reader would be`;

/**
 * How deep the lexer's view of a text may seem before it is refused unparsed. The parser recurses
 * once per level and, thousands deep, it is slow and can overflow the stack in a way that kills
 * the process (V8 aborts when a regular expression compiles with no stack left), so depth is
 * bounded from the tokens first. The bound is rough but never below the true depth; the exact
 * limit, MAX_NESTING_DEPTH, is checked on the parsed tree.
 */
const ROUGH_DEPTH_LIMIT = 200;

const TOO_DEEP_ROUGHLY = `lists and mappings are nested or indented too deeply here (a plan or process needs fewer than ${MAX_NESTING_DEPTH} levels); refused unread, as a file built to exhaust the reader would be`;

/**
 * The offset where the rough depth of `text` first passes ROUGH_DEPTH_LIMIT, or undefined. Inside
 * flow collections (`[`, `{`, JSON) depth is counted exactly; in block style, a collection nested
 * in another starts further right, or at most every second level at the same column, so twice the
 * indentation plus the indicators (`-`, `?`, `:`) on the line bounds it.
 */
function roughlyTooDeep(text: string): number | undefined {
  let offset = 0;
  let indent = -1;
  let onLine = 0;
  let flow = 0;
  let flowBase = 0;
  let col = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers for document, flow-error and scalar starts take no room in the text.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token === '\n' || token === '\r\n') {
      offset += token.length;
      col = 0;
      indent = -1;
      onLine = 0;
      continue;
    }
    if (indent < 0 && token.trim() !== '') indent = col;
    const block = 2 * (Math.max(indent, 0) + 1) + onLine;
    if (token === '[' || token === '{') {
      if (flow === 0) flowBase = block;
      flow++;
    } else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (flow === 0 && (token === '-' || token === '?' || token === ':')) onLine++;
    if ((flow > 0 ? flowBase + flow : block) > ROUGH_DEPTH_LIMIT) return offset;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    col = newline < 0 ? col + token.length : token.length - newline - 1;
  }
  return undefined;
}

/**
 * Walks the parsed tree without recursion (so depth cannot overflow the stack here): where the
 * nesting first passes MAX_NESTING_DEPTH, and where the first alias sits.
 */
function measure(root: unknown): { tooDeep?: number; firstAlias?: number } {
  const out: { tooDeep?: number; firstAlias?: number } = {};
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isAlias(node)) {
      const offset = rangeStart(node) ?? 0;
      if (out.firstAlias === undefined || offset < out.firstAlias) out.firstAlias = offset;
    } else if (isCollection(node)) {
      if (depth >= MAX_NESTING_DEPTH) {
        out.tooDeep = rangeStart(node) ?? 0;
        return out;
      }
      for (const item of node.items) {
        if (isPair(item)) {
          stack.push([item.key, depth + 1], [item.value, depth + 1]);
        } else stack.push([item, depth + 1]);
      }
    }
  }
  return out;
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

  /** `headline`, for a file wrong as a whole: the one line said instead of the problems listed. */
  constructor(file: string, problems: DocumentProblem[], headline?: string) {
    const shown = problems.slice(0, 20).map((p) => formatDocumentProblem(file, p));
    if (problems.length > 20) shown.push(`… and ${problems.length - 20} more`);
    const head = problems.length === 1 ? 'is not valid' : `has ${problems.length} problems`;
    super(headline ? `${file}: ${headline}` : `${file} ${head}:\n  ${shown.join('\n  ')}`);
    this.name = 'InvalidDocumentError';
    this.file = file;
    this.problems = problems;
  }
}

export function invalidDocument(name: string, problems: DocumentProblem[]): InvalidDocumentError {
  return new InvalidDocumentError(name, problems);
}

/** A file that is not a YAML or JSON document at all, but `other` (a CSV file, a PDF file). */
function notA(name: string, kind: string, other: string): InvalidDocumentError {
  const reason = `not ${kind} (YAML or JSON expected); this is ${other}`;
  return new InvalidDocumentError(name, [{ path: '', line: 1, column: 1, reason }], reason);
}

/**
 * What JSON.parse finds wrong with a text that opens as JSON (`{` or `[`), placed by line and
 * column; undefined for any other text, or when JSON reads it (the YAML reader's error stands).
 * Where JSON.parse gives no position (Node 20 says only "Unexpected token '@', …"), the YAML
 * reader's place (`yamlAt`) is kept with JSON's reason, without the snippet of the file.
 */
function jsonProblem(
  text: string,
  lines: LineCounter,
  yamlAt?: DocumentProblem,
): DocumentProblem[] | undefined {
  if (!/^\uFEFF?\s*[{[]/.test(text)) return undefined;
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    const end = /^Unexpected end of JSON input/.test(message);
    const reason = end
      ? 'JSON: the JSON ends before its last value, list or object is closed'
      : `JSON: ${message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/,\s+(?:\.\.\.)?".*is not valid JSON$/s, '')}`;
    if (!at && !end) return yamlAt && [{ ...yamlAt, reason }];
    const offset = at ? Number(at[1]) + (text.startsWith('\uFEFF') ? 1 : 0) : text.trimEnd().length;
    const pos = lines.linePos(offset);
    return [{ path: '', line: pos.line, column: pos.col, reason }];
  }
}

/**
 * An ignored field's reason as a French note says it: "not a field Tandem reads (did you mean
 * "kind"?)" is "champ que Tandem ne lit pas (vouliez-vous dire « kind » ?)". The field's path and
 * the names it suggests are kept as written.
 */
export function ignoredFieldInFrench(line: string): string {
  return line
    .replace(
      /not a field Tandem reads \(did you mean "([^"]*)"\?\)/g,
      'champ que Tandem ne lit pas (vouliez-vous dire « $1 » ?)',
    )
    .replace(/not a field Tandem reads \(misspelt\?\)/g, 'champ que Tandem ne lit pas (mal orthographié ?)')
    .replace(/not a field Tandem reads/g, 'champ que Tandem ne lit pas');
}
