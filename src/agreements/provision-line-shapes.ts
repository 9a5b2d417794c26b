/**
 * What a line of an agreement looks like: a heading (shouted, Title Case, or a section title), a
 * document title, and the numbers it is written with (Roman, words, French "premier"). Pure
 * functions of a line, shared by the provision segmenter.
 */
const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  premier: 1,
  première: 1,
  unique: 1,
};

export function startsHeadingOrEnds(rest: string, loose = false): boolean {
  if (rest === '') return true;
  return loose ? !/^\p{Ll}/u.test(rest) || /^(on|to|of)\b/i.test(rest) : /^[\p{Lu}\d("“'‘]/u.test(rest);
}

/** "General Provisions" yes; "Plotnitskiy (signed)", a name after an initial, no. */
export function isSectionTitle(t: string): boolean {
  return isHeadingLike(t, true) && t.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w)).length >= 2;
}

export function isTitleLike(t: string): boolean {
  return t.length <= 200 && !/[.;,]$/.test(t) && /\p{L}{3,}/u.test(t);
}

export function isHeadingLike(t: string, structural: boolean): boolean {
  if (t.length > 120 || /[.;,:]$/.test(t) || !/^[\p{Lu}\d"“]/u.test(t)) return false;
  if (isShoutedHeading(t)) return true;
  // Title Case: most words of four letters or more start with a capital.
  const words = t.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return structural
    ? words.length === 0 || capitals / words.length >= 0.6
    : capitals / Math.max(words.length, 1) >= 0.75 && t.length <= 80;
}

export function isShoutedHeading(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && /\p{L}{3,}/u.test(t) && !/[;,]$/.test(t);
}

export function numberValue(token: string): number | undefined {
  if (/^\d+/.test(token)) return Number.parseInt(token, 10);
  if (/^[IVXLC]+$/i.test(token)) return romanValue(token.toUpperCase());
  return WORD_NUMBERS[token.toLowerCase()];
}

export function romanValue(r: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let k = 0; k < r.length; k++) {
    const a = v[r[k]] ?? 0;
    const b = v[r[k + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function slug(t: string): string {
  return t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export function titleCase(t: string): string {
  return t.replace(/\S+/g, (w) =>
    w.length > 3 || /^[A-Z]{2,4}$/.test(w) === false ? cap(w.toLowerCase()) : w,
  );
}
