import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { TandemError } from '../domain/tandem-error.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface TextFileInfo {
  path: string;
  size: number;
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

const CHUNK = 4 * 1024 * 1024;

/**
 * Finds how a text file is encoded, by reading it once: a byte-order mark decides; otherwise the
 * file is UTF-8 if every byte sequence is valid UTF-8, and Windows-1252 (the Latin-1 superset
 * that Excel writes) if not. A NUL byte in a file without a UTF-16 mark means it is not text.
 */
export async function inspectTextFile(path: string): Promise<TextFileInfo> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new TandemError('unreadable-file', `${path}: is a folder, not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError(
      'unreadable-file',
      `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
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
    let utf8 = true;
    let carry = Buffer.alloc(0);
    let offset = 0;
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
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
      if (utf8) {
        const all = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        // Keep back an incomplete multi-byte sequence at the end for the next chunk.
        let cut = all.length;
        for (let i = all.length - 1; i >= Math.max(0, all.length - 4); i--) {
          if ((all[i] & 0xc0) !== 0x80) {
            const lead = all[i];
            const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
            if (all.length - i < need) cut = i;
            break;
          }
        }
        if (!isUtf8(all.subarray(0, cut))) utf8 = false;
        carry = Buffer.from(all.subarray(cut));
      }
      offset += bytesRead;
    }
    if (carry.length && !isUtf8(carry)) utf8 = false;
    return { path, size, encoding: utf8 ? 'utf-8' : 'windows-1252', bomLength: 0 };
  } finally {
    await fh.close();
  }
}

/** A stream of the file's text, decoded as inspected, in chunks of about `chunkSize` bytes. */
export function textStream(info: TextFileInfo, chunkSize = 1024 * 1024): NodeJS.ReadableStream {
  // Node's StringDecoder is several times faster than TextDecoder for UTF-8 and UTF-16LE;
  // TextDecoder is kept for the encodings it alone knows (Windows-1252, UTF-16BE).
  const fast =
    info.encoding === 'utf-8'
      ? new StringDecoder('utf8')
      : info.encoding === 'utf-16le'
        ? new StringDecoder('utf16le')
        : null;
  const slow = fast ? null : new TextDecoder(info.encoding);
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      done(null, fast ? fast.write(chunk) : (slow as TextDecoder).decode(chunk, { stream: true }));
    },
    flush(done) {
      const rest = fast ? fast.end() : (slow as TextDecoder).decode();
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
    return new TextDecoder(info.encoding).decode(buf, { stream: true });
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
