/**
 * Admin-1 names are spelled differently by every source: ACLED writes "Northern Bahr el Ghazal",
 * Natural Earth "North Bahr-al-Ghazal", a partner "Upper Nile State" where the map says "Upper Nile". These
 * rules bring them to one comparable form and pair them up, so events land on the right polygon.
 */

/**
 * The unit words that never tell two areas of one level apart: "Mopti" and "Mopti Region",
 * "Région de Mopti", "Upper Nile State" are one area.
 */
const KIND_WORDS = 'state|province|prefecture|region|county|district|governorate|department|departement';
const KIND = new RegExp(`\\b(${KIND_WORDS})\\b`, 'g');
/**
 * All unit words, those that may name another area too: ACLED's "Kyiv" (the oblast) and "Kyiv
 * City", "Mexico" (the state) and "Mexico City". Matching a map's shape to the data's area drops
 * them too; an import's counting areas as one (sameAreaKey) does not.
 */
const UNIT_WORDS = new RegExp(`\\b(${KIND_WORDS}|municipality|autonomous|city)\\b`, 'g');
/**
 * Exonyms of admin-1 areas in the countries missions work in, which no spelling rule can pair: UCDP
 * GED writes "Timbuktu" where ACLED writes "Tombouctou" (Mali probe: one area counted twice), and
 * maps of Somalia write the Somali names of regions ACLED writes in English.
 */
const EXONYMS: [RegExp, string][] = [
  [/\btimbuktu\b/g, 'tombouctou'],
  [/\bshabeellaha hoose\b/g, 'lower shabelle'],
  [/\bshabeellaha dhexe\b/g, 'middle shabelle'],
  [/\bjubbada hoose\b/g, 'lower juba'],
  [/\bjubbada dhexe\b/g, 'middle juba'],
  [/\bhiiraan\b/g, 'hiraan'],
  [/\bbanaadir\b/g, 'banadir'],
  // Sudan's Gezira: "Al Jazirah", "Aj Jazirah", "Gezira", "El Gezira".
  [/\b(aj )?jazirah?\b/g, 'gezira'],
];
const SYNONYMS: [RegExp, string][] = [
  ...EXONYMS,
  // French and English names of one area: "Nord-Kivu" and "North Kivu", "Sud-Ouest" and "South-West".
  // (Not haut/upper: "Haut-Katanga" must stay alike to the old "Katanga" it was cut from.)
  [/\bnord\b/g, 'north'],
  [/\bsud\b/g, 'south'],
  [/\best\b/g, 'east'],
  [/\bouest\b/g, 'west'],
  [/\bnorthern\b/g, 'north'],
  [/\bsouthern\b/g, 'south'],
  [/\beastern\b/g, 'east'],
  [/\bwestern\b/g, 'west'],
  // French adjectives: "Darfour-Occidental", "Kasaï-Oriental", "Kordofan méridional".
  [/\boccidental(e|es)?\b/g, 'west'],
  [/\boriental(e|es)?\b/g, 'east'],
  [/\bmeridional(e|es)?\b/g, 'south'],
  [/\bseptentrional(e|es)?\b/g, 'north'],
  [/\bcentral(e|es)?\b/g, 'centre'],
  [/\bcenter\b/g, 'centre'],
  [/\b(al|el|ul|ad|ash|as)\b/g, ''],
  [/\bsaint\b/g, 'st'],
];

export function normalizeAreaName(name: string): string {
  return normalized(name, UNIT_WORDS);
}

