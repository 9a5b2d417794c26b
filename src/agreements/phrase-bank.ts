/**
 * The phrase matching behind the POC rules: a document's words found once (indexText), and every
 * phrase list of a rules file compiled into one bank that finds them all in one pass over those
 * words (PhraseBank). Plain phrases match whole words case-insensitively; `re:` phrases are
 * regular expressions.
 */

/**
 * How a language's words are read: elided articles and pronouns (French l', d', qu') are cut off
 * the word they are joined to, and accents can be ignored, in the text and the phrases alike.
 */
export interface Wording {
  elisions: string[];
  foldAccents: boolean;
}

const PLAIN: Wording = { elisions: [], foldAccents: false };

/** A compiled phrase list: a handle into the bank that holds it. */
export interface PhraseMatcher {
  readonly id: number;
}

type WordTest = { exact: string } | { prefix: string };
type WordSeq = WordTest[];

interface Entry {
  seq: WordSeq;
  id: number;
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

/** A document's words, lower-cased, found once and shared by every rule (parallel arrays: less garbage). */
export interface TextIndex {
  text: string;
  /** What may stand between two words of a phrase. */
  separator: RegExp;
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What may stand between the words of a phrase: spaces, line breaks, hyphens (word processors' non-breaking one too) and an elision. */
function separatorFor(wording: Wording): RegExp {
  if (!wording.elisions.length) return /^[\s\-‐‑‒–]+$/;
  return new RegExp(`^[\\s\\-‐‑‒–]+(?:(?:${wording.elisions.join('|')})['’])?$`, 'iu');
}

/** The word as phrases and text are compared: lower case, accents dropped when the rules say so. */
function wordKey(w: string, wording: Wording): string {
  const lower = w.toLowerCase();
  if (!wording.foldAccents) return lower;
  // Ligatures are letters of their own, not accented ones: « œuvre » is also written « oeuvre ».
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}
const wordCharCache = new Map<number, boolean>();

/** Letters and digits of any script; ASCII is decided without a regular expression. */
function isWordChar(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let v = wordCharCache.get(code);
  if (v === undefined) {
    v = WORD_CHAR.test(String.fromCharCode(code));
    wordCharCache.set(code, v);
  }
  return v;
}

export function indexText(text: string, wording: Wording = PLAIN): TextIndex {
  const elided = new Set(wording.elisions);
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    // An apostrophe inside a word ("women's", "people’s") keeps the word whole, except after an
    // elision (French "l'aide", "d'enfants"), which is cut off: the word is what follows it.
    const c = text.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      if (elided.has(text.slice(start, i).toLowerCase())) start = i + 1;
      i++;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
    }
    let w = wordKey(text.slice(start, i), wording);
    if (w.includes('’')) w = w.replace('’', "'");
    starts.push(start);
    ends.push(i);
    words.push(w);
  }
  return {
    text,
    separator: separatorFor(wording),
    words,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
  };
}

/**
 * Every phrase list of the rules file, compiled together. Plain phrases become word sequences
 * looked up by their first word (or the first three letters of a prefix), so one pass over the
 * document's words finds the phrases of every list at once. `re:` patterns stay regular
 * expressions and are case-sensitive, so acronyms (UN, IDPs, AU) do not match ordinary words.
 */
export class PhraseBank {
  private readonly byWord = new Map<string, Entry[]>();
  private readonly byPrefix = new Map<string, Entry[]>();
  private readonly shortPrefix: Entry[] = [];
  private readonly regexes: { id: number; re: RegExp }[] = [];
  private size = 0;

  constructor(private readonly wording: Wording = PLAIN) {}

  compile(phrases: string[]): PhraseMatcher {
    const id = this.size++;
    const raw: string[] = [];
    for (const phrase of phrases) {
      if (phrase.startsWith('re:')) {
        raw.push(`(?:${phrase.slice(3)})`);
        continue;
      }
      for (const seq of expandPhrase(phrase, this.wording)) {
        const first = seq[0];
        const entry = { seq, id };
        if ('exact' in first) push(this.byWord, first.exact, entry);
        else if (first.prefix.length >= 3) push(this.byPrefix, first.prefix.slice(0, 3), entry);
        else this.shortPrefix.push(entry);
      }
    }
    if (raw.length) this.regexes.push({ id, re: new RegExp(raw.join('|'), 'gu') });
    return { id };
  }

