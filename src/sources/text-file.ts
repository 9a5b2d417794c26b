import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { fileProblem, notAFile } from '../domain/file-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { textDecoder } from './windows-1252.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface TextFileInfo {
  path: string;
  size: number;
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /**
   * Lines (1-based, counted by line feeds) in an encoding other than the file's: Latin-1 lines
   * in a UTF-8 file, or UTF-8 lines in a Latin-1 one. Decoded as the rest, they would come out
   * garbled ("CafÃ©", "Caf�"), so the rows on them are set aside with the reason given here.
   */
  oddLines?: Map<number, OddLine>;
}

/** A line in the other encoding: why it is set aside, and its text decoded in its own encoding. */
export interface OddLine {
  reason: string;
  /** The line's first 2,000 bytes, decoded as what they are, so the problem shows them right. */
  text: string;
}

const ODD_LINE_BYTES = 2000;

/** More lines than this in the minority encoding, and the file is refused as a whole. */
const MAX_ODD_LINES = 10_000;

/**
 * Sorts the lines of a file without a byte-order mark into plain ASCII (either encoding),
 * valid UTF-8 with other characters, and not UTF-8, a piece at a time: line feeds never occur
 * inside a UTF-8 sequence, so lines can be cut anywhere a piece ends, bar an incomplete sequence
 * held back for the next piece. Nothing of a line is kept but its verdict, so a line of any
 * length costs linear time.
 */
class LineEncodings {
  line = 1;
  utf8Count = 0;
  otherCount = 0;
  readonly utf8: { line: number; bytes: Buffer }[] = [];
  readonly other: { line: number; bytes: Buffer }[] = [];
  private ascii = true;
  private valid = true;
  private carry: Buffer = Buffer.alloc(0);
  /** The start of the current line, to show should it be set aside. */
  private head: Buffer[] = [];
  private headLength = 0;

  feed(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      let piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (this.carry.length) {
        piece = Buffer.concat([this.carry, piece]);
        this.carry = Buffer.alloc(0);
      }
      if (nl === -1) {
        const cut = incompleteTail(piece);
        this.carry = Buffer.from(piece.subarray(cut));
        piece = piece.subarray(0, cut);
      }
      if (!isAscii(piece)) {
        this.ascii = false;
        if (this.valid && !isUtf8(piece)) this.valid = false;
      }
      if (this.headLength < ODD_LINE_BYTES && piece.length) {
        const part = Buffer.from(piece.subarray(0, ODD_LINE_BYTES - this.headLength));
        this.head.push(part);
        this.headLength += part.length;
      }
      if (nl === -1) return;
      this.endLine();
      start = nl + 1;
    }
  }

  end(): void {
    if (this.carry.length) {
      this.ascii = false;
      this.valid = false;
      this.head.push(this.carry);
    }
    this.endLine();
  }

  private endLine(): void {
    if (!this.ascii) {
      const kept = { line: this.line, bytes: Buffer.concat(this.head) };
      if (this.valid) {
        if (this.utf8Count++ < MAX_ODD_LINES) this.utf8.push(kept);
      } else if (this.otherCount++ < MAX_ODD_LINES) this.other.push(kept);
    }
    this.line++;
    this.ascii = true;
    this.valid = true;
    this.head = [];
    this.headLength = 0;
  }
}

/** Whether a text fed in pieces is valid UTF-8 throughout. */
class Utf8Run {
  private valid = true;
  private carry: Buffer = Buffer.alloc(0);

  feed(chunk: Buffer): void {
    if (!this.valid) return;
    const all = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    // Keep back an incomplete multi-byte sequence at the end for the next piece.
    const cut = incompleteTail(all);
    if (!isUtf8(all.subarray(0, cut))) this.valid = false;
    this.carry = Buffer.from(all.subarray(cut));
  }

  end(): boolean {
    return this.valid && (this.carry.length === 0 || isUtf8(this.carry));
  }
}

/** Where an incomplete UTF-8 sequence starts at the end of `b` (b.length when there is none). */
function incompleteTail(b: Buffer): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
    if ((b[i] & 0xc0) !== 0x80) {
      const lead = b[i];
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      return b.length - i < need ? i : b.length;
    }
  }
  return b.length;
}

/**
 * The file's encoding from its lines' verdicts: UTF-8 when no line is anything else;
 * Windows-1252 when no line is UTF-8 beyond ASCII. A file that mixes them is read in the
 * encoding of the more lines, and the lines in the other are named, to be set aside.
 */
