/**
 * Whether a coded phrase is negated: the text rules the subject out ("No peacekeeping force shall
 * be deployed", "La question du désarmement ne relève pas du présent Accord") rather than provides
 * for it. A small version of NegEx (Chapman et al. 2001) and its successor ConText: negation
 * triggers that look forward (pre-negation) or back (post-negation), each with a scope that ends at
 * the clause's end (a sentence end, a semicolon or colon, a conjunction such as "but" or "mais"),
 * and pseudo-triggers that look like negations but are not ("no later than", "sans préjudice").
 * Two things are added for agreements:
 *
 * - A negation that governs a verb or noun of harm is a prohibition, and a prohibition is a
 *   provision: "Children shall not be recruited", "no one shall be subjected to torture",
 *   "aucune amnistie pour les crimes de violences sexuelles" all code. A negated verb of scope
 *   (apply, cover, provide for, relever, prévoir, retenir) excludes what it governs; any other
 *   negated verb is left alone, so an unknown wording errs towards coding the provision.
 * - "No" and "aucun(e)" negate only the noun phrase right after them ("aucune force de maintien de
 *   la paix"), not the whole clause, and not when the clause restricts rather than excludes ("no
 *   force shall be deployed without the consent of the Parties").
 *
 * The cues are data: `negation` in each rules file (data/poc-categories{,.fr}.yaml). Text and cues
 * are compared lower-cased, accents folded and typographic apostrophes made plain, so "ne s’applique
 * pas" and "ne s'applique pas", "désarmement" and "desarmement" are the same.
 */

/** The negation cues of one language, as written in its rules file. */
export interface NegationCues {
  /** Negation of a verb; the pattern names the verb `(?<verb>…)` and may name a participle `(?<then>…)`. */
  'negated-verb': string[];
  /** French auxiliaries and modals: when the negated verb is one, the participle after "pas" is the verb. */
  auxiliaries: string[];
  /** Verbs of scope: negated, they exclude what they govern ("does not apply to", "ne relève pas de"). */
  'scope-verbs': string[];
  /** Verbs and nouns of harm: a negation governing one is a prohibition, a provision. */
  harm: string[];
  /** Negating determiners: they negate only the noun phrase right after them ("no", "aucun"). */
  determiners: string[];
  /** Phrases negating what follows them in the clause ("excluding", "other than"). */
  before: string[];
  /** Phrases negating the subject before them ("is excluded", "plays no role"). */
  after: string[];
  /** Phrases that look like negations and are not; a cue they overlap is void. */
  pseudo: string[];
  /** Words that end a negation's scope ("but", "however", "mais", "toutefois"). */
  terminators: string[];
  /** Finite verbs and modals: a phrase after one is not the subject of a negation that follows it. */
  'clause-verbs': string[];
  /** Words by which a clause after "no X" restricts rather than excludes ("without", "unless", "que"). */
  restrictions: string[];
}

/** Words between a forward cue and the phrase it negates, at most (NegEx uses a few words; clauses run longer). */
const BEFORE_WORDS = 12;
/** Words between "no"/"aucun" and the phrase: the noun phrase it heads ("aucune force internationale de"). */
const DETERMINER_WORDS = 3;
/** Words between the phrase and a backward cue ("X and Y of the combatants is not covered"). */
const AFTER_WORDS = 20;
/** List items under an introduction ending in a colon: how far back the introduction may be. */
const LIST_LINES = 40;

interface WordList {
  exact: Set<string>;
  prefixes: string[];
}

export interface CompiledNegation {
  negatedVerb: RegExp[];
  auxiliaries: WordList;
  scopeVerbs: WordList;
  harm: WordList;
  clauseVerbs: WordList;
  determiners: RegExp;
  before: RegExp;
  after: RegExp;
  pseudo: RegExp;
  terminators: RegExp;
  restrictions: RegExp;
}

/**
 * An obligation said not to bind, in English and French, whatever the rules file lists: "are not
 * required to", "shall not be obliged to", "is under no obligation to", "need not", "ne sont pas
 * tenues de", "n'est nullement obligé de", "n'ont pas l'obligation de". Like "do not undertake
 * to", it rules out what follows it in its clause. Matched on folded text (no accents, plain
 * apostrophes); each pattern reads only its own language's words, so both go to every language.
 */
