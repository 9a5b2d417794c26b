import Papa from 'papaparse';
import { isCalendarDay } from '../domain/calendar-day.ts';
import type { LocalProcess } from '../domain/local-process.ts';
import type { ReadProblem } from '../domain/read-problem.ts';

/** The columns of PA-X Local that Tandem reads; a file without any of them is not PA-X Local. */
export const PAX_LOCAL_COLUMNS = [
  'AgtId',
  'Agt',
  'Dat',
  'Con',
  'LocaleName',
  'LatDec',
  'LongDec',
  'LinkNatProcess',
  'Part',
  'ThrdPart',
  'Mediator',
  'Cattle',
] as const;

// PA-X Local's mediator-type columns (0/1), in the words the register uses.
const MEDIATOR_TYPES: Record<string, string> = {
  MedCentState: 'central state',
  MedRegState: 'regional state',
  MedLocState: 'local state',
  MedLocArmed: 'local armed group',
  MedReDomEld: 'religious, domestic or elder figures',
  MedLocCivSoc: 'local civil society',
  MedIntActor: 'international actor',
  MedOtherUnclear: 'other or unclear',
};

// Issue columns (0/1) and the issue each stands for.
const ISSUE_COLUMNS: Record<string, string> = {
  Cattle: 'cattle and transhumance',
  Grieve: 'grievances and reconciliation',
  RitPray: 'rituals and prayer',
};

export interface PaxLocalRead {
  records: LocalProcess[];
  /** Rows that cannot be stored as they are (no date, coordinates out of range…): fatal. */
  problems: ReadProblem[];
  /** Rows left out on purpose (no coordinates at all), each with why. */
  setAside: ReadProblem[];
}

/**
 * Reads PA-X Local v8 (one row per local agreement) into local processes: `id` is `pax-local:` +
 * AgtId, the link to the national process is direct for `LinkNatProcess` Y, indirect for T, none
 * for N; mediators are the mediator types coded 1, issues the issue columns coded 1 and the stage.
 * Every row with a missing date or coordinates out of range is a problem naming its line and
 * column; a file whose header lacks any of PAX_LOCAL_COLUMNS is one problem naming them.
 */
export function readPaxLocal(text: string, file: string): PaxLocalRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const missing = PAX_LOCAL_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      records: [],
      setAside: [],
      problems: [
        {
          file,
          line: 1,
          column: 0,
          reason: `not a PA-X Local file: the header lacks the column(s) ${missing.join(', ')} (found: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`,
        },
      ],
    };
  }
  const col = new Map(header.map((h, i) => [h, i]));
  const records: LocalProcess[] = [];
  const problems: ReadProblem[] = [];
  const setAside: ReadProblem[] = [];
  // Papa reports rows, not lines; a row's line is counted from the newlines in the rows before it.
  let line = 2;
  // Rows whose quotes do not close (papaparse's row index counts the header as row 0).
  const openQuote = new Set(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => e.row));
  for (const [i, row] of rows.entries()) {
    // A row cut short (a truncated file) or run together with the next by a quote left open is not
    // an agreement to store with its columns shifted or empty.
    if (openQuote.has(i + 1) || row.length !== header.length) {
      problems.push({
        file,
        line,
        column: 0,
        reason: openQuote.has(i + 1)
          ? 'a quoted field opened in this row is never closed: the rows after it are read into it (a quote left open?)'
          : `the row has ${row.length} fields, the header ${header.length} (cut short, or a quote or a comma out of place?)`,
      });
      line += lineCount(row);
      continue;
    }
    const get = (name: string) => (row[col.get(name) ?? -1] ?? '').trim();
    const at = (name: string, reason: string): ReadProblem => ({
      file,
      line,
      column: (col.get(name) ?? -1) + 1,
      field: name,
      reason,
    });
    const rowProblems: ReadProblem[] = [];
    const agtId = get('AgtId');
    if (!/^\d+$/.test(agtId)) rowProblems.push(at('AgtId', `expected a PA-X agreement id, found "${agtId}"`));
    const date = get('Dat');
    if (!date) rowProblems.push(at('Dat', 'the agreement has no date (expected YYYY-MM-DD)'));
    else if (!isCalendarDay(date)) rowProblems.push(at('Dat', `expected a date YYYY-MM-DD, found "${date}"`));
    const latText = get('LatDec');
    const lonText = get('LongDec');
    const lat = Number(latText);
    const lon = Number(lonText);
    if (!latText && !lonText) {
      setAside.push(at('LatDec', `agreement ${agtId} has no coordinates: it cannot be placed or checked`));
      line += lineCount(row);
      continue;
    }
    if (!latText || !Number.isFinite(lat) || lat < -90 || lat > 90)
      rowProblems.push(at('LatDec', `a latitude is a number between -90 and 90, found "${latText}"`));
    if (!lonText || !Number.isFinite(lon) || lon < -180 || lon > 180)
      rowProblems.push(at('LongDec', `a longitude is a number between -180 and 180, found "${lonText}"`));
    const link = get('LinkNatProcess').toUpperCase();
    if (!['Y', 'N', 'T'].includes(link))
      rowProblems.push(at('LinkNatProcess', `expected Y, N or T, found "${get('LinkNatProcess')}"`));
    if (!get('Agt')) rowProblems.push(at('Agt', 'the agreement has no name'));
    if (!get('Con')) rowProblems.push(at('Con', 'the agreement has no country'));
    if (rowProblems.length) {
      problems.push(...rowProblems);
      line += lineCount(row);
      continue;
    }
    const stage = get('stage_label');
    records.push({
      id: `pax-local:${agtId}`,
      name: get('Agt'),
      kind: 'agreement',
      date,
      country: get('Con'),
      admin1: '',
      admin1Source: 'none',
      place: get('LocaleName'),
      latitude: lat,
      longitude: lon,
      parties: split(get('Part')),
      mediators: Object.entries(MEDIATOR_TYPES)
        .filter(([c]) => get(c) === '1')
        .map(([, label]) => label),
      thirdParties: split(get('ThrdPart')),
      issues: [
        ...(stage ? [stage.toLowerCase()] : []),
        ...Object.entries(ISSUE_COLUMNS)
          .filter(([c]) => get(c) === '1')
          .map(([, label]) => label),
      ],
      office: '',
      status: 'signed',
      nationalLink: link === 'Y' ? 'direct' : link === 'T' ? 'indirect' : 'none',
      nationalLinkNote: get('PPName') ? `PA-X process: ${get('PPName')}` : '',
      objectives: [],
      meetings: [],
      source: 'pax-local',
      sensitivity: 'public',
    });
    line += lineCount(row);
  }
  return { records, problems, setAside };
}

function lineCount(row: string[]): number {
  let n = 1;
  for (const f of row) for (const ch of f) if (ch === '\n') n++;
  return n;
}

/** A PA-X text list of parties: one entry per `;`-separated part. */
function split(s: string): string[] {
  return s
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
