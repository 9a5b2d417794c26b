import { ownValue } from '../domain/own-value.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { HxlTag } from './hxl-tag.ts';

// Deaths a partner's sheet gives only broken down (#affected+killed+f, +m, +children), with no
// total column: the total is their sum where the columns cannot overlap, and the sheet is refused
// where they might (women and men beside children: are the children among them?).

/** Whom a count covers: their sex and age where it says them, or that neither is known. */
type People = { sex?: string; age?: string; unknown?: true };

/** What each breakdown attribute says of the people counted. */
const BREAKDOWN: Record<string, People> = {
  f: { sex: 'f' },
  female: { sex: 'f' },
  m: { sex: 'm' },
  male: { sex: 'm' },
  women: { sex: 'f', age: 'adult' },
  men: { sex: 'm', age: 'adult' },
  girls: { sex: 'f', age: 'child' },
  boys: { sex: 'm', age: 'child' },
  children: { age: 'child' },
  child: { age: 'child' },
  infants: { age: 'child' },
  adults: { age: 'adult' },
  adult: { age: 'adult' },
  elderly: { age: 'elderly' },
  unknown: { unknown: true },
  unk: { unknown: true },
};

/**
 * The words of a column's title (the header row above the hashtags) that say more than its tag:
 * a partner's "Killed - women" tagged #affected+killed+f counts adult women, beside "children".
 * The attributes' own words, and their singular and French forms.
 */
const TITLE_WORDS: Record<string, People> = {
  ...BREAKDOWN,
  woman: BREAKDOWN.women!,
  man: BREAKDOWN.men!,
  femmes: BREAKDOWN.women!,
  hommes: BREAKDOWN.men!,
  filles: BREAKDOWN.girls!,
  garcons: BREAKDOWN.boys!,
  enfants: BREAKDOWN.children!,
  adultes: BREAKDOWN.adults!,
};

/** Whether an attribute breaks a count down by sex or age (a column of it is not a total). */
export const isBreakdownAttribute = (a: string): boolean => Object.hasOwn(BREAKDOWN, a);

const DEATHS = new Set(['killed', 'dead']);

/** The people a breakdown column counts: its sex and age where its tag or its title says them. */
function cell(t: HxlTag, title: string): People {
  const out: People = {};
  for (const a of t.attributes) Object.assign(out, ownValue(BREAKDOWN, a));
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/);
  for (const w of words) if (Object.hasOwn(TITLE_WORDS, w)) Object.assign(out, TITLE_WORDS[w]);
  return out;
}

/** Two columns cannot count the same person when they differ in a dimension both state. */
function disjoint(a: People, b: People): boolean {
  if (a.unknown || b.unknown) return a.unknown !== b.unknown;
  return (!!a.sex && !!b.sex && a.sex !== b.sex) || (!!a.age && !!b.age && a.age !== b.age);
}

/**
 * The columns whose sum is an event's deaths, when the sheet has no total deaths column but gives
 * them broken down by sex or age: none when it gives no such breakdown. Refuses the sheet, naming
 * the columns, where one column alone is given (one group's deaths are not all deaths) or where
 * two might count the same people.
 */
export function deathsBreakdownColumns(
  path: string,
  tags: readonly (HxlTag | null)[],
  titles: readonly string[],
): number[] {
  const columns = tags.flatMap((t, i) => {
    if (t?.tag !== 'affected' || !t.attributes.some((a) => DEATHS.has(a))) return [];
    const rest = t.attributes.filter((a) => !DEATHS.has(a));
    return rest.length && rest.every(isBreakdownAttribute) ? [i] : [];
  });
  if (!columns.length) return [];
  const tag = (i: number) => `#${tags[i]!.tag}+${tags[i]!.attributes.join('+')}`;
  const label = (i: number) => (titles[i]?.trim() ? `${tag(i)} ("${titles[i]!.trim()}")` : tag(i));
  const listed = columns.map(label).join(', ');
  const fix =
    'add a column of all deaths (#affected+killed), or tag the columns as parts of one breakdown that do not overlap (#affected+killed+f+adults, #affected+killed+m+adults, #affected+killed+children)';
  if (columns.length === 1)
    throw new TandemError(
      'unreadable-file',
      `${path}: the only deaths column, ${listed}, counts one group's deaths, not all of them; ${fix}`,
    );
  const people = columns.map((c) => cell(tags[c]!, titles[c] ?? ''));
  for (let i = 0; i < columns.length; i++)
    for (let j = i + 1; j < columns.length; j++)
      if (!disjoint(people[i]!, people[j]!))
        throw new TandemError(
          'unreadable-file',
          `${path}: deaths are given only broken down (${listed}), and ${label(columns[i])} and ${label(columns[j])} may count the same people (by sex, and by age), so their sum may not be the deaths; ${fix}`,
        );
  return columns;
}