const NEGATED_OBLIGATION = [
  're:\\b(?:is|are|was|were|be|shall|will|should|do|does|did)\\s+(?:not|never)\\s+(?:be\\s+)?(?:required|obliged|obligated|bound|compelled)\\s+to\\b',
  "re:\\b(?:isn't|aren't|won't|shan't)\\s+(?:be\\s+)?(?:required|obliged|obligated|bound|compelled)\\s+to\\b",
  're:\\b(?:is|are|shall\\s+be|will\\s+be|be)\\s+under\\s+no\\s+(?:obligation|duty)\\s+to\\b',
  're:\\b(?:has|have|shall\\s+have|will\\s+have)\\s+no\\s+(?:obligation|duty)\\s+to\\b',
  're:\\b(?:do|does|shall|will)\\s+not\\s+(?:have|need)\\s+to\\b',
  're:\\bneed\\s+not\\b',
  "re:\\bn(?:e\\s+|')(?:est|sont|sera|seront|serait|seraient|soit|soient)\\s+(?:pas|point|nullement|aucunement|jamais)\\s+(?:tenue?s?|obligee?s?|astreinte?s?|contrainte?s?)\\s+(?:de\\b|d'|a\\b)",
  "re:\\bn(?:e\\s+|')(?:a|ont|aura|auront)\\s+(?:pas|nullement|aucunement)\\s+(?:l'obligation|obligation)\\s+(?:de\\b|d')",
  "re:\\b(?:a|ont|aura|auront)\\s+aucune\\s+obligation\\s+(?:de\\b|d')",
];

/** Compiles a rules file's negation cues; a broken pattern throws with its text. */
export function compileNegation(cues: NegationCues): CompiledNegation {
  return {
    negatedVerb: cues['negated-verb'].map((p) => new RegExp(patternSource(p), 'giu')),
    auxiliaries: wordList(cues.auxiliaries),
    scopeVerbs: wordList(cues['scope-verbs']),
    harm: wordList(cues.harm),
    clauseVerbs: wordList(cues['clause-verbs']),
    determiners: phrases(cues.determiners),
    before: phrases([...cues.before, ...NEGATED_OBLIGATION]),
    after: phrases(cues.after),
    pseudo: phrases(cues.pseudo),
    terminators: phrases(cues.terminators),
    restrictions: phrases(cues.restrictions),
  };
}

interface Span {
  start: number;
  end: number;
}

interface Cue extends Span {
  /** What the cue does to a phrase in its scope. */
  effect: 'negates' | 'prohibits' | 'none';
}

/**
 * Negation in one document: built once, asked for each coded phrase. Offsets are the document's;
 * the folded copy the cues are matched on has the same length.
 */
export class NegationScope {
  private readonly folded: string;

  constructor(
    text: string,
    private readonly cues: CompiledNegation,
  ) {
    this.folded = foldText(text);
  }

  /**
   * Whether the phrase [start, end), in the sentence [sentenceStart, sentenceEnd), is negated: a
   * forward cue before it in its clause, "no"/"aucun" heading it, a backward cue after it whose
   * subject it is, or an introduction ending in a colon that rules out the list it is an item of.
   */
  negated(start: number, end: number, sentenceStart: number, sentenceEnd: number): boolean {
    const from = this.clauseStart(sentenceStart, start);
    const to = this.clauseEnd(end, sentenceEnd);
    return (
      this.negatedBefore(from, start, sentenceStart) ||
      this.negatedWithin(start, end) ||
      this.negatedByDeterminer(from, start, end, to) ||
      this.negatedAfter(from, start, end, to) ||
      this.negatedList(start)
    );
  }

