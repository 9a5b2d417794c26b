import type { ConflictEvent } from '../domain/conflict-event.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { ACLED_REQUIRED, acledReader, looksLikeAcled, missingAcledColumns } from './acled-reader.ts';
import {
  CSV_DELIMITERS,
  type CsvDialect,
  type CsvRow,
  MAX_ROW_CHARS,
  parseHeadRows,
  readCsvRows,
  sniffCsvDialect,
} from './csv-rows.ts';
import type { EventFormat, EventRowReader } from './event-row-reader.ts';
import { readGedGeoJson } from './ged-geojson-reader.ts';
import { hxlReader } from './hxl-reader.ts';
import { isHashtagRow } from './hxl-tag.ts';
import { tandemExportHashtags } from './tandem-export-reader.ts';
import { tandemGeoJsonExport } from './tandem-geojson-export.ts';
import { inspectTextFile, readAllText, readHead } from './text-file.ts';
import {
  GED_REQUIRED,
  gedCsvReader,
  headerlessGedHeader,
  looksLikeGed,
  missingGedColumns,
} from './ucdp-reader.ts';
import { isZipFile, readXlsxSheets, type SpreadsheetSheet } from './xlsx-rows.ts';

/** What a reader hands on: events with the line they came from, and rows it set aside. */
export interface EventBatch {
  records: { line: number; event: ConflictEvent }[];
  problems: ReadProblem[];
}

/** A file whose format is known and which can be read batch by batch. */
export interface EventFile {
  path: string;
  format: EventFormat;
  /** 'csv', 'geojson' or 'xlsx' (a workbook). */
  container: 'csv' | 'geojson' | 'xlsx';
  encoding: string;
  /** The reader's columns it has no place for (EventRowReader.unreadColumns); none for GED's GeoJSON. */
  unreadColumns: readonly string[];
  batches(): AsyncGenerator<EventBatch>;
}

export interface OpenEventFileOptions {
  /** Force a format instead of detecting it from the header. */
  format?: EventFormat | 'auto';
  batchSize?: number;
}

const UNKNOWN =
  'not a known event format: expected an ACLED export (columns event_id_cnty, event_date, event_type), ' +
  'UCDP GED (id, type_of_violence, date_start, best) as CSV or GeoJSON, a CSV or .xlsx sheet with an HXL hashtag row, ' +
  "or Tandem's own CSV export (source, source_event_id, date_start, violence_type, …)";

/**
 * Opens an event file: checks that it is text, finds its encoding, delimiter and format (from the
 * header, or as forced), and fails at once, naming the file, when it cannot be read. Nothing is
 * read into the store here; `batches()` streams the rows.
 */