function decideEncoding(
  path: string,
  lines: LineEncodings,
): { encoding: 'utf-8' | 'windows-1252'; oddLines?: Map<number, OddLine> } {
  if (lines.otherCount === 0) return { encoding: 'utf-8' };
  if (lines.utf8Count === 0) return { encoding: 'windows-1252' };
  const utf8 = lines.utf8Count >= lines.otherCount;
  const odd = utf8 ? lines.other : lines.utf8;
  const oddCount = utf8 ? lines.otherCount : lines.utf8Count;
  if (oddCount > MAX_ODD_LINES) {
    throw new TandemError(
      'unreadable-file',
      `${path}: mixes encodings: ${lines.utf8Count} lines are UTF-8 and ${lines.otherCount} are not (Latin-1 or Windows-1252, as Excel saves); re-save the whole file as UTF-8`,
    );
  }
  const reason = utf8
    ? (n: number) =>
        `line ${n} is not valid UTF-8, though ${lines.utf8Count} other line(s) of the file are (Latin-1 or Windows-1252 pasted into a UTF-8 file?): set aside rather than read garbled; re-save it as UTF-8`
    : (n: number) =>
        `line ${n} is UTF-8, though ${lines.otherCount} other line(s) of the file are Latin-1 or Windows-1252: set aside rather than read garbled; re-save the file as UTF-8`;
  // Each odd line decoded in its own encoding: the problem then shows "Café", not "Caf�".
  const own = textDecoder(utf8 ? 'windows-1252' : 'utf-8');
  const oddLines = new Map(
    odd.map(({ line, bytes }) => [
      line,
      { reason: reason(line), text: own.decode(bytes).replace(/\r$/, '') },
    ]),
  );
  return { encoding: utf8 ? 'utf-8' : 'windows-1252', oddLines };
}

const CHUNK = 4 * 1024 * 1024;

/**
 * Finds how a text file is encoded, by reading it once: a byte-order mark decides; otherwise the
 * file is UTF-8 if every byte sequence is valid UTF-8, and Windows-1252 (the Latin-1 superset
 * that Excel writes) if no line is UTF-8 beyond ASCII. A file mixing the two is read in the
 * encoding of most of its lines, the others listed in `oddLines` (see decideEncoding). A NUL
 * byte in a file without a UTF-16 mark means it is not text.
 */
export async function inspectTextFile(path: string): Promise<TextFileInfo> {
  let size: number;
  try {
    const s = await stat(path);
    const problem = notAFile(s);
    if (problem) throw new TandemError('unreadable-file', `${path}: ${problem}`);
    size = s.size;
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError('unreadable-file', `${path}: ${fileProblem(e)}`);
  }
  if (size === 0) throw new TandemError('unreadable-file', `${path}: the file is empty`);
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(4, size));
    await fh.read(head, 0, head.length, 0);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
      return { path, size, encoding: 'utf-8', bomLength: 3 };
    if (head[0] === 0xff && head[1] === 0xfe) return { path, size, encoding: 'utf-16le', bomLength: 2 };
    if (head[0] === 0xfe && head[1] === 0xff) return { path, size, encoding: 'utf-16be', bomLength: 2 };
    const buf = Buffer.alloc(CHUNK);
    // First the whole file as one UTF-8 run (fast, and all most files need); only a file that
    // is not all UTF-8 is read again line by line, to tell Latin-1 from a mix.
    const whole = new Utf8Run();
    for (let offset = 0; ; ) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, offset);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        throw new TandemError(
          'unreadable-file',
          `${path}: not a text file (a NUL byte at offset ${offset + nul}); expected CSV or GeoJSON text`,
        );
      }
      whole.feed(chunk);
      offset += bytesRead;
    }
    if (whole.end()) return { path, size, encoding: 'utf-8', bomLength: 0 };
    const lines = new LineEncodings();
    for (let offset = 0; ; ) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, offset);
      if (bytesRead === 0) break;
      lines.feed(buf.subarray(0, bytesRead));
      offset += bytesRead;
    }
    lines.end();
    return { path, size, bomLength: 0, ...decideEncoding(path, lines) };
  } finally {
    await fh.close();
  }
}

/** A stream of the file's text, decoded as inspected, in chunks of about `chunkSize` bytes. */
export function textStream(info: TextFileInfo, chunkSize = 1024 * 1024): NodeJS.ReadableStream {
  // Node's StringDecoder is several times faster than TextDecoder for UTF-8 and UTF-16LE;
  // TextDecoder is kept for UTF-16BE, and windows-1252.ts decodes Windows-1252.
  const fast =
    info.encoding === 'utf-8'
      ? new StringDecoder('utf8')
      : info.encoding === 'utf-16le'
        ? new StringDecoder('utf16le')
        : null;
  const slow = fast ? null : textDecoder(info.encoding);
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      done(null, fast ? fast.write(chunk) : slow!.decode(chunk, { stream: true }));
    },
    flush(done) {
      const rest = fast ? fast.end() : slow!.decode();
      done(null, rest || undefined);
    },
  });
  return createReadStream(info.path, { start: info.bomLength, highWaterMark: chunkSize }).pipe(decode);
}

/** The first `maxBytes` of the file as text (for sniffing the header and the format). */
export async function readHead(info: TextFileInfo, maxBytes = 1024 * 1024): Promise<string> {
  const fh = await open(info.path, 'r');
  try {
    const n = Math.min(maxBytes, info.size - info.bomLength);
    const buf = Buffer.alloc(n);
    await fh.read(buf, 0, n, info.bomLength);
    return textDecoder(info.encoding).decode(buf, { stream: true });
  } finally {
    await fh.close();
  }
}

/** The whole file as text (for formats that are one document, such as GeoJSON). */
export async function readAllText(info: TextFileInfo): Promise<string> {
  const parts: string[] = [];
  for await (const s of textStream(info)) parts.push(s as string);
  return parts.join('');
}