  /**
   * The nearest forward cue decides: a negated verb of scope or a phrase like "excluding" negates,
   * a negated verb of harm prohibits. A negated verb governs the first thing after it, so a harm
   * in between takes the negation ("does not provide for any amnesty for sexual violence").
   */
  private negatedBefore(from: number, at: number, sentenceStart: number): boolean {
    const verbs = this.verbCues(from, at);
    const cues = [...verbs, ...this.matches(this.cues.before, from, at, 'negates')]
      .filter((c) => c.effect !== 'none' && c.end <= at)
      .sort((a, b) => b.end - a.end);
    const cue = cues[0];
    if (cue?.effect !== 'negates') return false;
    // "The amnesty shall not apply to crimes of sexual violence", "l'amnistie ne couvre pas les
    // violences sexuelles": what an amnesty or immunity is said not to reach stays punishable,
    // which is a provision on it, as "no amnesty for sexual violence" is.
    const subject = this.words(from, cue.start);
    if (subject.some((w) => IMPUNITY.test(w))) return false;
    // "… shall not be prosecuted for having taken part in hostilities. This Section shall not apply
    // to crimes of sexual violence": the subject points back at an immunity the sentence before
    // grants, and what it does not reach stays punishable, as above.
    if (BACK_REFERENCE.test(subject.join(' ')) && this.grantsImmunity(sentenceStart)) return false;
    const between = this.words(cue.end, at);
    return (
      between.length <= BEFORE_WORDS &&
      !between.some(
        (w) => inList(this.cues.clauseVerbs, w) || (verbs.includes(cue) && inList(this.cues.harm, w)),
      )
    );
  }

  /**
   * A negation between the words a rule matched: "cantonment of combatants shall not include any
   * reintegration", "le cantonnement n'inclut pas la réintégration des combattants". The last cue
   * inside the span decides, as a cue before it would: a negated verb of scope or a phrase like
   * "are not required to" negates what follows it in its clause, unless a harm or a finite verb
   * comes between ("children shall not be recruited into armed groups" is a prohibition).
   */
  private negatedWithin(start: number, end: number): boolean {
    const verbs = this.verbCues(start, end);
    const cue = [...verbs, ...this.matches(this.cues.before, start, end, 'negates')]
      .filter((c) => c.effect !== 'none' && c.start > start && c.end < end)
      .sort((a, b) => b.end - a.end)[0];
    if (cue?.effect !== 'negates' || this.clauseEnd(cue.end, end) < end) return false;
    return !this.words(cue.end, end).some(
      (w) => inList(this.cues.clauseVerbs, w) || (verbs.includes(cue) && inList(this.cues.harm, w)),
    );
  }

  /** "No X", "aucun X": the noun phrase right after, unless it is a harm or the clause a prohibition. */
  private negatedByDeterminer(from: number, at: number, end: number, to: number): boolean {
    const cue = this.matches(this.cues.determiners, from, at, 'negates')
      .filter((c) => c.end <= at)
      .pop();
    if (!cue) return false;
    const gap = this.folded.slice(cue.end, at);
    if (/[,;:()[\]]/.test(gap) || this.words(cue.end, at).length > DETERMINER_WORDS) return false;
    // "no amnesty for …", "aucune attaque contre …": the negated thing is a harm. "ne recruteront
    // pas d'enfants", "shall use no children": the negation is the harm verb's, a prohibition.
    const head = this.words(cue.end, end)[0];
    if (head && inList(this.cues.harm, head)) return false;
    if (
      this.words(from, cue.start)
        .slice(-3)
        .some((w) => inList(this.cues.harm, w))
    )
      return false;
    // "No child shall be recruited": a prohibition. "No force shall be deployed without consent",
    // "aucune force ne sera déployée qu'à la demande …": a restriction. Both are provisions. The
    // clause is read from after the head word, so a phrase that runs over its verb ("school …
    // shall be used for military purposes") is read with it.
    const rest = this.words(at, to).slice(1);
    if (rest.some((w) => inList(this.cues.harm, w))) return false;
    this.cues.restrictions.lastIndex = 0;
    return !this.cues.restrictions.test(this.folded.slice(at, to));
  }

