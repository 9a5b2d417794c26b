import type { ConflictEvent } from '../domain/conflict-event.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { acledReader, looksLikeAcled } from './acled-reader.ts';
import { type CsvDialect, parseHeadRows, readCsvRows, sniffCsvDialect } from './csv-rows.ts';
import type { EventFormat, EventRowReader } from './event-row-reader.ts';
import { readGedGeoJson } from './ged-geojson-reader.ts';
import { hxlReader, isHashtagRow } from './hxl-reader.ts';
import { inspectTextFile, readAllText, readHead, type TextFileInfo } from './text-file.ts';
import { gedCsvReader, looksLikeGed } from './ucdp-reader.ts';

/** What a reader hands on: events with the line they came from, and rows it set aside. */
export interface EventBatch {
  records: { line: number; event: ConflictEvent }[];
  problems: ReadProblem[];
}

/** A file whose format is known and which can be read batch by batch. */
export interface EventFile {
  path: string;
  format: EventFormat;
  /** 'csv' or 'geojson'. */
  container: 'csv' | 'geojson';
  encoding: string;
  batches(): AsyncGenerator<EventBatch>;
}

export interface OpenEventFileOptions {
  /** Force a format instead of detecting it from the header. */
  format?: EventFormat | 'auto';
  batchSize?: number;
}

/** A row longer than this is set aside: no real event needs it, and it is usually a broken quote. */
const MAX_ROW_CHARS = 1_000_000;

const UNKNOWN =
  'not a known event format: expected an ACLED export (columns event_id_cnty, event_date, event_type), ' +
  'UCDP GED (id, type_of_violence, date_start, best) as CSV or GeoJSON, or a CSV with an HXL hashtag row';

/**
 * Opens an event file: checks that it is text, finds its encoding, delimiter and format (from the
 * header, or as forced), and fails at once, naming the file, when it cannot be read. Nothing is
 * read into the store here; `batches()` streams the rows.
 */
export async function openEventFile(path: string, options: OpenEventFileOptions = {}): Promise<EventFile> {
  const info = await inspectTextFile(path);
  const head = await readHead(info, 2 * 1024 * 1024);
  const forced = options.format && options.format !== 'auto' ? options.format : undefined;
  const batchSize = options.batchSize ?? 5000;
  if (/^\s*[[{]/.test(head)) {
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
      async *batches() {
        yield* readGedGeoJson(path, await readAllText(info), batchSize);
      },
    };
  }
  const dialect = sniffCsvDialect(head);
  const rows = parseHeadRows(head, dialect, 2);
  const header = rows[0] ?? [];
  if (header.length < 2) {
    throw new TandemError(
      'unknown-format',
      `${path}: ${UNKNOWN} (the first line has ${header.length} column)`,
    );
  }
  const tagged = rows[1] && isHashtagRow(rows[1]);
  let reader: EventRowReader;
  let skipRows = 1 + (tagged ? 1 : 0);
  const want =
    forced ??
    (looksLikeAcled(header)
      ? 'acled'
      : looksLikeGed(header)
        ? 'ucdp'
        : tagged || isHashtagRow(header)
          ? 'hxl'
          : null);
  if (want === 'acled') reader = acledReader(path, header);
  else if (want === 'ucdp') reader = gedCsvReader(path, header);
  else if (want === 'hxl') {
    if (isHashtagRow(header)) {
      reader = hxlReader(path, header);
      skipRows = 1;
    } else if (tagged) reader = hxlReader(path, rows[1]);
    else
      throw new TandemError(
        'unknown-format',
        `${path}: --format hxl, but neither of the first two rows holds HXL hashtags`,
      );
  } else {
    const sep =
      dialect.delimiter === ','
        ? ''
        : ` (the header is separated by "${dialect.delimiter === '\t' ? 'tab' : dialect.delimiter}")`;
    throw new TandemError('unknown-format', `${path}: ${UNKNOWN}${sep}`);
  }
  return {
    path,
    format: reader.format,
    container: 'csv',
    encoding: info.encoding,
    batches: () => csvBatches(info, dialect, reader, skipRows, batchSize),
  };
}

async function* csvBatches(
  info: TextFileInfo,
  dialect: CsvDialect,
  reader: EventRowReader,
  skipRows: number,
  batchSize: number,
): AsyncGenerator<EventBatch> {
  let skipped = 0;
  let batch: EventBatch = { records: [], problems: [] };
  const raw = (fields: string[]) => {
    const s = fields.join(dialect.delimiter);
    return s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
  };
  for await (const rows of readCsvRows(info, dialect)) {
    for (const row of rows) {
      if (skipped < skipRows) {
        skipped++;
        continue;
      }
      const f = row.fields;
      const problem = (column: number, reason: string, field?: string) =>
        batch.problems.push({ file: info.path, line: row.line, column, field, reason, raw: raw(f) });
      let length = 0;
      for (const x of f) length += x.length;
      if (row.error) problem(0, `${row.error} (a quote that never closes; is the file cut short?)`);
      else if (length > MAX_ROW_CHARS) {
        problem(
          0,
          `the row is ${(length / 1e6).toFixed(1)} million characters long; a row may have at most 1 million`,
        );
      } else if (f.length !== reader.columns) {
        problem(
          0,
          f.length < reader.columns
            ? `the row has ${f.length} fields, the header ${reader.columns} (is the line cut short?)`
            : `the row has ${f.length} fields, the header ${reader.columns} (an unquoted "${dialect.delimiter}" in a field?)`,
        );
      } else {
        const r = reader.read(f);
        if ('event' in r) batch.records.push({ line: row.line, event: r.event });
        else problem(r.problem.column, r.problem.reason, r.problem.field);
      }
      if (batch.records.length + batch.problems.length >= batchSize) {
        yield batch;
        batch = { records: [], problems: [] };
      }
    }
  }
  if (batch.records.length || batch.problems.length) yield batch;
}
