import { FORMULA_START } from '../../src/domain/spreadsheet-formula.ts';
import { saveFile } from './file-download.ts';

/**
 * Saves rows as a CSV file the person downloads. Cells that a spreadsheet would run as a formula
 * (FORMULA_START, as the server's exports judge them: a line break inside the cell included) are
 * escaped: rows set aside are text from outside files, and must not become formulas when opened.
 * Papaparse is loaded on first use.
 */
export async function downloadCsv(fileName: string, rows: Record<string, unknown>[], columns: string[]) {
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  const text = await csvText(rows, columns);
  saveFile(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** The CSV text downloadCsv saves. */
export async function csvText(rows: Record<string, unknown>[], columns: string[]): Promise<string> {
  // Named in the browser's bundle; the CommonJS module's default under Node (the tests).
  const papaparse = await import('papaparse');
  const unparse = papaparse.unparse ?? papaparse.default.unparse;
  return unparse(
    { fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
}