  /** "X … is not covered / ne relève pas / is excluded": X must be the subject of the negated verb. */
  private negatedAfter(from: number, at: number, end: number, to: number): boolean {
    if (this.words(from, at).some((w) => inList(this.cues.clauseVerbs, w))) return false;
    const cues = [...this.verbCues(end, to), ...this.matches(this.cues.after, end, to, 'negates')]
      .filter((c) => c.effect !== 'none' && c.start >= end)
      .sort((a, b) => a.start - b.start);
    const cue = cues[0];
    if (cue?.effect !== 'negates') return false;
    const between = this.words(end, cue.start);
    // "Rape shall be excluded from any amnesty": excluded from a harm is protected.
    if (this.words(cue.end, to).some((w) => inList(this.cues.harm, w))) return false;
    return between.length <= AFTER_WORDS && !between.some((w) => inList(this.cues.clauseVerbs, w));
  }

  /** An item of a list introduced by "This Agreement does not apply to:" / "Ne relèvent pas du présent Accord :". */
  private negatedList(at: number): boolean {
    const text = this.folded;
    let lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (!LIST_ITEM.test(text.slice(lineStart, lineStart + 12))) return false;
    for (let k = 0; k < LIST_LINES && lineStart > 0; k++) {
      const prevEnd = lineStart - 1;
      const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
      const line = text.slice(prevStart, prevEnd);
      lineStart = prevStart;
      if (line.trim() === '' || LIST_ITEM.test(line)) continue;
      if (!/:\s*$/.test(line)) return false;
      const cues = [
        ...this.verbCues(prevStart, prevEnd),
        ...this.matches(this.cues.before, prevStart, prevEnd, 'negates'),
        ...this.matches(this.cues.after, prevStart, prevEnd, 'negates'),
      ];
      return cues.some((c) => c.effect === 'negates');
    }
    return false;
  }

  /** Negated verbs in [from, to), each with what it does: exclude (scope), prohibit (harm) or nothing. */
  private verbCues(from: number, to: number): Cue[] {
    const slice = this.folded.slice(from, to);
    const out: Cue[] = [];
    for (const re of this.cues.negatedVerb) {
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        const verb = (m.groups?.verb ?? '').toLowerCase();
        const then = (m.groups?.then ?? '').toLowerCase();
        const governed = then && inList(this.cues.auxiliaries, verb) ? then : verb;
        const effect = inList(this.cues.harm, governed)
          ? 'prohibits'
          : inList(this.cues.scopeVerbs, governed) ||
              (governed === verb && then && inList(this.cues.scopeVerbs, then))
            ? 'negates'
            : 'none';
        const cue = { start: from + m.index, end: from + m.index + m[0].length, effect } as Cue;
        if (!this.pseudo(cue)) out.push(cue);
      }
    }
    return out;
  }

  private matches(re: RegExp, from: number, to: number, effect: Cue['effect']): Cue[] {
    const slice = this.folded.slice(from, to);
    const out: Cue[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const cue: Cue = { start: from + m.index, end: from + m.index + m[0].length, effect };
      if (!this.pseudo(cue)) out.push(cue);
    }
    return out;
  }

  /** Whether a pseudo-trigger ("no later than", "nothing in this Agreement shall …") covers the cue. */
  private pseudo(cue: Span): boolean {
    const from = Math.max(0, cue.start - 120);
    const slice = this.folded.slice(from, Math.min(this.folded.length, cue.end + 40));
    const re = this.cues.pseudo;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const start = from + m.index;
      if (start < cue.end && start + m[0].length > cue.start) return true;
    }
    return false;
  }

  /** Whether the sentence before `sentenceStart`, in the same provision, speaks of amnesty or immunity from prosecution. */
  private grantsImmunity(sentenceStart: number): boolean {
    const before = this.folded.slice(Math.max(0, sentenceStart - 400), sentenceStart);
    const provision = before.slice(before.lastIndexOf('\n\n') + 1).replace(/[\s.;!?]+$/, '');
    const sentence = provision.slice(provision.search(/[.;!?][^.;!?]*$/) + 1);
    const words = sentence.toLowerCase().match(WORD) ?? [];
    return words.some((w) => IMPUNITY.test(w) || PROSECUTION.test(w));
  }

  /** Just after the last clause end (a semicolon, a colon, a terminator word) in [sentenceStart, at). */
  private clauseStart(sentenceStart: number, at: number): number {
    const from = Math.max(sentenceStart, at - 600);
    let start = from;
    const slice = this.folded.slice(from, at);
    for (const m of slice.matchAll(/[;:]/g)) start = Math.max(start, from + (m.index ?? 0) + 1);
    for (const t of this.matches(this.cues.terminators, from, at, 'none')) start = Math.max(start, t.end);
    return start;
  }

  /** At the first clause end in [at, sentenceEnd). */
  private clauseEnd(at: number, sentenceEnd: number): number {
    const to = Math.min(sentenceEnd, at + 600);
    const slice = this.folded.slice(at, to);
    let end = to;
    const punct = /[;:]/.exec(slice);
    if (punct) end = at + punct.index;
    const t = this.matches(this.cues.terminators, at, end, 'none')[0];
    return t ? t.start : end;
  }

  /** The words in [from, to), lower case, accents folded. */
  private words(from: number, to: number): string[] {
    if (to <= from) return [];
    return this.folded.slice(from, to).toLowerCase().match(WORD) ?? [];
  }
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Words of impunity (folded): amnesty, amnistie, pardon, grâce, immunity, impunité. */
const IMPUNITY = /^(?:amnest|amnisti|pardon|grace|gracie|immunit|impunit)/;
/** Words of prosecution (folded): an immunity put as "shall not be prosecuted", « ne seront pas poursuivis ». */
const PROSECUTION = /^(?:prosecut|poursuivi|poursuite)/;
/** A subject that points back at the provision before: "this Section", "the foregoing", « cette disposition ». */
const BACK_REFERENCE =
  /\b(?:this|that|these|the foregoing|the above|the preceding|cette|ces|ce|cet|la presente|le present) (?:section|article|paragraph|provision|clause|subsection|disposition|alinea|paragraphe|mesure|measure)s?$|^(?:this|the foregoing|the above|ce qui precede|cela)$/;
