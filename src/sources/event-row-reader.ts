import type { ConflictEvent } from '../domain/conflict-event.ts';

export type EventFormat = 'acled' | 'ucdp' | 'hxl';
export const EVENT_FORMATS: readonly EventFormat[] = ['acled', 'ucdp', 'hxl'];

/** Why one row was set aside: the 1-based column and its name, and a reason a person can act on. */
export interface RowProblem {
  column: number;
  field?: string;
  reason: string;
}

/** An event read, with the line it is counted from (a paired row's first line). */
export interface LinedEvent {
  line: number;
  event: ConflictEvent;
}

/**
 * What one row gave: its event, the reason it was set aside, or (a row that waits for its pair,
 * see acled-monadic-pairs.ts) nothing yet, or the event it completed with an earlier row.
 */
export type RowResult = { event: ConflictEvent; line?: number } | { problem: RowProblem } | { held: true };

/** Turns the fields of one row of a known format into an event, or says why it cannot. */
export interface EventRowReader {
  readonly format: EventFormat;
  readonly columns: number;
  read(fields: string[], line: number): RowResult;
  /**
   * Columns of the file that carry a field Tandem has no place for (an HXL sheet's #org, its
   * injuries), named as the file names them: the import says so rather than dropping them unseen.
   */
  readonly unreadColumns?: readonly string[];
  /** The events still held when the file ends (rows whose pair never came). */
  finish?(): LinedEvent[];
}

/** A helper for readers: the problem for column `i` of the header. */
export function problemAt(header: readonly string[], i: number, reason: string): { problem: RowProblem } {
  return { problem: { column: i + 1, field: header[i], reason } };
}