function normalized(name: string, unitWords: RegExp): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[-_/().,]/g, ' ');
  s = s.replace(unitWords, ' ');
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  // "Région de Mopti", "Province du Nord-Kivu", "Darfour du Nord": the prepositions go.
  return compassFirst(
    s
      .replace(/\b(de la|du|des|de)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

const COMPASS_ORDER = ['north', 'south', 'east', 'west', 'centre'];

/**
 * The compass words of a name first, in one order: French writes them after the name ("Darfour du
 * Nord", "Centre-Nord"), English before it ("North Darfur", "North Central").
 */
function compassFirst(s: string): string {
  const words = s.split(' ');
  const rank = (w: string) => COMPASS_ORDER.indexOf(w);
  const compass = words.filter((w) => rank(w) >= 0).sort((a, b) => rank(a) - rank(b));
  return compass.length ? [...compass, ...words.filter((w) => rank(w) < 0)].join(' ') : s;
}

/**
 * The name under which an import counts an area as one: normalizeAreaName without the unit words
 * that name another area ("city"), doubled letters once. "Nord-Kivu", "North Kivu" and "Province
 * du Nord-Kivu" are one area, as are "Nassarawa" and "Nasarawa"; "Kyiv" and "Kyiv City" are two. A name that is nothing but unit words keeps its fold.
 */
export function sameAreaKey(name: string): string {
  // "Darfour" and "Darfur": French writes ou for u. "Nassarawa" and "Nasarawa": transliterations
  // double a letter or not.
  return (
    normalized(name, KIND)
      .replace(/ou/g, 'u')
      .replace(/(.)\1+/g, '$1') || foldAreaName(name)
  );
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = s.replace(/ /g, '');
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** The consonants of a name, doubled letters once: transliterations differ mostly in vowels. */
function skeleton(normalized: string): string {
  return normalized.replace(/[aeiouy ]/g, '').replace(/(.)\1+/g, '$1');
}

/**
 * Similarity of two names after normalising: 1 for the same name, 0.8 for the same consonant
 * skeleton ("Jungoli" and "Jonglei"), otherwise the Dice similarity of their letter pairs.
 */
export function areaNameSimilarity(a: string, b: string): number {
  const na = normalizeAreaName(a);
  const nb = normalizeAreaName(b);
  if (na === nb) return 1;
  const sa = skeleton(na);
  if (sa.length >= 3 && sa === skeleton(nb)) return 0.8;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let common = 0;
  let total = 0;
  for (const [g, c] of ga) {
    common += Math.min(c, gb.get(g) ?? 0);
    total += c;
  }
  for (const c of gb.values()) total += c;
  return total ? (2 * common) / total : 0;
}

/**
 * A name with only case, accents, hyphens, apostrophes and spaces folded: "Nord-Kivu" and "nord kivu"
 * are one spelling; "Nord-Kivu Province" is not (normalizeAreaName makes it the same area).
 */
export function foldAreaName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[-_/().,\s]+/g, ' ')
    .trim();
}

/**
 * A rough sound of a name, for exonyms and transliterations that differ in how they write a sound
 * rather than in the sound: "Timbuktu" and "Tombouctou" (ou for u, c for k).
 */
function phonetic(normalized: string): string {
  return normalized
    .replace(/ou/g, 'u')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?![eiy])/g, 'k');
}

/**
 * Whether two names could be one place's: alike by areaNameSimilarity (0.75 or more), or once
 * written by sound ("Timbuktu" and "Tombouctou"). "Orientale" and "Ituri", "Katanga" and
 * "Tanganyika" are not: a shape called one and holding the other's events is another unit.
 */
export function areaNamesAlike(a: string, b: string, threshold = 0.75): boolean {
  if (areaNameSimilarity(a, b) >= threshold) return true;
  const pa = phonetic(normalizeAreaName(a));
  const pb = phonetic(normalizeAreaName(b));
  return areaNameSimilarity(pa, pb) >= threshold;
}

export interface AreaNameMatch {
  /** The name as the map (boundary file) spells it. */
  shape: string;
  /** The name as the event data spells it, or null when nothing is close enough. */
  data: string | null;
  score: number;
  /**
   * Other spellings of the same name in the event data ("Nord Kivu" beside "Nord-Kivu": equal
   * once normalised), which this shape stands for too; absent when there are none.
   */
  variants?: string[];
}

/**
 * How much a data spelling is the shape's own, for pairs equally alike: the same string (2), the
 * same once case, accents, hyphens and spaces are folded (1), or only alike (0).
 */
function sameness(shape: string, data: string): number {
  if (shape === data) return 2;
  return foldAreaName(shape) === foldAreaName(data) ? 1 : 0;
}

/**
 * Pairs map names with data names, best pairs first, each name used once, and only pairs at
 * least `threshold` alike (0.75 by default: close enough for spelling variants, not for
 * neighbours such as "Upper Nile" and "Blue Nile"). Of data names equally alike (the data's
 * spellings of one name: "Nord-Kivu" 353 events, "Nord Kivu" 1), the shape takes the most used
 * (`events`, per data name), so that its polygon never goes to a rare variant alone; among
 * spellings as used, or when uses are not given, its own spelling, then its spelling folded. The
 * data's other spellings of that name (equal once normalised) are its `variants`, and no other
 * shape takes them.
 */
export function matchAreaNames(
  shapes: readonly string[],
  data: readonly string[],
  threshold = 0.75,
  events?: ReadonlyMap<string, number>,
): AreaNameMatch[] {
  const pairs: { s: string; d: string; score: number; same: number; uses: number }[] = [];
  for (const s of shapes)
    for (const d of data)
      pairs.push({ s, d, score: areaNameSimilarity(s, d), same: sameness(s, d), uses: events?.get(d) ?? 0 });
  pairs.sort((a, b) => b.score - a.score || b.uses - a.uses || b.same - a.same);
  const usedS = new Map<string, AreaNameMatch>();
  const usedD = new Set<string>();
  for (const p of pairs) {
    if (p.score < threshold) break;
    if (usedS.has(p.s) || usedD.has(p.d)) continue;
    const key = normalizeAreaName(p.d);
    const variants = data.filter((d) => d !== p.d && !usedD.has(d) && normalizeAreaName(d) === key);
    const match: AreaNameMatch = { shape: p.s, data: p.d, score: Math.round(p.score * 100) / 100 };
    if (variants.length) match.variants = variants;
    usedS.set(p.s, match);
    usedD.add(p.d);
    for (const v of variants) usedD.add(v);
  }
  return shapes.map((s) => usedS.get(s) ?? { shape: s, data: null, score: 0 });
}
