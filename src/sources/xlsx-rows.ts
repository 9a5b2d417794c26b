import { open, readFile } from 'node:fs/promises';
import { TandemError } from '../domain/tandem-error.ts';
import { unpackWithin } from './zip-budget.ts';

/** One sheet of a workbook, every cell as text, rows in the sheet's own order from row 1. */
export interface SpreadsheetSheet {
  name: string;
  rows: string[][];
}

/** Whether a file is a zip archive, as every .xlsx workbook is (it starts "PK\x03\x04"). */
export async function isZipFile(path: string): Promise<boolean> {
  // A folder, a missing or unreadable file is not a workbook: the text reader says what it is.
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false;
  } finally {
    await fh.close();
  }
}

/**
 * A cell as the text a CSV export of the sheet would hold, so the same readers serve both: a date
 * (Excel keeps a day number with a date format) becomes YYYY-MM-DD, a number keeps the digits the
 * file stores (no floating-point rounding on the way), TRUE and FALSE become true and false.
 */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * Reads every sheet of an .xlsx workbook (ACLED Explorer's and HDX's spreadsheets, a partner's
 * incident log). Workbooks are read whole: Excel's own limit is about a million rows a sheet, and
 * files that large are better exported to CSV, which streams.
 */
export async function readXlsxSheets(path: string): Promise<SpreadsheetSheet[]> {
  // Read once: the size check and the reader both take the bytes.
  const bytes = await readFile(path);
  await assertReadableSize(path, bytes);
  // Loaded on first use: most imports are CSV, and every command starts faster without it.
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(bytes, { parseNumber: (s: string) => s, trim: false })) as never;
  } catch (e) {
    throw new TandemError(
      'unreadable-file',
      `${path}: not a readable .xlsx workbook (${(e as Error).message}); save it again from Excel, or export it as CSV`,
    );
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) }));
}

/** The most a workbook's sheets and shared strings may unpack to (its XML is held whole). */
const XML_BUDGET = 200 * 1024 * 1024;
/** A sheet's grid (last row × last column) past this must be mostly filled to be read. */
const SPARSE_GRID = 2_000_000;

/**
 * Refuses a workbook that would take more memory to read than its data warrant: sheets unpacking
 * past XML_BUDGET (a 33 MB workbook held 440 MB of XML), or a sheet whose last cell stands far
 * beyond its data, since a sheet is read as a full grid of rows and columns (two cells, A1 and
 * XFD1048576, in a 1.5 kB file took the server past 4 GB and down; an attack probe).
 */
async function assertReadableSize(path: string, bytes: Buffer): Promise<void> {
  const { default: JSZip } = await import('jszip');
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return; // Not a zip after all: read-excel-file says what is wrong with it.
  }
  const sheets = await unpackWithin(
    zip,
    (name) => /^xl\/(?:worksheets\/[^/]+|sharedStrings)\.xml$/.test(name),
    {
      bytes: XML_BUDGET,
      file: path,
      what: 'its sheets',
    },
  );
  for (const [name, xml] of sheets) {
    if (!name.startsWith('xl/worksheets/')) continue;
    let cells = 0;
    let lastRow = 0;
    let lastColumn = 0;
    for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g)) {
      cells++;
      lastRow = Math.max(lastRow, Number(m[2]));
      lastColumn = Math.max(lastColumn, columnNumber(m[1]!));
    }
    const grid = lastRow * lastColumn;
    if (grid > SPARSE_GRID && grid > 20 * cells)
      throw new TandemError(
        'too-large',
        `${path}: ${name.slice('xl/worksheets/'.length)} has ${cells.toLocaleString('en-US')} cells but its last stands at row ${lastRow.toLocaleString('en-US')}, column ${lastColumn.toLocaleString('en-US')}: read as a grid it would take more memory than the server has. Delete the stray cells far from the data, or save the sheet as CSV`,
      );
  }
}

/** A column's number from its letters: A is 1, Z 26, AA 27, XFD 16,384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