/** A list item's marker at the start of a line: (a), a), 1., 1°, (iv), a bullet. */
const LIST_ITEM =
  /^\s*(?:\([a-z]{1,2}\)|[a-z][.)/]\s|\([ivxlc]{1,6}\)|[ivxlc]{1,6}[.)]\s|\d{1,3}[.)°]|[-•*–▪●◦]\s)/iu;

function wordList(words: string[]): WordList {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const w of words.map((x) => foldText(x).toLowerCase())) {
    if (w.endsWith('*')) prefixes.push(w.slice(0, -1));
    else exact.add(w);
  }
  return { exact, prefixes };
}

function inList(list: WordList, word: string): boolean {
  return list.exact.has(word) || list.prefixes.some((p) => word.startsWith(p));
}

/** One pattern for a list of phrases: plain phrases as whole words (`*` ends a prefix), `re:` as written. */
function phrases(list: string[]): RegExp {
  if (!list.length) return /(?!)/gu;
  return new RegExp(list.map((p) => `(?:${patternSource(p)})`).join('|'), 'giu');
}

function patternSource(phrase: string): string {
  const folded = foldText(phrase);
  if (folded.startsWith('re:')) return folded.slice(3);
  const prefix = folded.endsWith('*');
  const body = (prefix ? folded.slice(0, -1) : folded)
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return `(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`;
}

const foldCache = new Map<number, string>();

/**
 * The text as cues read it, with the same length and offsets: accents dropped, typographic
 * apostrophes and non-breaking spaces made plain. Case is left alone (cues match case-insensitively).
 */
export function foldText(text: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    let f = foldCache.get(code);
    if (f === undefined) {
      f = foldChar(text[i]);
      foldCache.set(code, f);
    }
    if (f === text[i]) continue;
    out += text.slice(plainFrom, i) + f;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}

function foldChar(c: string): string {
  if (/['’ʼ‘`´]/.test(c)) return "'";
  if (/[\u00a0\u202f\u2007\u2009]/.test(c)) return ' ';
  if (/[‐‑‒–—]/.test(c)) return '-';
  // Surrogate halves stay as they are; so do letters whose base is not one code unit (œ, ß).
  if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) return c;
  const base = c.normalize('NFD').replace(/\p{M}/gu, '');
  return base.length === 1 ? base : c;
}