  /** Hits of every list, by list id: non-overlapping within a list, the longest phrase winning. */
  scan(index: TextIndex): PhraseHit[][] {
    const { text, words, starts, ends } = index;
    const out: PhraseHit[][] = Array.from({ length: this.size }, () => []);
    const blocked = new Int32Array(this.size);
    const best = new Int32Array(this.size);
    const touched: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const exact = this.byWord.get(w);
      // "women's participation" holds the phrase "women" as "women's groups" holds its own.
      const owner = possessed(w);
      const ofOwner = owner ? this.byWord.get(owner) : undefined;
      const prefix = w.length >= 3 ? this.byPrefix.get(w.slice(0, 3)) : undefined;
      if (!exact && !ofOwner && !prefix && this.shortPrefix.length === 0) continue;
      for (const list of [exact, ofOwner, prefix, this.shortPrefix]) {
        if (!list) continue;
        for (const e of list) {
          if (blocked[e.id] > i || e.seq.length <= best[e.id] || !matchesAt(e.seq, index, i)) continue;
          if (best[e.id] === 0) touched.push(e.id);
          best[e.id] = e.seq.length;
        }
      }
      for (const id of touched) {
        const end = ends[i + best[id] - 1];
        out[id].push({ start: starts[i], end, text: text.slice(starts[i], end) });
        blocked[id] = i + best[id];
        best[id] = 0;
      }
      touched.length = 0;
    }
    for (const { id, re } of this.regexes) {
      re.lastIndex = 0;
      for (let x = re.exec(text); x; x = re.exec(text)) {
        if (x[0].length === 0) re.lastIndex++;
        else out[id].push({ start: x.index, end: x.index + x[0].length, text: x[0] });
      }
      out[id].sort((p, q) => p.start - q.start);
    }
    return out;
  }
}

/** The hits of one phrase list on its own, for callers outside the coder. */
export function findPhrases(phrases: string[], text: string): PhraseHit[] {
  const bank = new PhraseBank();
  const m = bank.compile(phrases);
  return bank.scan(indexText(text))[m.id];
}

/**
 * "cease-fire" is [cease, fire] or [ceasefire]; "protect*" is a prefix; apostrophes are straight;
 * an elision is cut off as in the text ("l'aide" is [aide]).
 */
function expandPhrase(phrase: string, wording: Wording): WordSeq[] {
  let seqs: WordSeq[] = [[]];
  const elision = wording.elisions.length ? new RegExp(`^(?:${wording.elisions.join('|')})'`) : null;
  for (const raw of wordKey(phrase, wording).replace(/’/g, "'").trim().split(/\s+/)) {
    const word = elision ? raw.replace(elision, '') : raw;
    const star = word.endsWith('*');
    const body = star ? word.slice(0, -1) : word;
    const pieces = body.split(/[-‐‑‒–]/).filter(Boolean);
    const test = (w: string, last: boolean): WordTest => (star && last ? { prefix: w } : { exact: w });
    const split: WordSeq = pieces.map((piece, k) => test(piece, k === pieces.length - 1));
    const joined: WordSeq = [test(pieces.join(''), true)];
    const options = pieces.length > 1 ? [split, joined] : [joined];
    seqs = seqs.flatMap((s) => options.map((o) => [...s, ...o]));
  }
  return seqs;
}

/** The owner of an English possessive ("women's" → "women", "child's" → "child"); null for any other word. */
function possessed(w: string): string | null {
  return w.length > 2 && w.endsWith("'s") ? w.slice(0, -2) : null;
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function matchesAt(seq: WordSeq, index: TextIndex, i: number): boolean {
  const { words, starts, ends, text, separator } = index;
  if (i + seq.length > words.length) return false;
  for (let k = 0; k < seq.length; k++) {
    const w = words[i + k];
    const test = seq[k];
    if ('exact' in test ? w !== test.exact && possessed(w) !== test.exact : !w.startsWith(test.prefix))
      return false;
    if (k > 0 && !separator.test(text.slice(ends[i + k - 1], starts[i + k]))) return false;
  }
  return true;
}
