import type { ReadProblem } from '../domain/read-problem.ts';
import { COL, EVENT_COLUMNS, type EventValues } from './event-columns.ts';

// The import's wire format: how prepared rows travel from the reading thread (or generator) to the
// writer. Both sides import only this module for it.

/** One batch of a file's rows, read, hashed and checked for repeated ids, ready for the writer. */
export interface PreparedBatch {
  /** The rows, packed for the trip to the writer (unpack them with one RowUnpacker per file). */
  rows: PackedRows;
  problems: ReadProblem[];
  /** Data rows read in this batch (rows plus problems). */
  read: number;
  /** Admin-1 spellings (country, name) first stored by this batch, for the files read after it. */
  areas?: [string, string][];
}

/**
 * How a batch of rows travels from the reading thread to the writer. Copying 31 values a row
 * between threads, and allocating them again on arrival, cost the writer as much as SQLite did;
 * so the columns whose values repeat (places, actors, types, dates) go as numbers into a
 * dictionary that grows as the file is read, numbers go in one typed array, and only the text
 * that is new with every row (ids, hashes, notes) goes as strings.
 */
export interface PackedRows {
  count: number;
  /** Strings the dictionary gained with this batch, in the order of their ids. */
  words: string[];
  /** count × WORD_COLUMNS.length dictionary ids, -1 for null. */
  codes: Int32Array;
  /** count × TEXT_COLUMNS.length strings. */
  texts: string[];
  /** count × NUMBER_COLUMNS.length numbers, NaN for null (readers never let NaN through). */
  numbers: Float64Array;
}

const TEXT_COLUMNS = ['source_event_id', 'content_hash', 'notes'].map((c) => COL[c as keyof typeof COL]);
const NUMBER_COLUMNS = [
  'latitude',
  'longitude',
  'geo_precision',
  'civilian_targeting',
  'civilian_targeting_derived',
  'fatalities',
  'fatalities_low',
  'fatalities_high',
  'civilian_fatalities',
].map((c) => COL[c as keyof typeof COL]);
const WORD_COLUMNS = EVENT_COLUMNS.map((_, i) => i).filter(
  (i) => i !== COL.import_id && !TEXT_COLUMNS.includes(i) && !NUMBER_COLUMNS.includes(i),
);

/**
 * The places and actors, whose accented letters a file may write decomposed ("Se\u0301gou", as
 * macOS does) where others write them whole ("Ségou"): they are stored composed (NFC), so one area
 * is one name. Checked once per distinct word, when the dictionary gains it.
 */
const COMPOSED = new Set(
  [
    'country',
    'admin1',
    'admin2',
    'location',
    'actor1',
    'actor2',
    'actor1_associated',
    'actor2_associated',
  ].map((c) => COL[c as keyof typeof COL]),
);
const COMPOSED_SLOTS = WORD_COLUMNS.map((c) => COMPOSED.has(c));
const COMBINING_MARK = /[\u0300-\u036f]/;

/**
 * Where a packed row keeps a column: readers of PackedRows.codes (for a dictionary column) or
 * PackedRows.numbers (for a number column) find row `i`'s value at `i * WORDS_PER_ROW + slot`
 * or `i * NUMBERS_PER_ROW + slot`.
 */
export const WORDS_PER_ROW = WORD_COLUMNS.length;
export const TEXTS_PER_ROW = TEXT_COLUMNS.length;
/**
 * The columns (EVENT_COLUMNS indexes) in the order a packed row keeps them: dictionary words,
 * then texts, then numbers. A writer that streams rows (PostgreSQL's COPY) lists its columns in
 * this order and reads each part straight from the packed arrays.
 */
export const PACKED_COLUMN_ORDER: readonly number[] = [...WORD_COLUMNS, ...TEXT_COLUMNS, ...NUMBER_COLUMNS];
export const NUMBERS_PER_ROW = NUMBER_COLUMNS.length;
export function wordSlot(column: number): number {
  const i = WORD_COLUMNS.indexOf(column);
  if (i === -1) throw new Error(`column ${EVENT_COLUMNS[column]} is not packed as a word`);
  return i;
}
export function numberSlot(column: number): number {
  const i = NUMBER_COLUMNS.indexOf(column);
  if (i === -1) throw new Error(`column ${EVENT_COLUMNS[column]} is not packed as a number`);
  return i;
}

