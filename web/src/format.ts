import i18next from 'i18next';
import { pageHref } from './url-state.ts';

/** The reader's locale for Intl: 1,234 and 3 Dec 2026 in English, 1 234 and 3 déc. 2026 in French. */
function locale(): string {
  return i18next.language === 'fr' ? 'fr-FR' : 'en-GB';
}

/**
 * One formatter per locale and kind, made once: building an Intl formatter costs far more than
 * using it, and a page formats thousands of figures (17 ms of the overview's first render).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  kind: string,
  make: (l: string) => F,
): F {
  const l = locale();
  const key = `${kind}:${l}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make(l);
    formatters.set(key, f);
  }
  return f;
}

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : formatter('num', (l) => new Intl.NumberFormat(l)).format(n);
}

/** A score such as the risk an allocation covers, to one decimal ("291.1", "291,1"). */
export function score(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : num(Math.round(n * 10) / 10);
}

/** A share as a percentage with one decimal, as the brief writes it ("30.5%", "30,5 %"). */
export function pct(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n)
    ? '—'
    : formatter(
        'pct',
        (l) =>
          new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      ).format(n);
}

/** A day (YYYY-MM-DD…) as "3 Dec 2026" / "3 déc. 2026"; anything else as it is. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '–';
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const d = formatter(
    'day',
    (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  // French writes the first of the month as an ordinal, as the brief does: "1er juin 2025".
  return locale().startsWith('fr') ? d.replace(/^1 /, '1er ') : d;
}

/** A month (YYYY-MM) as "Dec 2026" / "déc. 2026". */
export function month(ym: string | null | undefined): string {
  if (!ym || !/^\d{4}-\d{2}$/.test(ym)) return ym ?? '–';
  return formatter(
    'month',
    (l) => new Intl.DateTimeFormat(l, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${ym}-01T00:00:00Z`));
}

/** A month (YYYY-MM) in a sentence: "October 2025" / "octobre 2025". */
export function longMonth(ym: string | null | undefined): string {
  if (!ym || !/^\d{4}-\d{2}$/.test(ym)) return ym ?? '–';
  return formatter(
    'longMonth',
    (l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${ym}-01T00:00:00Z`));
}

/** The area's page, carrying the current period and filters. */
export function areaHref(country: string, admin1: string): string {
  return pageHref('area', { country, area: admin1 });
}
