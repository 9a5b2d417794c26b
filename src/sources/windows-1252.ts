/**
 * Windows-1252, as Excel and Word save text on Western-language Windows: Latin-1 but for the
 * bytes 0x80–0x9F, which hold the curly quotes, dashes, the euro sign and the ellipsis. Node 20's
 * TextDecoder('windows-1252'), asked to decode a whole buffer at once (not streaming), decodes
 * those bytes as Latin-1's control characters (’ became U+0092), so a French agreement's "l’État"
 * lost its apostrophe and its coding changed. The five bytes the code page leaves undefined stay
 * as they are, as the WHATWG decoder leaves them.
 */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const C1 = /[\u0080-\u009f]/g;

/** Decodes Windows-1252 bytes; one byte is one character, so any chunk decodes on its own. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}

/** A decoder with TextDecoder's shape, for code that decodes every encoding alike. */
export function textDecoder(encoding: string): {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
} {
  if (encoding === 'windows-1252') return { decode: (bytes) => (bytes ? decodeWindows1252(bytes) : '') };
  return new TextDecoder(encoding);
}
