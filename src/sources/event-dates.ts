import { ownValue } from '../domain/own-value.ts';
import { TandemError } from '../domain/tandem-error.ts';

/**
 * Dates as event sources write them, read into ISO `YYYY-MM-DD`. ACLED exports differ between
 * vintages (`2015-12-31`, `31 December 2015`, `31-Dec-15`); GED GeoJSON adds a time; partners'
 * HXL sheets use slashes, day first. A date that is not a real day (32/13/2020), or that only
 * reads month first (12/31/2020), is an error, never a guess.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // French, as a francophone mission's sheets write them ("15 juin 2024", "1er juil. 2023"), read
  // without accents ("fevrier", "aout", "dec").
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/** A month's name as MONTHS keys it: lower case, without accents ("Février" → "fevrier"). */
const monthKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };

function iso(y: number, m: number, d: number, raw: string): DateResult {
  if (m < 1 || m > 12) return { ok: false, reason: `"${raw}" is not a date: there is no month ${m}` };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days)
    return { ok: false, reason: `"${raw}" is not a date: month ${m} of ${y} has no day ${d}` };
  if (y < 1900 || y > 2100) return { ok: false, reason: `"${raw}" has an implausible year ${y}` };
  return { ok: true, date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const WORDS = /^(\d{1,2})(?:er)?[\s-]+(\p{L}+)\.?,?[\s-]+(\d{2}|\d{4})$/u;
const WORDS_US = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const SLASH = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** Reads one date. Two-digit years are 19xx from 50 up, 20xx below (ACLED's `31-Dec-15`). */
export function parseEventDate(raw: string): DateResult {
  const s = raw.trim();
  if (s === '') return { ok: false, reason: 'the date is empty' };
  let m = ISO.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3], s);
  m = WORDS.exec(s);
  if (m) {
    const month = ownValue(MONTHS, monthKey(m[2]));
    if (!month) return { ok: false, reason: `"${s}" is not a date: unknown month "${m[2]}"` };
    let y = +m[3];
    if (m[3].length === 2) y += y >= 50 ? 1900 : 2000;
    return iso(y, month, +m[1], s);
  }
  m = WORDS_US.exec(s);
  if (m) {
    const month = ownValue(MONTHS, monthKey(m[1]));
    if (!month) return { ok: false, reason: `"${s}" is not a date: unknown month "${m[1]}"` };
    return iso(+m[3], month, +m[2], s);
  }
  m = SLASH.exec(s);
  if (m) {
    // Day first, as humanitarian data and PA-X write it. A date that only reads month first
    // (12/31/2020) is not taken as such: its file may write 03/05/2020 for 5 March too, which
    // would be read silently as 3 May. Setting it aside shows the file's dates are month first.
    if (slashOrder(s) === 'month-first')
      return {
        ok: false,
        reason: `"${s}" reads only as month first (MM/DD/YYYY); slashed dates are read day first (DD/MM/YYYY), so the file's other dates may be misread: write them as YYYY-MM-DD`,
      };
    return iso(+m[3], +m[2], +m[1], s);
  }
  return {
    ok: false,
    reason: `"${s}" is not a date in a known form (expected YYYY-MM-DD, "31 December 2015", "31 décembre 2015", "31-Dec-15" or DD/MM/YYYY)`,
  };
}

/** The last day an event can have happened: tomorrow in UTC, wherever the source's clock is. */
let latest = { hour: -1, day: '' };
function latestEventDay(): string {
  const hour = Math.floor(Date.now() / 3_600_000);
  if (hour !== latest.hour)
    latest = { hour, day: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) };
  return latest.day;
}

/**
 * An event's day: parseEventDate, and not after tomorrow (a date in 2099 is a typing slip, not an
 * event; an incident's date is checked the same way).
 */
export function readEventDay(raw: string, last = latestEventDay()): DateResult {
  const r = parseEventDate(raw);
  if (r.ok && r.date > last)
    return {
      ok: false,
      reason: `"${raw.trim()}" is in the future: an event's date cannot be after ${last} (tomorrow in UTC, for a source whose day begins earlier)`,
    };
  return r;
}

/** Which way a slashed date can be read: only day first (25/03/2025), only month first (3/25/2025), or either. */
function slashOrder(raw: string): 'day-first' | 'month-first' | 'either' | null {
  const m = SLASH.exec(raw.trim());
  if (!m) return null;
  const a = +m[1];
  const b = +m[2];
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return 'either';
}

/**
 * readEventDay with a memory of the dates it has read, for one file: a file of a million
 * events holds a few thousand distinct days, and each is parsed once instead of once a row.
 * The results are shared between rows, so callers must not change them.
 *
 * Slashed dates are read day first. A file whose first date that reads one way only reads month
 * first (3/25/2025) is a month-first file, as spreadsheets in US English save them: its other
 * dates (5/3/2025, meaning 3 May) would be stored on the wrong day, so the whole file is refused,
 * naming the line, rather than half set aside and half misread. Where day-first dates came first,
 * a month-first one is a slip of that row, set aside with its reason.
 */
export function eventDateReader(
  path = 'the file',
): (raw: string, line?: number, column?: { index: number; name: string }) => DateResult {
  // Each distinct date is read once: its day, and which way it reads if slashed.
  const known = new Map<string, { r: DateResult; order: ReturnType<typeof slashOrder> }>();
  const last = latestEventDay();
  let dayFirst = false;
  return (raw, line, column) => {
    let k = known.get(raw);
    if (k === undefined) {
      // Bounded, in case a file writes each date differently (with times, say).
      if (known.size >= 100_000) known.clear();
      k = { r: readEventDay(raw, last), order: slashOrder(raw) };
      known.set(raw, k);
    }
    const { r, order } = k;
    if (!dayFirst && order !== null) {
      if (order === 'day-first') dayFirst = true;
      else if (order === 'month-first')
        throw new TandemError(
          'unreadable-file',
          `${path}${line ? `, line ${line}` : ''}${column ? `, column ${column.index + 1} (${column.name})` : ''}: "${raw.trim()}" reads only month first (MM/DD/YYYY), and no date before it reads only day first, so the file writes its dates month first, which Tandem, reading slashed dates day first, would store on the wrong day (5/3/2025, meaning 3 May, as 5 March). Nothing was imported: save the dates as YYYY-MM-DD or DD/MM/YYYY and import the file again`,
        );
    }
    return r;
  };
}
