/**
 * The languages Tandem writes in (the brief, and the sentences the checks and alerts produce),
 * and their number and date formats from Intl. English is the default everywhere; its text is a
 * contract and never changes with the language added beside it.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Number and date formats of a language, from Intl: `2,590` and `3 Dec 2026` in English, `2 590`
 * and `3 déc. 2026` in French. A missing figure is "–", never 0.
 */
export class LanguageFormat {
  readonly #number: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  readonly #day: Intl.DateTimeFormat;
  readonly #month: Intl.DateTimeFormat;
  readonly #longMonth: Intl.DateTimeFormat;

  constructor(readonly lang: Language) {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
    this.#number = new Intl.NumberFormat(locale);
    this.#percent = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const dates = lang === 'fr' ? 'fr-FR' : 'en-GB';
    this.#day = new Intl.DateTimeFormat(dates, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    this.#month = new Intl.DateTimeFormat(dates, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    this.#longMonth = new Intl.DateTimeFormat(dates, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  num = (n: number | null): string => (n === null ? '–' : this.#number.format(n));
  pct = (x: number | null): string => (x === null ? '–' : this.#percent.format(x));
  /** YYYY-MM-DD as "3 Dec 2026" / "3 déc. 2026". */
  day = (iso: string): string => {
    const d = this.#day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
    // French writes the first of the month as an ordinal: "1er juin 2022".
    return this.lang === 'fr' ? d.replace(/^1 /, '1er ') : d;
  };
  /** YYYY-MM as "Dec 2026" / "déc. 2026". */
  month = (ym: string): string => (ym ? this.#month.format(new Date(`${ym}-01T00:00:00Z`)) : '');
  /** YYYY-MM as "October 2025" / "octobre 2025", for sentences. */
  longMonth = (ym: string): string => (ym ? this.#longMonth.format(new Date(`${ym}-01T00:00:00Z`)) : '');
}

/**
 * French spacing: a no-break space before ; : ? ! and », after «, so the sign never starts a
 * line. The sentences are written with ordinary spaces; this sets them right.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([;:?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/**
 * "que" elided before a vowel, where a name was put after it ("en tant que Amina" → "en tant
 * qu’Amina"): the catalogue's own sentences are elided as written.
 */
export function frenchElision(text: string): string {
  return text.replace(/(^|[\s(])que ([AEIOUYÀÂÉÈÊËÎÏÔÛÜaeiouyàâéèêëîïôûü])/g, '$1qu’$2');
}

/**
 * A written name's suggestions as a French sentence says them: `FAMa (did you mean "Military
 * Forces of Mali (2021-)"?)` is `FAMa (vouliez-vous dire « Military Forces of Mali (2021-) » ?)`,
 * and "A" or "B" is « A » ou « B ». The names are kept as written; French spacing is left to the
 * catalogue (withFrenchSpacing).
 */
export function suggestionsInFrench(text: string): string {
  return text.replace(/\(did you mean ((?:"[^"]*"(?: or )?)+)\?\)/g, (_, names: string) => {
    const quoted = [...names.matchAll(/"([^"]*)"/g)].map((m) => `« ${m[1]} »`);
    return `(vouliez-vous dire ${quoted.join(' ou ')} ?)`;
  });
}

/** English as the server's sentences write it: "1 event", "2 events", 1,234. */
export const ENGLISH = new LanguageFormat('en');

/** A count with its noun: "1 event", "3 events"; the number in the language's format. */
export function counted(f: LanguageFormat, n: number, one: string, other: string): string {
  // French takes the singular below two ("0,5 unité", "1,5 unité", "0 mort").
  return `${f.num(n)} ${n === 1 || (f.lang === 'fr' && Math.abs(n) < 2) ? one : other}`;
}

/** A list read as a sentence: "a, b and c" / "a, b et c". */
export function listInWords(lang: Language, items: readonly string[]): string {
  return new Intl.ListFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { type: 'conjunction' }).format(items);
}

/**
 * A French catalogue with French spacing applied to every sentence it gives (strings, and the
 * strings its functions return, at any depth): its keys and shape are kept.
 */
export function withFrenchSpacing<T>(catalogue: T): T {
  const wrap = (v: unknown): unknown =>
    typeof v === 'string'
      ? frenchSpacing(v)
      : typeof v === 'function'
        ? (...args: unknown[]) => frenchSpacing((v as (...a: unknown[]) => string)(...args))
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).map(([k, w]) => [k, wrap(w)]))
          : v;
  return wrap(catalogue) as T;
}
