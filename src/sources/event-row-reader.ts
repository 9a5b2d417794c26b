import type { ConflictEvent } from '../domain/conflict-event.ts';

export type EventFormat = 'acled' | 'ucdp' | 'hxl';
export const EVENT_FORMATS: readonly EventFormat[] = ['acled', 'ucdp', 'hxl'];

/** Why one row was set aside: the 1-based column and its name, and a reason a person can act on. */
export interface RowProblem {
  column: number;
  field?: string;
  reason: string;
}

export type RowResult = { event: ConflictEvent } | { problem: RowProblem };

/** Turns the fields of one row of a known format into an event, or says why it cannot. */
export interface EventRowReader {
  readonly format: EventFormat;
  readonly columns: number;
  read(fields: string[]): RowResult;
}

/** A helper for readers: the problem for column `i` of the header. */
export function problemAt(header: readonly string[], i: number, reason: string): { problem: RowProblem } {
  return { problem: { column: i + 1, field: header[i], reason } };
}
