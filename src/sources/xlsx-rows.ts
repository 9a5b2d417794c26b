import { open } from 'node:fs/promises';
import { TandemError } from '../domain/tandem-error.ts';

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
  // Loaded on first use: most imports are CSV, and every command starts faster without it.
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(path, { parseNumber: (s: string) => s, trim: false })) as never;
  } catch (e) {
    throw new TandemError(
      'unreadable-file',
      `${path}: not a readable .xlsx workbook (${(e as Error).message}); save it again from Excel, or export it as CSV`,
    );
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) }));
}
