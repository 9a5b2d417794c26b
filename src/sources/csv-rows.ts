import Papa from 'papaparse';
import { type OddLine, type TextFileInfo, textStream } from './text-file.ts';

/** One CSV record with the line it starts on (1-based), counting newlines inside quoted fields. */
export interface CsvRow {
  line: number;
  fields: string[];
  /** Set when the parser found the row malformed (an unclosed quote, usually a truncated file). */
  error?: string;
  /** With `error`: the last line the row ran to (a quote left open swallows the lines after it). */
  lastLine?: number;
  /**
   * Set, to the row's length in characters, when the row was longer than MAX_ROW_CHARS and was
   * skipped unparsed; `fields` then holds only the row's first 2,000 characters, to show.
   */
  tooLong?: number;
  /** Set when a line of the row is in another encoding than the file's (TextFileInfo.oddLines). */
  oddEncoding?: OddLine;
}

/** A row longer than this is set aside: no real event needs it, and it is usually a broken quote. */
export const MAX_ROW_CHARS = 1_000_000;

export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  /**
   * Lines end in "\r\n" and in "\n" alike (files pasted together from two machines): read as "\n"
   * with every "\r\n" made "\n" first, or the "\n" lines ran together into one row.
   */
  mixedNewlines?: boolean;
}

export const CSV_DELIMITERS = [',', ';', '\t', '|'];

/**
 * Guesses the delimiter and line ending from the first line: the delimiter is the candidate that
 * occurs most often outside quotes (Excel in much of Europe saves CSV with semicolons).
 */
export function sniffCsvDialect(head: string): CsvDialect {
  const nl = head.search(/\r\n|\n|\r/);
  const newline = nl === -1 ? '\n' : head[nl] === '\r' ? (head[nl + 1] === '\n' ? '\r\n' : '\r') : '\n';
  const first = nl === -1 ? head : head.slice(0, nl);
  let best = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of first) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  // Both endings in the head, outside quotes: the lines that end in a bare "\n" must end rows too.
  if (newline === '\r\n' && endsLinesWithBareLineFeed(head, best))
    return { delimiter: best, newline: '\n', mixedNewlines: true };
  return { delimiter: best, newline };
}

/**
 * Whether a line of `head` ends in "\n" without "\r" before it, outside quoted fields (a field is
 * quoted when its first character is `"`; `""` inside it is a quote). A file's last line break
 * alone does not count: a file saved with "\r\n" and given a final "\n" reads as it did.
 */
function endsLinesWithBareLineFeed(head: string, delimiter: string): boolean {
  let quoted = false;
  const end = head.trimEnd().length;
  for (let i = 0; i < end; i++) {
    const c = head[i];
    if (quoted) {
      if (c === '"') {
        if (head[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '"') {
      const before = head[i - 1];
      if (i === 0 || before === delimiter || before === '\n' || before === '\r') quoted = true;
    } else if (c === '\n' && head[i - 1] !== '\r') return true;
  }
  return false;
}

/** Splits the first lines of a text into rows, for format detection. */
export function parseHeadRows(head: string, dialect: CsvDialect, rows = 3): string[][] {
  const r = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, preview: rows }).parse(
    dialect.mixedNewlines ? head.replace(/\r\n/g, '\n') : head,
    0,
    false,
  );
  return r.data as string[][];
}

/** How many line breaks end `text` ("\r\n" is one). */
function trailingLineBreaks(text: string): number {
  const m = /(?:\r?\n)+$/.exec(text);
  return m ? m[0].split('\n').length - 1 : 0;
}

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    let i = f.indexOf('\n');
    while (i !== -1) {
      n++;
      i = f.indexOf('\n', i + 1);
    }
  }
  return n;
}

/**
 * Streams a CSV file as batches of rows, decoding it as inspected and parsing with papaparse's
 * core parser chunk by chunk (so a file of any size runs in bounded memory). Blank lines are
 * skipped but counted, so every row keeps its true line number.
 */
