import type { ReadProblem } from '../domain/read-problem.ts';
import { acledReader, looksLikeAcled } from './acled-reader.ts';
import { sourceFailure } from './api-request.ts';
import type { EventBatch } from './event-file.ts';
import type { EventRowReader } from './event-row-reader.ts';
import { readGedFields } from './ucdp-reader.ts';

/**
 * Reads the rows of an API page into events with the same readers as the files (acled-reader.ts,
 * ucdp-reader.ts), so a row pulled is read exactly as the same row exported. A row that cannot be
 * read is set aside with the page and its position on the page where a file has a line:
 * `acled:country=…, page 3` line 17.
 */
export interface ApiRowReader {
  read(page: number, rows: readonly unknown[]): EventBatch;
}

/** A field as text: APIs send strings (ACLED) or numbers and strings (UCDP); null is empty. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
}

function notAnObject(file: string, position: number, row: unknown): ReadProblem {
  return {
    file,
    line: position,
    column: 0,
    reason: 'the row is not an event object',
    raw: JSON.stringify(row ?? null).slice(0, 2000),
  };
}

/**
 * ACLED's rows, whose fields are named as in its CSV exports: the header is the first row's field
 * names, and every row is read by those names.
 */
export function acledApiRows(path: string): ApiRowReader {
  let header: string[] | null = null;
  let reader: EventRowReader | null = null;
  return {
    read(page, rows) {
      const file = `${path}, page ${page}`;
      const batch: EventBatch = { records: [], problems: [] };
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!row || typeof row !== 'object' || Array.isArray(row)) {
          batch.problems.push(notAnObject(file, i + 1, row));
          continue;
        }
        const o = row as Record<string, unknown>;
        if (!header) {
          header = Object.keys(o);
          if (!looksLikeAcled(header)) {
            throw sourceFailure(
              `ACLED: the events of page ${page} lack event_id_cnty, event_date or event_type (fields: ${header.slice(0, 8).join(', ')}…); check ACLED_API_URL points at ACLED`,
            );
          }
          reader = acledReader(path, header);
        }
        const h = header;
        const fields = h.map((k) => text(o[k]));
        const r = (reader as EventRowReader).read(fields, i + 1);
        if ('event' in r) batch.records.push({ line: r.line ?? i + 1, event: r.event });
        else if ('problem' in r) {
          batch.problems.push({
            file,
            line: i + 1,
            column: r.problem.column,
            field: r.problem.field,
            reason: r.problem.reason,
            raw: JSON.stringify(o).slice(0, 2000),
          });
        }
      }
      return batch;
    },
  };
}

/** UCDP's GED events as its API sends them: numbers as numbers or strings, dates with or without a time. */
export function gedApiRows(path: string): ApiRowReader {
  return {
    read(page, rows) {
      const file = `${path}, page ${page}`;
      const batch: EventBatch = { records: [], problems: [] };
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!row || typeof row !== 'object' || Array.isArray(row)) {
          batch.problems.push(notAnObject(file, i + 1, row));
          continue;
        }
        const o = row as Record<string, unknown>;
        const r = readGedFields(
          (name) => text(o[name]),
          () => -1,
        );
        if ('event' in r) batch.records.push({ line: i + 1, event: r.event });
        else {
          batch.problems.push({
            file,
            line: i + 1,
            column: 0,
            field: r.problem.field,
            reason: r.problem.reason,
            raw: JSON.stringify(o).slice(0, 2000),
          });
        }
      }
      return batch;
    },
  };
}
