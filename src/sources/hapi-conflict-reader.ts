import type { ReadProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { parseHeadRows, readCsvRows, sniffCsvDialect } from './csv-rows.ts';
import { parseEventDate } from './event-dates.ts';
import { columnIndex, readCount } from './field-readers.ts';
import { isHashtagRow } from './hxl-tag.ts';
import { inspectTextFile, readHead } from './text-file.ts';

/**
 * HDX HAPI's `conflict_event` table: ACLED's events already counted per admin-2 area (p-codes),
 * month and kind of event (`political_violence`, `civilian_targeting`, `demonstration`), with
 * fatalities. They are counts, not events: they are kept as aggregates (conflict_aggregates),
 * never added to the events, whose own ACLED rows they would count a second time.
 */
export interface ConflictAggregate {
  countryCode: string;
  country: string;
  admin1Code: string;
  admin1: string;
  admin2Code: string;
  admin2: string;
  eventType: string;
  periodStart: string;
  periodEnd: string;
  events: number;
  fatalities: number | null;
}

export const HAPI_CONFLICT_FORMAT = 'hapi-conflict-event';

/** Tells HAPI's conflict_event table by its columns. */
export function looksLikeHapiConflict(header: readonly string[]): boolean {
  return ['event_type', 'events', 'reference_period_start', 'location_code'].every(
    (n) => columnIndex(header, n) !== -1,
  );
}

/** Whether a file is a HAPI conflict_event table (CSV), from its first line. */
export async function isHapiConflictFile(path: string): Promise<boolean> {
  try {
    const info = await inspectTextFile(path);
    const head = await readHead(info, 64 * 1024);
    if (/^\s*[[{]/.test(head)) return false;
    return looksLikeHapiConflict(parseHeadRows(head, sniffCsvDialect(head), 1)[0] ?? []);
  } catch {
    return false;
  }
}

/** Reads a HAPI conflict_event CSV: its aggregates, and the rows set aside with line and reason. */
export async function readHapiConflictFile(
  path: string,
): Promise<{ aggregates: ConflictAggregate[]; problems: ReadProblem[]; rows: number }> {
  const info = await inspectTextFile(path);
  const head = await readHead(info, 64 * 1024);
  const dialect = sniffCsvDialect(head);
  const aggregates: ConflictAggregate[] = [];
  const problems: ReadProblem[] = [];
  const firstLine = new Map<string, number>();
  let header: string[] | null = null;
  let rows = 0;
  let col: Record<string, number> = {};
  for await (const batch of readCsvRows(info, dialect)) {
    for (const row of batch) {
      if (!header) {
        header = row.fields;
        if (!looksLikeHapiConflict(header)) {
          throw new TandemError('unknown-format', `${path}: not an HDX HAPI conflict_event table`);
        }
        col = Object.fromEntries(
          [
            'location_code',
            'location_name',
            'admin1_code',
            'admin1_name',
            'admin2_code',
            'admin2_name',
            'event_type',
            'events',
            'fatalities',
            'reference_period_start',
            'reference_period_end',
          ].map((n) => [n, columnIndex(header as string[], n)]),
        );
        continue;
      }
      // HDX's downloads carry an HXL hashtag row under the header.
      if (rows === 0 && isHashtagRow(row.fields)) continue;
      rows++;
      const f = row.fields;
      const get = (n: string) => (col[n] === -1 ? '' : (f[col[n] as number] ?? '').trim());
      const problem = (field: string, reason: string) =>
        problems.push({
          file: path,
          line: row.line,
          column: (col[field] ?? -1) + 1,
          field,
          reason,
          raw: f.join(dialect.delimiter).slice(0, 2000),
        });
      if (row.error || f.length !== header.length) {
        problems.push({
          file: path,
          line: row.line,
          column: 0,
          reason: row.error ?? `the row has ${f.length} fields, the header ${header.length}`,
          raw: f.join(dialect.delimiter).slice(0, 2000),
        });
        continue;
      }
      const countryCode = get('location_code');
      if (!countryCode) {
        problem('location_code', "location_code is empty; expected the country's ISO3 code");
        continue;
      }
      const eventType = get('event_type');
      if (!eventType) {
        problem(
          'event_type',
          'event_type is empty; expected political_violence, civilian_targeting or demonstration',
        );
        continue;
      }
      const start = parseEventDate(get('reference_period_start'));
      if (!start.ok) {
        problem('reference_period_start', start.reason);
        continue;
      }
      const endRaw = get('reference_period_end');
      const end = endRaw ? parseEventDate(endRaw) : start;
      if (!end.ok) {
        problem('reference_period_end', end.reason);
        continue;
      }
      if (end.date < start.date) {
        problem(
          'reference_period_end',
          `reference_period_end ${end.date} is before reference_period_start ${start.date}`,
        );
        continue;
      }
      const events = readCount(get('events'), 'events', true);
      if (!events.ok) {
        problem('events', events.reason);
        continue;
      }
      const fatalities = readCount(get('fatalities'), 'fatalities', false);
      if (!fatalities.ok) {
        problem('fatalities', fatalities.reason);
        continue;
      }
      const a: ConflictAggregate = {
        countryCode,
        country: get('location_name'),
        admin1Code: get('admin1_code'),
        admin1: get('admin1_name'),
        admin2Code: get('admin2_code'),
        admin2: get('admin2_name'),
        eventType,
        periodStart: start.date,
        periodEnd: end.date,
        events: events.value as number,
        fatalities: fatalities.value,
      };
      const key = aggregateKey(a);
      const first = firstLine.get(key);
      if (first !== undefined) {
        problems.push({
          file: path,
          line: row.line,
          column: 0,
          reason: `repeats the area, event type and period of line ${first}; the first was kept`,
          raw: f.join(dialect.delimiter).slice(0, 2000),
        });
        continue;
      }
      firstLine.set(key, row.line);
      aggregates.push(a);
    }
  }
  if (!header) throw new TandemError('unknown-format', `${path}: the file is empty`);
  return { aggregates, problems, rows };
}

/** What identifies an aggregate: its area, kind of event and period start. */
export function aggregateKey(a: ConflictAggregate): string {
  return [a.countryCode, a.admin1Code, a.admin2Code, a.eventType, a.periodStart].join('\u001f');
}
