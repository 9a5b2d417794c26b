import Papa from 'papaparse';
import { parseActorCategory } from '../domain/actor-category.ts';
import { type ActorCategoryPeriod, periodProblems } from '../domain/actor-category-period.ts';
import { isCalendarDay } from '../domain/calendar-day.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { inspectTextFile, readAllText } from './text-file.ts';

export const PERIOD_COLUMNS = ['actor', 'category', 'from', 'until', 'note'] as const;
const REQUIRED = ['actor', 'category', 'from', 'until'];

/**
 * Reads a file of dated actor categories: a CSV with the columns `actor, category, from, until`
 * and optionally `note`, one row per period. `category` is one of ACLED's eight (its words, its
 * inter code or Tandem's id); `from` and `until` are YYYY-MM-DD, either left empty for a period
 * open at that end. Each row's problems are returned with its line; an actor's overlapping
 * periods are a problem of the actor's last row.
 */
export async function readActorPeriods(
  path: string,
): Promise<{ periods: ActorCategoryPeriod[]; problems: ReadProblem[] }> {
  const text = await readAllText(await inspectTextFile(path));
  const header = (Papa.parse<string[]>(text, { preview: 1 }).data[0] ?? []).map((h) =>
    h.trim().toLowerCase(),
  );
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    throw new TandemError(
      'unknown-format',
      `${path}:1: not a file of dated actor categories: no ${missing.join(', ')} column in the header (expected ${PERIOD_COLUMNS.join(', ')})`,
    );
  const periods: ActorCategoryPeriod[] = [];
  const problems: ReadProblem[] = [];
  const lineOf = new Map<ActorCategoryPeriod, number>();
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  // Line numbers follow the text's newlines, a note's quoted line breaks included.
  const starts = rowLines(text);
  for (const [i, cells] of rows.slice(1).entries()) {
    const line = starts[i + 1] ?? i + 2;
    const get = (c: string) => (cells[header.indexOf(c)] ?? '').trim();
    const bad = (field: string, reason: string): ReadProblem => ({
      file: path,
      line,
      column: header.indexOf(field) + 1,
      field,
      reason,
    });
    const actor = get('actor');
    const category = parseActorCategory(get('category'));
    // A real day: "2013-13-01" or "2014-02-30" compared as text would move events all the same.
    const badDate = ['from', 'until'].find((end) => get(end) && !isCalendarDay(get(end)));
    if (!actor) problems.push(bad('actor', 'no actor name'));
    else if (!category)
      problems.push(
        bad(
          'category',
          `"${get('category')}" is not an actor category (state forces, rebel group, political militia, identity militia, rioters, protesters, civilians, external forces, or ACLED's codes 1–8)`,
        ),
      );
    else if (badDate)
      problems.push(bad(badDate, `"${get(badDate)}" is not a day of the calendar written YYYY-MM-DD`));
    else {
      const p: ActorCategoryPeriod = {
        actor,
        category,
        from: get('from'),
        until: get('until'),
        note: get('note'),
      };
      periods.push(p);
      lineOf.set(p, line);
    }
  }
  const byActor = new Map<string, ActorCategoryPeriod[]>();
  for (const p of periods) byActor.set(p.actor, [...(byActor.get(p.actor) ?? []), p]);
  for (const [, own] of byActor) {
    const last = Math.max(...own.map((p) => lineOf.get(p)!));
    for (const reason of periodProblems(own)) problems.push({ file: path, line: last, column: 0, reason });
  }
  return { periods, problems };
}

/** The line on which each CSV row starts, counting newlines inside quotes as lines. */
function rowLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (atStart && ch !== '\n' && ch !== '\r') {
      starts.push(line);
      atStart = false;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      line++;
      if (!quoted) atStart = true;
    }
  }
  return starts;
}