/**
 * The reading side of PackedRows: rows are packed one by one as they are read, so nothing of a
 * row but its packed form outlives it (a batch of whole rows kept alive is what made the reader's
 * garbage collection expensive), and the dictionary of the strings sent so far is kept here.
 */
export class RowPacker {
  private readonly ids = new Map<string, number>();
  /** Every word so far, by id: what a code of any batch stands for, on the reading side. */
  readonly dictionary: string[] = [];
  private words: string[] = [];
  private codes: Int32Array;
  private texts: string[] = [];
  private numbers: Float64Array;
  private n = 0;

  constructor(private readonly capacity = 5000) {
    this.codes = new Int32Array(capacity * WORD_COLUMNS.length);
    this.numbers = new Float64Array(capacity * NUMBER_COLUMNS.length);
  }

  /** Rows packed since the last take(). */
  get count(): number {
    return this.n;
  }

  add(r: EventValues): void {
    if (this.n === this.capacity) throw new Error('RowPacker is full: take() the rows first');
    const codes = this.codes;
    let w = this.n * WORD_COLUMNS.length;
    for (let k = 0; k < WORD_COLUMNS.length; k++) {
      const x = r[WORD_COLUMNS[k]];
      if (x === null) codes[w++] = -1;
      else {
        let id = this.ids.get(x as string);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(x as string, id);
          const word =
            COMPOSED_SLOTS[k] && COMBINING_MARK.test(x as string)
              ? (x as string).normalize('NFC')
              : (x as string);
          this.words.push(word);
          this.dictionary.push(word);
        }
        codes[w++] = id;
      }
    }
    for (let k = 0; k < TEXT_COLUMNS.length; k++) this.texts.push(r[TEXT_COLUMNS[k]] as string);
    const numbers = this.numbers;
    let u = this.n * NUMBER_COLUMNS.length;
    for (let k = 0; k < NUMBER_COLUMNS.length; k++) {
      const x = r[NUMBER_COLUMNS[k]];
      numbers[u++] = x === null ? Number.NaN : (x as number);
    }
    this.n++;
  }

  /** The rows packed so far, leaving the packer empty (its dictionary stays). */
  take(): PackedRows {
    const p: PackedRows = {
      count: this.n,
      words: this.words,
      codes: this.codes.slice(0, this.n * WORD_COLUMNS.length),
      texts: this.texts,
      numbers: this.numbers.slice(0, this.n * NUMBER_COLUMNS.length),
    };
    this.words = [];
    this.texts = [];
    this.n = 0;
    return p;
  }
}

/** The writing side of PackedRows: the same dictionary, rebuilt from the words of each batch. */
export class RowUnpacker {
  readonly words: string[] = [];

  /** Takes in a batch's new words; call once per batch, in order, before reading its rows. */
  receive(p: PackedRows): void {
    for (const word of p.words) this.words.push(word);
  }

  /** Writes row `i` of `p` into `out` from `offset` on, in EVENT_COLUMNS order. */
  fill(p: PackedRows, i: number, out: unknown[], offset: number, importId: number): void {
    let w = i * WORD_COLUMNS.length;
    for (const c of WORD_COLUMNS) {
      const id = p.codes[w++];
      out[offset + c] = id === -1 ? null : this.words[id];
    }
    let t = i * TEXT_COLUMNS.length;
    for (const c of TEXT_COLUMNS) out[offset + c] = p.texts[t++];
    let u = i * NUMBER_COLUMNS.length;
    for (const c of NUMBER_COLUMNS) {
      const x = p.numbers[u++];
      out[offset + c] = Number.isNaN(x) ? null : x;
    }
    out[offset + COL.import_id] = importId;
  }

  row(p: PackedRows, i: number): EventValues {
    const v = new Array<string | number | null>(EVENT_COLUMNS.length);
    this.fill(p, i, v, 0, 0);
    return v;
  }

  /** The source of row `i`, without unpacking the rest. */
  source(p: PackedRows, i: number): string {
    return this.words[p.codes[i * WORD_COLUMNS.length + SOURCE_WORD]];
  }
}
const SOURCE_WORD = WORD_COLUMNS.indexOf(COL.source);