export async function* readCsvRows(info: TextFileInfo, dialect: CsvDialect): AsyncGenerator<CsvRow[]> {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  let line = 1;
  let pending = '';
  // Lines in another encoding are counted by line feeds, as rows are (bar "\r"-only files).
  const odd = dialect.newline === '\r' ? undefined : info.oddLines;
  let base = 0;
  /** `quotedNewlines` false when no field of `data` holds a newline (then none is looked for). */
  const toRows = (data: string[][], errors: Papa.ParseError[], quotedNewlines = true): CsvRow[] => {
    const bad = new Map<number, string>();
    for (const e of errors) if (e.row !== undefined) bad.set(e.row, e.message);
    const out: CsvRow[] = [];
    for (let i = 0; i < data.length; i++) {
      const fields = data[i];
      const start = line;
      line += quotedNewlines ? 1 + countNewlines(fields) : 1;
      if (fields.length === 1 && fields[0] === '') continue;
      const row: CsvRow = { line: start, fields };
      const err = bad.get(i);
      if (err) {
        row.error = err;
        // The last line that holds any of the row: a quote left open at the end of the file takes
        // its final line break in, which ends the last line rather than begins another.
        row.lastLine = Math.max(start, line - 1 - trailingLineBreaks(fields.at(-1) ?? ''));
      }
      if (odd) {
        for (let n = start; n < line; n++) {
          const oddLine = odd.get(n);
          if (oddLine) {
            row.oddEncoding = oddLine;
            break;
          }
        }
      }
      out.push(row);
    }
    return out;
  };
  // Chunks of 64 KB: the rows parsed from one chunk are alive together, and fewer of them
  // outliving a young-generation collection makes garbage collection much cheaper. Below 128 KB
  // too, a chunk's text is an ordinary young string: a larger one is allocated apart, in pages of
  // its own, which made decoding the file cost several times more.
  // An unfinished row is parsed again from its start with every chunk, so a row must not grow
  // without bound: past MAX_ROW_CHARS it is skipped to its end, unparsed (see RowSkipper). Else a
  // 10 MB row cost seconds and a 60 MB one minutes, quadratically.
  let skipper: RowSkipper | null = null;
  /** A "\r" that ended the last chunk, whose "\n" may begin the next (mixedNewlines). */
  let carry = '';
  for await (const chunk of textStream(info, 64 * 1024)) {
    let piece = chunk as string;
    if (dialect.mixedNewlines) {
      piece = carry + piece;
      carry = piece.endsWith('\r') ? '\r' : '';
      piece = (carry ? piece.slice(0, -1) : piece).replace(/\r\n/g, '\n');
    }
    let text = pending + piece;
    for (;;) {
      if (skipper) {
        const end = skipper.scan(text);
        if (end === -1) {
          text = '';
          break;
        }
        const start = line;
        line += 1 + skipper.newlines;
        yield [{ line: start, fields: [skipper.head], tooLong: skipper.length }];
        skipper = null;
        text = text.slice(end);
        base += end;
      }
      const r = parser.parse(text, base, true);
      const consumed = r.meta.cursor - base;
      if (r.data.length) {
        // Every row parsed here ended with a line break (the unfinished last one waits for the
        // next chunk), so the "\n" beyond one a row (none a row for "\r" breaks) are inside
        // fields: when there are none, no row needs its fields searched.
        let n = 0;
        for (let i = text.indexOf('\n'); i !== -1 && i < consumed; i = text.indexOf('\n', i + 1)) n++;
        const breaks = dialect.newline === '\r' ? 0 : r.data.length;
        yield toRows(r.data as string[][], r.errors, n !== breaks);
      }
      text = text.slice(consumed);
      base += consumed;
      if (text.length <= MAX_ROW_CHARS) break;
      // The unfinished row is already too long: follow it from its start to its end. (Should
      // the skipper find an end papaparse did not, in a malformed quote, the skipper decides.)
      skipper = new RowSkipper(dialect);
    }
    pending = text;
  }
  if (skipper) {
    // The file ended inside the over-long row.
    yield [{ line, fields: [skipper.head], tooLong: skipper.length }];
    return;
  }
  pending += carry;
  if (pending) {
    const r = parser.parse(pending, base, false);
    // The last line of a file without a final newline; papaparse adds an empty row for a lone
    // trailing newline, which toRows skips.
    if (r.data.length) yield toRows(r.data as string[][], r.errors);
  }
}

/**
 * Follows one over-long row to its end, chunk by chunk, without keeping it: quotes as CSV has them
 * (a field that starts with `"` runs to the next lone `"`, and `""` is a quote inside it), the
 * row ending at the first line break outside quotes. Linear in the row's length.
 */
class RowSkipper {
  /** The row's first characters, to show in the problem. */
  head = '';
  length = 0;
  /** Line breaks inside the row (in quoted fields), so the rows after it keep their line numbers. */
  newlines = 0;
  private state: 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' = 'field-start';
  private lastWasCr = false;
  private readonly delimiter: string;
  private readonly newline: CsvDialect['newline'];

  constructor(dialect: CsvDialect) {
    this.delimiter = dialect.delimiter;
    this.newline = dialect.newline;
  }

  /** Reads on through `text`; returns where the row ends in it (after its line break), or -1. */
  scan(text: string): number {
    if (this.head.length < 2000) this.head += text.slice(0, 2000 - this.head.length);
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      const cr = this.lastWasCr;
      this.lastWasCr = c === '\r';
      if (this.state === 'quoted') {
        if (c === '"') this.state = 'quote-in-quoted';
        else if (c === '\n') this.newlines++;
        continue;
      }
      if (this.state === 'quote-in-quoted' && c === '"') {
        this.state = 'quoted';
        continue;
      }
      const ends = this.newline === '\n' ? c === '\n' : this.newline === '\r' ? c === '\r' : c === '\n' && cr;
      if (ends) {
        this.length += i + 1 - this.newline.length;
        return i + 1;
      }
      if (c === '\n') this.newlines++;
      if (c === this.delimiter) this.state = 'field-start';
      else if (c === '"' && this.state === 'field-start') this.state = 'quoted';
      else this.state = 'unquoted';
    }
    this.length += text.length;
    return -1;
  }
}
