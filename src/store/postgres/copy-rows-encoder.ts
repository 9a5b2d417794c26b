import {
  NUMBERS_PER_ROW,
  type PackedRows,
  type RowUnpacker,
  TEXTS_PER_ROW,
  WORDS_PER_ROW,
} from '../packed-rows.ts';

/** A value in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyText(x: string | number | null): string {
  if (x === null) return '\\N';
  if (typeof x === 'number') return String(x);
  return SPECIAL.test(x) ? x.replace(ESCAPES, (c) => ESCAPED[c]) : x;
}
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const TAB = 0x09;
const NEWLINE = 0x0a;
const NULL_MARK = Buffer.from('\\N');

/** Writes a small non-negative integer's decimal digits at `at`; returns where they end. */
function writeDigits(buf: Buffer, at: number, x: number): number {
  let digits = 1;
  for (let y = x; y >= 10; y = Math.floor(y / 10)) digits++;
  let y = x;
  for (let k = at + digits - 1; k >= at; k--) {
    buf[k] = 0x30 + (y % 10);
    y = Math.floor(y / 10);
  }
  return at + digits;
}

/**
 * Packed rows as the bytes of COPY's text format, written straight into one buffer per batch.
 * Building each line as a string and joining them cost the import's writing thread as much as
 * reading the file did (most of it in the garbage collector); here every dictionary word is
 * encoded once for the whole file and each row's own texts are written in place.
 */
export class CopyRowsEncoder {
  /** The encoded bytes of each dictionary word, by code. */
  private readonly wordBytes: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(1 << 20);

  /** The bytes of rows [from, to) of a batch, each line ending with `tail` (already escaped). */
  encode(unpacker: RowUnpacker, p: PackedRows, from: number, to: number, tail: string): Buffer {
    const words = unpacker.words;
    const wordBytes = this.wordBytes;
    while (wordBytes.length < words.length) wordBytes.push(Buffer.from(copyText(words[wordBytes.length])));
    const tailBytes = tail ? Buffer.from(tail) : null;
    const { codes, texts, numbers } = p;
    let buf = this.buffer;
    let at = 0;
    for (let i = from; i < to; i++) {
      // The most a row can take: its words, each text escaped (at most 2 × 3 bytes a UTF-16
      // unit), each number's digits, the separators and the tail.
      let most = (tailBytes?.length ?? 0) + 64 * NUMBERS_PER_ROW + 2 * (WORDS_PER_ROW + TEXTS_PER_ROW);
      const w = i * WORDS_PER_ROW;
      for (let k = 0; k < WORDS_PER_ROW; k++) {
        const code = codes[w + k];
        most += code === -1 ? 2 : wordBytes[code].length;
      }
      const t = i * TEXTS_PER_ROW;
      for (let k = 0; k < TEXTS_PER_ROW; k++) most += 6 * (texts[t + k]?.length ?? 1);
      if (at + most > buf.length) {
        const grown = Buffer.allocUnsafe(Math.max(buf.length * 2, at + most));
        buf.copy(grown, 0, 0, at);
        buf = grown;
        this.buffer = grown;
      }
      for (let k = 0; k < WORDS_PER_ROW; k++) {
        if (k) buf[at++] = TAB;
        const code = codes[w + k];
        at += (code === -1 ? NULL_MARK : wordBytes[code]).copy(buf, at);
      }
      for (let k = 0; k < TEXTS_PER_ROW; k++) {
        buf[at++] = TAB;
        const x = texts[t + k];
        if (x === null || x === undefined) at += NULL_MARK.copy(buf, at);
        else at += buf.write(SPECIAL.test(x) ? x.replace(ESCAPES, (c) => ESCAPED[c]) : x, at);
      }
      const u = i * NUMBERS_PER_ROW;
      for (let k = 0; k < NUMBERS_PER_ROW; k++) {
        buf[at++] = TAB;
        const x = numbers[u + k];
        if (Number.isNaN(x)) at += NULL_MARK.copy(buf, at);
        else if (x >= 0 && x < 1e9 && Number.isInteger(x)) at = writeDigits(buf, at, x);
        else at += buf.write(String(x), at, 'latin1');
      }
      if (tailBytes) at += tailBytes.copy(buf, at);
      buf[at++] = NEWLINE;
    }
    // A copy: the stream may hold the bytes after this returns, and the buffer is reused.
    return Buffer.from(buf.subarray(0, at));
  }
}
