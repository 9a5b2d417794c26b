import { ownValue } from '../domain/own-value.ts';

/**
 * What a line of an agreement looks like: the markers it starts with (Article, Chapitre, 1.2, (a),
 * 1°), •), a heading (shouted, Title Case, or a section title), a document title, and the numbers
 * it is written with (Roman, words, French "premier"). Pure functions and patterns of a line,
 * shared by the provision segmenter.
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

/** Words that open a sentence, not a heading ("The Parties …", "Les Parties …", "Each Party …"). */
const SENTENCE_OPENER =
  /^(?:the|this|these|those|each|every|any|all|it|its|they|we|there|such|no|to|le|la|les|l'|l’|ce|cet|cette|ces|il|ils|elle|elles|on|chaque|aucun|aucune|nul|nulle|tout|toute|tous|toutes)$/i;

/** Verbs that make a run of words a sentence, wherever they stand ("Ceasefire shall hold"). */
const SENTENCE_VERB =
  /^(?:shall|will|must|may|should|can|cannot|could|would|is|are|was|were|be|been|has|have|had|agrees?|agreed|undertakes?|commits?|guarantees?|ensures?|recogni[sz]es?|accepts?|applies|apply|means|refers?|takes?|enters?|doit|doivent|devra|devront|sont|est|sera|seront|peut|peuvent|pourra|pourront|ont|a|s'engagent|s’engagent|s'engage|s’engage|entre|prend|conviennent)$/i;

/** A heading does not end on a word that needs another after it ("Protection of"). */
const DANGLING_WORD =
  /^(?:and|or|of|the|a|an|to|for|in|on|at|by|with|from|et|ou|de|des|du|la|le|les|à|au|aux|pour|en|par|sur|dans|avec)$/i;

/**
 * A heading written in sentence case on the marker's own line ("Article 2. Protection of
 * civilians", "Section 2 – Humanitarian access", "1. Cessation des hostilités"): a short run of
 * words starting with a capital, with at most a full stop at its end, that no sentence opener or
 * verb makes a sentence. The heading without its full stop (when `allowStop`), else ''.
 */
export function sentenceCaseHeading(rest: string, allowStop = true): string {
  if (!allowStop && rest.trim().endsWith('.')) return '';
  const t = rest.trim().replace(/\.$/, '');
  if (t.length < 3 || t.length > 100 || !/^\p{Lu}/u.test(t)) return '';
  if (/[.;:!?]/.test(t) || /,$/.test(t)) return '';
  const words = t.split(/\s+/);
  if (words.length > 12 || (rest.trim().endsWith('.') && words.length > 8)) return '';
  if (SENTENCE_OPENER.test(words[0].replace(/[^\p{L}'’]/gu, ''))) return '';
  if (words.some((w) => SENTENCE_VERB.test(w.replace(/[^\p{L}'’]/gu, '')))) return '';
  if (DANGLING_WORD.test(words[words.length - 1])) return '';
  return t;
}

export function isShoutedHeading(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && /\p{L}{3,}/u.test(t) && !/[;,]$/.test(t);
}

export function numberValue(token: string): number | undefined {
  if (/^\d+/.test(token)) return Number.parseInt(token, 10);
  if (/^[IVXLC]+$/i.test(token)) return romanValue(token.toUpperCase());
  // "Chapitre Ier", "Section Ire": the first, in Roman numerals.
  if (/^I(?:er|re)$/.test(token)) return 1;
  return ownValue(WORD_NUMBERS, token.toLowerCase());
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

/** Short words a title in capitals holds that are not acronyms ("FOR", "AND", "DES"). */
const TITLE_SMALL_WORDS = new Set(
  'a an and as at by for in of on or the to with au aux dans de des du en entre et la le les par pour sur'.split(
    ' ',
  ),
);

export function titleCase(t: string): string {
  let first = true;
  return t.replace(/\S+/g, (w) => {
    const lower = w.toLowerCase();
    const out =
      !first && TITLE_SMALL_WORDS.has(lower)
        ? lower
        : w.length > 3 || /^[A-Z]{2,4}$/.test(w) === false
          ? cap(lower)
          : w;
    first = false;
    return out;
  });
}

// French numbers: "1er", "1re", "7 bis". French articles may end their number with ".-" ("Art. 2.-").
const NUM_TOKEN =
  '(\\d{1,3}(?:\\.\\d{1,3})+(?![\\p{L}\\d.])|\\d{1,3}(?:er|ère|re|ème|eme)?(?:\\s+(?:bis|ter|quater))?(?![\\p{L}\\d])|\\d{1,3}[A-Za-z]?|I(?:er|re)(?![\\p{L}\\d])|[IVXLC]{1,7}|[ivxlc]{1,7}|[A-Z](?![a-z])|[A-Za-z]+(?=\\s*[:.\\-–—]|\\s*$))';
export const CHAPTER_RE = new RegExp(
  `^(part|chapter|section|title|partie|chapitre|titre|sous-titre)\\s+${NUM_TOKEN}\\s*(?:[:.\\-–—]{1,2}\\s*)?(.*)$`,
  'iu',
);
export const ARTICLE_RE = new RegExp(
  `^(article|art\\.?)\\s*${NUM_TOKEN}\\s*(?:[:.\\-–—]{1,2}\\s*)?(.*)$`,
  'iu',
);
export const ANNEX_RE =
  /^(annex(?:ure|e)?|appendix|appendice|schedule|attachment)(?:\s+([A-Z0-9]{1,4}|[IVX]{1,5}))?\s*(?:[:.\-–—]\s*)?(.*)$/i;
// French lists also number "1°", "1°)" and "1°/".
export const NUMBERED_RE = /^((?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3})*)([.)]|°[)/]?)?(\s*)(.*)$/;
export const LETTER_RE = /^(?:\(([a-zA-Z]{1,2})\)|([a-zA-Z])[.)/](?=\s)|([a-z])[-–](?=\s))\s*(.*)$/;
export const ROMAN_RE = /^(?:\(([ivxlc]{1,6})\)|([ivxlc]{1,6})[.)](?=\s))\s*(.*)$/;
export const UPPER_ROMAN_RE = /^([IVXL]{1,6})(?:\.|\s*[-–—])(?:\s+(.*))?$/;
// A bullet may stand alone on its line, its text on the next (PA-X's published texts).
export const BULLET_RE = /^([-•*–▪●◦])(?:\s+(.*))?$/;
export const TOC_RE = /^(table of contents|contents|sommaire|table des matières)$/i;
export const ACRONYMS_RE =
  /^(acronyms|abbreviations|acronyms and abbreviations|list of (acronyms|abbreviations)|sigles|acronymes|abréviations|sigles et abréviations|sigles et acronymes|liste des (sigles|abréviations|acronymes))\s*:?$/i;
/** The notes gathered at the end of a Word document (docx-text.ts), or a final section of notes. */
export const NOTES_RE = /^(notes|footnotes|endnotes|notes de bas de page|notes de fin)$/i;
/** A note under it: "[1] Au sens de …". */
export const NOTE_ITEM_RE = /^\[(\d{1,3})\]\s+(.*)$/;
/** "ENGLISH VERSION", "Version française", "[French text]": the label of a language version. */
export const VERSION_RE =
  /^(?:(?:english|french|arabic|portuguese|spanish|original)\s+(?:version|text)|(?:version|texte)\s+(?:fran[cç]aise|anglaise|arabe|portugaise|espagnole|originale|en\s+fran[cç]ais|en\s+anglais)|in\s+english|en\s+fran[cç]ais|en\s+anglais)$/i;

export function isVersionLabel(line: string): boolean {
  return VERSION_RE.test(line.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
}
export const PREAMBLE_RE = /^(preamble|préambule|preambule)\s*:?$/i;