export async function openEventFile(path: string, options: OpenEventFileOptions = {}): Promise<EventFile> {
  const forced = options.format && options.format !== 'auto' ? options.format : undefined;
  const batchSize = options.batchSize ?? 5000;
  if (await isZipFile(path)) return openWorkbook(path, forced, batchSize);
  const info = await inspectTextFile(path);
  const head = await readHead(info, 2 * 1024 * 1024);
  if (/^\s*[[{]/.test(head)) {
    // Tandem's own GeoJSON export names its columns in the first feature: only then is it parsed
    // as one (a GED edition of a million features is not parsed twice).
    const ours = (!forced || forced === 'hxl') && head.includes('"source_event_id"');
    const exported = ours ? tandemGeoJsonExport(await readAllText(info)) : null;
    const chosen = exported && chooseRowReader(path, exported.header, undefined, forced);
    if (exported && chosen) {
      return {
        path,
        format: chosen.reader.format,
        container: 'geojson',
        encoding: info.encoding,
        unreadColumns: chosen.reader.unreadColumns ?? [],
        batches: () => rowBatches(path, oneTable(exported.rows), ',', chosen.reader, 0, batchSize, true),
      };
    }
    if (forced && forced !== 'ucdp') {
      throw new TandemError(
        'unknown-format',
        `${path}: is JSON; only UCDP GED comes as GeoJSON, not ${forced}`,
      );
    }
    return {
      path,
      format: 'ucdp',
      container: 'geojson',
      encoding: info.encoding,
      unreadColumns: [],
      async *batches() {
        yield* readGedGeoJson(path, await readAllText(info), batchSize);
      },
    };
  }
  let dialect = sniffCsvDialect(head);
  let rows = parseHeadRows(head, dialect, 2);
  // A sheet with title lines above its header and hashtag row, as HDX sheets often have.
  let titleRows = 0;
  const titled = mayHaveTitles(rows, forced) ? titledHashtagTable(head, dialect) : null;
  if (titled) ({ dialect, rows, titleRows } = titled);
  const header = rows[0] ?? [];
  if (header.length < 2) {
    throw new TandemError(
      'unknown-format',
      `${path}: ${UNKNOWN} (the first line has ${header.length} column)`,
    );
  }
  const sep =
    dialect.delimiter === ','
      ? ''
      : ` (the header is separated by "${dialect.delimiter === '\t' ? 'tab' : dialect.delimiter}")`;
  const chosen = chooseRowReader(path, header, rows[1], forced);
  if (!chosen) {
    const acledMissing = missingAcledColumns(header);
    if (acledMissing)
      throw new TandemError(
        'unreadable-file',
        `${path}: looks like an ACLED export but has no ${acledMissing.join(', ')} column (ACLED's ${ACLED_REQUIRED.join(', ')} are needed)${sep}`,
      );
    const gedMissing = missingGedColumns(header);
    if (gedMissing)
      throw new TandemError(
        'unreadable-file',
        `${path}: looks like UCDP GED but has no ${gedMissing.join(', ')} column (GED's ${GED_REQUIRED.join(', ')} are needed; \`best\` is the best estimate of deaths)`,
      );
    throw new TandemError('unknown-format', `${path}: ${UNKNOWN}${sep}`);
  }
  const { reader, skipRows } = chosen;
  return {
    path,
    format: reader.format,
    container: 'csv',
    encoding: info.encoding,
    unreadColumns: reader.unreadColumns ?? [],
    batches: () =>
      rowBatches(
        path,
        readCsvRows(info, dialect),
        dialect.delimiter,
        reader,
        titleRows + skipRows,
        batchSize,
        false,
      ),
  };
}

/** How far down a hashtag row is looked for, in non-blank rows (HXL: "among the first rows"). */
const TITLE_ROWS_MAX = 25;

/**
 * Whether a table whose first rows are `rows` may be an HXL sheet with title lines above its
 * header: neither of its first two rows is a hashtag row, and the first is no known header.
 */
function mayHaveTitles(rows: string[][], forced: EventFormat | undefined): boolean {
  if (forced && forced !== 'hxl') return false;
  const [first = [], second] = rows;
  if (isHashtagRow(first) || (second && isHashtagRow(second))) return false;
  return !(
    looksLikeAcled(first) ||
    looksLikeGed(first) ||
    headerlessGedHeader(first) ||
    tandemExportHashtags(first)
  );
}

/**
 * A hashtag row below title lines (a title, a date, a source line: HDX sheets often open so),
 * within the first TITLE_ROWS_MAX rows that the row reader keeps (`kept`: the CSV reader drops
 * only empty lines, a sheet's reader rows whose every cell is empty): the header above it, and how
 * many kept rows stand above that header, which the reader then skips. Null when there is none.
 */
function hashtagRowBelowTitles(
  rows: readonly string[][],
  kept: (row: readonly string[]) => boolean,
): { header: string[]; second: string[]; titleRows: number } | null {
  const filled = rows
    .slice(0, 4 * TITLE_ROWS_MAX)
    .filter(kept)
    .slice(0, TITLE_ROWS_MAX);
  for (let k = 2; k < filled.length; k++) {
    const header = filled[k - 1]!;
    if (isHashtagRow(filled[k]!) && !isHashtagRow(header) && header.filter(Boolean).length >= 2)
      return { header, second: filled[k]!, titleRows: k - 1 };
  }
  return null;
}

/** The CSV reader's rule (readCsvRows): only an empty line is no row. */
const keptCsvRow = (row: readonly string[]) => !(row.length === 1 && row[0] === '');
/** The sheet reader's rule (sheetRows): a row of empty cells is no row. */
const keptSheetRow = (row: readonly string[]) => row.some((c) => c !== '');

/**
 * A CSV with title lines above its header and hashtag row: the head parsed as records (a title
 * cell may hold a line break) with each delimiter in turn, the one that finds the hashtag row
 * below titles taken (a title line has no delimiter to go by).
 */
function titledHashtagTable(
  head: string,
  dialect: CsvDialect,
): { dialect: CsvDialect; rows: string[][]; titleRows: number } | null {
  for (const delimiter of CSV_DELIMITERS) {
    const own = { ...dialect, delimiter };
    const found = hashtagRowBelowTitles(parseHeadRows(head, own, 4 * TITLE_ROWS_MAX), keptCsvRow);
    if (found) return { dialect: own, rows: [found.header, found.second], titleRows: found.titleRows };
  }
  return null;
}

/**
 * The reader for a table whose first row is `header` and second `second`: the format forced, or
 * the one the header names (ACLED, GED, or HXL hashtags in either row). Tandem's own plain CSV
 * export is read as its HXL export is (format hxl), with the hashtags its column names stand for.
 * Null when none fits; a forced HXL without hashtags is an error of its own.
 */
function chooseRowReader(
  path: string,
  header: string[],
  second: string[] | undefined,
  forced: EventFormat | undefined,
): { reader: EventRowReader; skipRows: number } | null {
  const tagged = second !== undefined && isHashtagRow(second);
  const exportTags = tandemExportHashtags(header);
  const want =
    forced ??
    (looksLikeAcled(header)
      ? 'acled'
      : looksLikeGed(header) || headerlessGedHeader(header)
        ? 'ucdp'
        : tagged || isHashtagRow(header) || exportTags
          ? 'hxl'
          : null);
  const skipRows = 1 + (tagged ? 1 : 0);
  if (want === 'acled') return { reader: acledReader(path, header), skipRows };
  if (want === 'ucdp' && !looksLikeGed(header)) {
    // A GED file without a header row (UCDP's candidate CSVs): its first line is an event.
    const columns = headerlessGedHeader(header);
    if (columns) return { reader: gedCsvReader(path, columns), skipRows: 0 };
  }
  if (want === 'ucdp') return { reader: gedCsvReader(path, header), skipRows };
  if (want === 'hxl') {
    if (isHashtagRow(header)) return { reader: hxlReader(path, header), skipRows: 1 };
    if (tagged) return { reader: hxlReader(path, second, second, header), skipRows };
    if (exportTags) return { reader: hxlReader(path, exportTags, header), skipRows: 1 };
    throw new TandemError(
      'unknown-format',
      `${path}: --format hxl, but neither of the first two rows holds HXL hashtags, nor is the header Tandem's own CSV export`,
    );
  }
  return null;
}

/**
 * A workbook (.xlsx): the first sheet whose header is a known format is read, so a sheet of notes
 * before the data does not matter. Line numbers are the sheet's row numbers, as Excel shows them.
 */
async function openWorkbook(
  path: string,
  forced: EventFormat | undefined,
  batchSize: number,
): Promise<EventFile> {
  const sheets = await readXlsxSheets(path);
  for (const sheet of sheets) {
    let [header = [], second] = sheet.rows;
    let titleRows = 0;
    const titled = mayHaveTitles(sheet.rows.slice(0, 2), forced)
      ? hashtagRowBelowTitles(sheet.rows, keptSheetRow)
      : null;
    if (titled) ({ header, second, titleRows } = titled);
    if (header.filter(Boolean).length < 2) continue;
    const chosen = chooseRowReader(path, header, second, forced);
    if (!chosen) continue;
    return {
      path,
      format: chosen.reader.format,
      container: 'xlsx',
      encoding: 'xlsx',
      unreadColumns: chosen.reader.unreadColumns ?? [],
      batches: () =>
        rowBatches(path, sheetRows(sheet), ',', chosen.reader, titleRows + chosen.skipRows, batchSize, true),
    };
  }
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  throw new TandemError(
    'unknown-format',
    `${path}: ${UNKNOWN}; no sheet of the workbook has such a header (sheets: ${names})`,
  );
}

/** Rows already in hand, as one chunk of a table. */
async function* oneTable(rows: CsvRow[]): AsyncGenerator<CsvRow[]> {
  yield rows;
}

/** A sheet's rows as the CSV reader gives them: numbered from 1, blank rows left out. */
async function* sheetRows(sheet: SpreadsheetSheet): AsyncGenerator<CsvRow[]> {
  const out: CsvRow[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const fields = sheet.rows[i];
    if (fields.every((f) => f === '')) continue;
    out.push({ line: i + 1, fields });
  }
  yield out;
}

/**
 * Rows of a table, read into events batch by batch, with every row that cannot be read set aside
 * with its line and reason. `sheet`: the table is a spreadsheet, whose rows carry no meaning in
 * their length (Excel pads them to the widest row, and a short row is just empty at the end), so
 * they are fitted to the header unless a cell beyond it holds a value.
 */
async function* rowBatches(
  path: string,
  source: AsyncIterable<CsvRow[]>,
  delimiter: string,
  reader: EventRowReader,
  skipRows: number,
  batchSize: number,
  sheet: boolean,
): AsyncGenerator<EventBatch> {
  let skipped = 0;
  let batch: EventBatch = { records: [], problems: [] };
  const raw = (fields: string[]) => {
    const s = fields.join(delimiter);
    return s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
  };
  // One function for every row, not a closure made per row (the raw text is joined only for a
  // row set aside).
  const problem = (row: CsvRow, column: number, reason: string, field?: string, text?: string) =>
    batch.problems.push({ file: path, line: row.line, column, field, reason, raw: text ?? raw(row.fields) });
  for await (const rows of source) {
    for (const row of rows) {
      if (skipped < skipRows) {
        skipped++;
        continue;
      }
      if (sheet) row.fields = fitToHeader(row.fields, reader.columns);
      const f = row.fields;
      let length = row.tooLong ?? 0;
      if (row.tooLong === undefined) for (const x of f) length += x.length;
      if (row.error) problem(row, 0, `${row.error} (${quoteLeftOpen(row)})`);
      else if (row.oddEncoding) problem(row, 0, row.oddEncoding.reason, undefined, row.oddEncoding.text);
      else if (length > MAX_ROW_CHARS) {
        problem(
          row,
          0,
          `the row is ${(length / 1e6).toFixed(1)} million characters long; a row may have at most 1 million`,
        );
      } else if (f.length !== reader.columns) {
        problem(
          row,
          0,
          f.length < reader.columns
            ? `the row has ${f.length} fields, the header ${reader.columns} (is the line cut short?)`
            : sheet
              ? `the row has a value in column ${f.findIndex((x, k) => k >= reader.columns && x !== '') + 1}, beyond the header's ${reader.columns} columns`
              : `the row has ${f.length} fields, the header ${reader.columns} (an unquoted "${delimiter}" in a field?)`,
        );
      } else {
        const r = reader.read(f, row.line);
        if ('event' in r) batch.records.push({ line: r.line ?? row.line, event: r.event });
        else if ('problem' in r) problem(row, r.problem.column, r.problem.reason, r.problem.field);
      }
      if (batch.records.length + batch.problems.length >= batchSize) {
        yield batch;
        batch = { records: [], problems: [] };
      }
    }
  }
  for (const r of reader.finish?.() ?? []) batch.records.push(r);
  if (batch.records.length || batch.problems.length) yield batch;
}

/** A spreadsheet row fitted to `width` cells: padded with empty cells, or cut where only empty cells follow. */
function fitToHeader(fields: string[], width: number): string[] {
  if (fields.length === width) return fields;
  if (fields.length < width) return [...fields, ...new Array<string>(width - fields.length).fill('')];
  for (let i = width; i < fields.length; i++) if (fields[i] !== '') return fields;
  return fields.slice(0, width);
}

/** What a row the parser found malformed says: the lines a quote left open ran together. */
function quoteLeftOpen(row: CsvRow): string {
  const last = row.lastLine ?? row.line;
  if (last === row.line) return 'a quote that never closes; is the file cut short?';
  const after =
    last === row.line + 1
      ? `the event written on line ${last} is`
      : `the events written on lines ${row.line + 1}–${last} are`;
  return `a quote that never closes: lines ${row.line}–${last} were read as this one row, and ${after} set aside with it`;
}
