import { saveFile } from './file-download.ts';

/**
 * Saves rows as a CSV file the person downloads. Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) are escaped: rows set aside are text from
 * outside files, and must not become formulas when opened. Papaparse is loaded on first use.
 */
export async function downloadCsv(fileName: string, rows: Record<string, unknown>[], columns: string[]) {
  const { unparse } = await import('papaparse');
  const text = unparse(
    { fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  saveFile(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName);
}
