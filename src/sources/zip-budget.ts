import type JSZip from 'jszip';
import { TandemError } from '../domain/tandem-error.ts';

// Office files are zip archives, and a zip's small bytes may unpack to gigabytes (a "zip bomb"):
// a 122 kB .docx of 40 MB of paragraphs, or an .xlsx whose one cell stands at XFD1048576, took
// the server past 4 GB of memory and down (an attack probe). Entries are unpacked as streams and
// counted as they come, whatever sizes the archive declares, and refused past a budget.

/** The part of JSZip's StreamHelper used here. */
interface UnpackStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): UnpackStream;
  on(event: 'error', f: (e: Error) => void): UnpackStream;
  on(event: 'end', f: () => void): UnpackStream;
  pause(): UnpackStream;
  resume(): UnpackStream;
}

/**
 * The entries of `zip` whose names `wanted` accepts, unpacked as text, within `budget` bytes in
 * all; past it the file is refused as too large ('too-large', HTTP 413), naming `file` and what
 * the budget is for.
 */
export async function unpackWithin(
  zip: JSZip,
  wanted: (name: string) => boolean,
  budget: { bytes: number; file: string; what: string },
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let used = 0;
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir || !wanted(name)) continue;
    const chunks: Uint8Array[] = [];
    await new Promise<void>((resolve, reject) => {
      let done = false;
      // JSZip's own stream of the entry, unpacked chunk by chunk (not in its published types).
      const stream = (
        entry as unknown as { internalStream(type: 'uint8array'): UnpackStream }
      ).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          if (done) return;
          used += chunk.length;
          if (used > budget.bytes) {
            done = true;
            stream.pause();
            reject(
              new TandemError(
                'too-large',
                `${budget.file}: ${budget.what} unpack to more than ${Math.round(budget.bytes / (1024 * 1024))} MB, more than Tandem reads from one file; split it, or save it as plain text or CSV`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        })
        .on('error', (e: Error) => {
          if (done) return;
          done = true;
          reject(e);
        })
        .on('end', () => {
          if (done) return;
          done = true;
          resolve();
        })
        .resume();
    });
    out.set(name, Buffer.concat(chunks).toString('utf8'));
  }
  return out;
}
