import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import type { AgreementFormat } from '../domain/agreement.ts';
import { AGREEMENT_FILE_MAX, fileProblem, notAFile } from '../domain/file-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { decodeWindows1252 } from '../sources/windows-1252.ts';
import { normaliseAgreementText } from './agreement-text-normaliser.ts';
import { docxText } from './docx-text.ts';
import { dropRunningLines } from './pdf-running-lines.ts';

/** An agreement file as read: its format, the normalised text and a title guessed from it. */
export interface AgreementSource {
  path: string;
  format: AgreementFormat;
  title: string;
  text: string;
}

/**
 * Reads a .txt, .md, .pdf or .docx agreement and normalises its text. The format is taken from the
 * file's first bytes (a PDF or a zip) before its extension, so a misnamed file still reads. Files
 * that are missing, empty, binary or broken raise TandemError('unreadable-file', path: reason).
 */
export async function readAgreementFile(path: string): Promise<AgreementSource> {
  let bytes: Buffer;
  try {
    const problem = notAFile(await stat(path), AGREEMENT_FILE_MAX);
    if (problem) throw new TandemError('unreadable-file', `${path}: ${problem}`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError('unreadable-file', `${path}: ${fileProblem(e)}`);
  }
  return readAgreementBytes(bytes, path);
}

/**
 * Reads an agreement from its bytes; `name` (a path or an uploaded file's name) gives the
 * extension to fall back on and starts every error message.
 */
export async function readAgreementBytes(bytes: Buffer, name: string): Promise<AgreementSource> {
  const path = name;
  if (bytes.length === 0) throw new TandemError('unreadable-file', `${path}: the file is empty`);
  const format = detectFormat(path, bytes);
  let raw: string;
  let metaTitle = '';
  try {
    if (format === 'pdf') ({ text: raw, title: metaTitle } = await pdfText(bytes, path));
    else if (format === 'docx') raw = await docxText(bytes, path);
    else {
      raw = decodeText(path, bytes);
      assertNotATable(path, raw);
    }
  } catch (e) {
    if (e instanceof TandemError) throw e;
    throw new TandemError(
      'unreadable-file',
      `${path}: could not read the ${format.toUpperCase()} file (${(e as Error).message})`,
    );
  }
  const text = normaliseAgreementText(format === 'md' ? stripMarkdown(raw) : raw, {
    reflow: format === 'pdf' ? true : 'auto',
    dropPageNumbers: format === 'pdf' ? true : 'auto',
  });
  if (!/\p{L}{2,}/u.test(text)) {
    const why = format === 'pdf' ? ' (a scanned PDF needs OCR first)' : '';
    throw new TandemError('unreadable-file', `${path}: no text found${why}`);
  }
  return { path, format, title: guessTitle(text, metaTitle, path), text };
}

/**
 * Files of tables and records (event exports, boundaries, plans, PA-X's CSV): read as text they
 * would be "reviewed" as one long provision, or stored in the corpus as an agreement.
 */
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.json', '.geojson', '.yaml', '.yml', '.xlsx', '.xls']);

function detectFormat(path: string, bytes: Buffer): AgreementFormat {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (bytes.includes('word/document.xml')) return 'docx';
    throw new TandemError('unreadable-file', `${path}: a zip file that is not a Word (.docx) document`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') throw new TandemError('unreadable-file', `${path}: named .pdf but is not a PDF file`);
  if (ext === '.docx')
    throw new TandemError('unreadable-file', `${path}: named .docx but is not a Word document`);
  if (ext === '.doc')
    throw new TandemError(
      'unreadable-file',
      `${path}: old Word (.doc) files are not read; save as .docx or PDF`,
    );
  const head = bytes
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (head.startsWith('{\\rtf'))
    throw new TandemError(
      'unreadable-file',
      `${path}: an RTF document, which is not read; save it as Word (.docx), PDF or plain text`,
    );
  if (ext === '.html' || ext === '.htm' || /^<(!doctype html|html)\b/i.test(head))
    throw new TandemError(
      'unreadable-file',
      `${path}: a web page (HTML), which is not read; save it as PDF (print it to PDF) or as plain text`,
    );
  if (DATA_EXTENSIONS.has(ext))
    throw new TandemError(
      'unknown-format',
      `${path}: a ${ext} file holds data, not an agreement's text; an agreement is read from .txt, .md, .pdf or .docx`,
    );
  return ext === '.md' || ext === '.markdown' ? 'md' : 'txt';
}

/**
 * UTF-16 (little- or big-endian) when the file starts with its byte-order mark, as Windows Notepad
 * saves "Unicode" text; else UTF-8 when valid, else Windows-1252 (Latin-1 exports are common);
 * binary content is refused.
 */
function decodeText(path: string, bytes: Buffer): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : '';
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new TandemError(
        'unreadable-file',
        `${path}: starts as UTF-16 text but is not valid UTF-16; save it again as UTF-8 text`,
      );
    }
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0)
      throw new TandemError('unreadable-file', `${path}: binary content, not a text, PDF or Word file`);
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sample.length * 0.05) {
    throw new TandemError('unreadable-file', `${path}: binary content, not a text, PDF or Word file`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * A table saved under a text file's name (an event export renamed .txt) is refused like a .csv:
 * read as prose it was "reviewed" as one provision of 76,000 characters and stored as a precedent
 * (a CLI probe). A table is lines that split into the same number of columns, five or more, by
 * one separator (quoted fields kept whole); an agreement's lines do not.
 */
function assertNotATable(path: string, text: string): void {
  const head = text.slice(0, 64 * 1024);
  for (const delimiter of [',', ';', '\t', '|']) {
    // Quoted fields kept whole, as an export writes its notes.
    const rows = Papa.parse<string[]>(head, { delimiter, preview: 20, skipEmptyLines: true }).data;
    if (rows.length < 3) return;
    const width = rows[0]!.length;
    if (width >= 5 && rows.filter((r) => r.length === width).length >= rows.length * 0.8)
      throw new TandemError(
        'unknown-format',
        `${path}: a table (lines of ${width} columns separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}), not an agreement's text; an event file is imported with tandem import, and an agreement is read from its prose (.txt, .md, .pdf or .docx)`,
      );
  }
}

async function pdfText(bytes: Buffer, path: string): Promise<{ text: string; title: string }> {
  const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  assertTextLayer(path, text as string[]);
  let title = '';
  try {
    const meta = await getMeta(pdf);
    const info = meta.info as Record<string, unknown> | undefined;
    if (typeof info?.Title === 'string') title = info.Title.trim();
  } catch {
    // A PDF without readable metadata still has its text.
  }
  return { text: dropRunningLines(text as string[]).join('\n\n'), title };
}

/**
 * The fewest words a page of an agreement's text layer holds on average. A scanned agreement
 * printed with a browser's running header and footer ("12/6/26, 9:56 PM file:///…/draft.html
 * 1/1") has those lines and nothing else: read, they were reviewed as an English text of 64
 * characters with every category a gap.
 */
const WORDS_PER_PAGE_AT_LEAST = 10;

function assertTextLayer(path: string, pages: readonly string[]): void {
  let words = 0;
  for (const page of pages) {
    words += page.replace(/\S+:\/\/\S+/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;
  }
  if (words >= WORDS_PER_PAGE_AT_LEAST * Math.max(1, pages.length)) return;
  throw new TandemError(
    'unreadable-file',
    `${path}: only ${words} word${words === 1 ? '' : 's'} of text on ${pages.length} page${pages.length === 1 ? '' : 's'}: a scanned PDF needs OCR first`,
  );
}

/** Markdown headings, emphasis and bullets carry no meaning for coding; tables keep their pipes. */
function stripMarkdown(raw: string): string {
  return raw
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '');
}

/**
 * The agreement's own name: the first of the opening lines that names an instrument ("Agreement
 * on ...", "Memorandum of ..."), else the first line with words, else the file name.
 */
export function guessTitle(text: string, metaTitle: string, path: string): string {
  // Word prints "Microsoft Word - draft.docx" where the author set no title.
  const meta = metaTitle.replace(/^microsoft (word|powerpoint|excel) - /i, '');
  if (
    meta &&
    !/^(untitled|sans titre|microsoft word|document\d*)$/i.test(meta) &&
    // A file name set as the title by the program that printed it (Chromium: "draft.html").
    !/\.(docx?|pdf|html?|odt|rtf|txt|md)$/i.test(meta) &&
    // Or the page's address: "file:///…", "about:blank" for a page written by a script.
    !/^((file|https?):\/\/|about:|blob:)/i.test(meta)
  ) {
    return meta;
  }
  const opening = text
    .split('\n', 40)
    .map((l) => l.trim())
    .filter((l) => /\p{L}{3,}/u.test(l) && l.length <= 200)
    .slice(0, 15);
  const named = opening.find((l) =>
    /\b(agreement|accord|memorandum|protocol|declaration|statement|treaty|communiqu[eé]|framework|arrangements?|cease-?fire|truce|pact|roadmap|package of measures)\b/i.test(
      l,
    ),
  );
  const title = named ?? opening[0];
  if (title) return title.replace(/[,:;]$/, '');
  return basename(path).replace(/\.[^.]+$/, '');
}
