/**
 * Turns text extracted from a file into the one normalised text that provision spans point into:
 * Unix line ends, no byte-order mark, lines trimmed, typographic variants made plain (ligatures
 * "ﬁ" as "fi", non-breaking hyphens as "-", "ʼ" or "´" between letters as "’"), words split by a
 * hyphen at a line end joined ("protec-\ntion" -> "protection", "ex-\ncombattants" ->
 * "ex-combattants"), page furniture dropped, and, for hard-wrapped text such as PDF output, lines
 * that continue a sentence joined with a space, across a page break too. Blank-line runs shrink to
 * one blank line.
 */
export interface NormaliseOptions {
  /** Join soft line breaks inside sentences. Default: only when the text looks hard-wrapped. */
  reflow?: boolean | 'auto';
  /**
   * Drop page furniture: lines that are only a page number ("12", "Page 3 of 9", "Page 3 sur 9",
   * "- 3 -") and the running headers or footers repeated beside them. `auto` (the default) drops
   * the unmistakable page marks, not bare numbers, and only from hard-wrapped text.
   */
  dropPageNumbers?: boolean | 'auto';
}

/** A line that opens an item or a numbered part: "(a)", "iv)", "3.1", "•", "Article 4". */
export const LIST_MARKER =
  /^(?:\(?[a-z]{1,2}\)|[a-z][.)]\s|\(?[ivxlc]+\)|[ivxlc]+\.\s|\d{1,3}(?:\.\d{1,3})*[.)]?(?:\s|$)|[-•*–]\s|(?:article|art\.|chapter|chapitre|part|partie|section|titre|annex|annexe)\b)/i;
const PAGE_MARK =
  /^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|sur|de|\/)\s*\d{1,4})?$|^\d{1,4}\s*(?:\/|of|sur)\s*\d{1,4}$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const BARE_PAGE_NUMBER = /^\d{1,4}$/;
/** A running header or footer ending in its page mark ("Accord de Brazzaville – Page 2 sur 5"). */
const TRAILING_PAGE_MARK =
  /(?:^|\s)(?:(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|sur|de|\/)\s*\d{1,4})?|\d{1,4}\s*(?:\/|of|sur)\s*\d{1,4})$/i;
/** Prefixes whose hyphen stays when a line breaks after it ("ex-\ncombattants", "non-\nstate"). */
const HYPHENATED_PREFIX = /(?:^|[\s(«“"'’])(?:ex|non|anti|sous|post|quasi|semi|vice|demi|self)-$/iu;
/**
 * A line that opens a numbered part of the text, with its heading or alone: "Article 4 – Violences
 * sexuelles", "ARTICLE 4", "Art. 4", "TITRE II", "CHAPITRE 3 : …", "Chapter 2", "Section 1",
 * "4.1 Protection of civilians". Group 1 is what follows the number.
 */
const HEADING_MARKER =
  /^(?:(?:article|art\.?|titre|sous-titre|chapitre|chapter|section|part|partie|annex|annexe)\s*(?:\d{1,3}(?:er|re|ère|ème|eme)?(?:\s+(?:bis|ter|quater))?|[IVXLC]{1,7}|premier|première|unique|one|two|three|four|five|six|seven|eight|nine|ten)(?![\p{L}\d])|\d{1,3}(?:\.\d{1,3})+\.?(?=\s))\s*(?:[:.\-–—]{1,2}\s*)?(.*)$/iu;
/** Words that make what follows a heading marker a sentence, not a heading ("Article 3 – Les Parties s'engagent …"). */
const SENTENCE_START =
  /^(?:le|la|les|l[’']|un|une|il|ils|elle|elles|nul|tout|toute|tous|aucun|aucune|chaque|the|a|an|each|all|any|no|it|they|this|these|there|every)\b/iu;
const FINITE_VERB =
  /(?:^|\s)(?:shall|will|must|agrees?|undertakes?|are|is|s[’']engagent|s[’']engage|sont|est|doit|doivent|peut|peuvent|seront|sera)(?=\s|$)/iu;
const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' };

export function normaliseAgreementText(raw: string, options: NormaliseOptions = {}): string {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Non-breaking and other odd spaces become plain spaces; tabs too, so table cells stay apart.
  text = text.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').replace(/\t/g, '  ');
  text = text.replace(/[\u200B\u00AD]/g, '');
  // Symbol-font bullets from Word and PDF arrive as private-use characters.
  text = text.replace(/[\uE000-\uF8FF]+ */g, '• ');
  text = text
    .replace(/[\uFB00-\uFB06]/g, (l) => LIGATURES[l] ?? l)
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/(?<=\p{L})[\u02BC\u00B4`](?=\p{L})/gu, '’');
  const lines = text.split('\n').map((l) => l.trim());
  const reflow =
    options.reflow === 'auto' || options.reflow === undefined ? looksHardWrapped(lines) : options.reflow;
  const width = reflow ? wrapWidth(lines) : 0;
  const drop = options.dropPageNumbers ?? 'auto';
  const furniture =
    drop === true
      ? pageFurniture(lines, true)
      : drop === 'auto' && reflow
        ? pageFurniture(lines, false)
        : null;

  const out: JoinedLine[] = [];
  /** A page break was just passed: the blank lines around it need not end a paragraph. */
  let pageBreak = false;
  /** Only lines in capitals (the title block) have been read so far. */
  let titleBlock = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (furniture?.has(i)) {
      pageBreak = true;
      continue;
    }
    let prev = out.length ? out[out.length - 1] : undefined;
    if (line === '') {
      if (prev?.length) out.push(new JoinedLine(''));
      continue;
    }
    if (pageBreak && prev && !prev.length) {
      let k = out.length - 1;
      while (k > 0 && !out[k].length) k--;
      if (endsMidWord(out[k].tail, line) || (reflow && continuesSentence(out[k], line))) {
        out.length = k + 1;
        prev = out[k];
      }
    }
    pageBreak = false;
    if (prev?.length) {
      if (endsMidWord(prev.tail, line)) {
        // A word broken over a line end; a compound's own hyphen ("cessez-le-\nfeu") stays.
        const keep =
          HYPHENATED_PREFIX.test(prev.tail) || /\p{L}-\p{L}+-$/u.test(prev.tail) || /^\p{L}+-/u.test(line);
        if (!keep) prev.dropLast();
        prev.append('', line);
        continue;
      }
      if (reflow && continuesSentence(prev, line, { width, titleBlock })) {
        prev.append(' ', line);
        continue;
      }
    }
    if (titleBlock && !isShoutedHeading(line)) titleBlock = false;
    out.push(new JoinedLine(line));
  }
  while (out.length && !out[out.length - 1].length) out.pop();
  return out.map((l) => l.text()).join('\n');
}

/**
 * A line of the output, joined from lines of the input. The checks on how it ends read its last
 * characters only, and the checks on the whole of it only while it is short enough to be a
 * heading: a text of a million short lines, each joined to the one before, would otherwise be
 * read again whole at every line (a request of 400 kB held the server for half a minute).
 */
class JoinedLine {
  private readonly parts: string[];
  length: number;
  /** The line's last characters (up to TAIL), enough for a word and its punctuation. */
  tail: string;

  constructor(first: string) {
    this.parts = [first];
    this.length = first.length;
    this.tail = first.slice(-TAIL);
  }

  append(separator: string, more: string): void {
    this.parts.push(separator, more);
    this.length += separator.length + more.length;
    this.tail = (this.tail + separator + more).slice(-TAIL);
  }

  /** Drops the last character (a hyphen that only broke a word). */
  dropLast(): void {
    const last = this.parts.length - 1;
    this.parts[last] = this.parts[last].slice(0, -1);
    this.length--;
    this.tail = this.tail.slice(0, -1);
  }

  text(): string {
    return this.parts.join('');
  }

  /** The whole line while it could still be a heading; null once it is longer. */
  short(): string | null {
    return this.length <= LONGEST_HEADING ? this.text() : null;
  }
}

const TAIL = 200;

/** A heading's title in capitals this long may have wrapped onto the next line. */
const WRAPPED_HEADING_TITLE = 40;

/** A line this long is a paragraph, not a heading, whatever its case. */
const LONGEST_HEADING = 400;

/** A lowercase letter and a hyphen end the line, and the next line goes on in lowercase. */
function endsMidWord(prev: string, line: string): boolean {
  return /\p{Ll}-$/u.test(prev) && /^\p{Ll}/u.test(line);
}

/**
 * The lines that are page furniture: page marks ("Page 3 sur 9"; bare numbers too when asked),
 * lines that end in a page mark and recur but for their numbers, and running headers or footers,
 * the same short line on two pages or more, each time within two lines of a page mark.
 */
function pageFurniture(lines: string[], bareNumbers: boolean): Set<number> {
  const marks = new Set<number>();
  const footers = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (PAGE_MARK.test(l) || (bareNumbers && BARE_PAGE_NUMBER.test(l))) marks.add(i);
    else if (l.length <= 160 && TRAILING_PAGE_MARK.test(l)) {
      const key = l.replace(/\d+/g, '#');
      footers.set(key, [...(footers.get(key) ?? []), i]);
    }
  });
  // The same line but for its numbers, ending in a page mark, on two pages or more.
  for (const places of footers.values()) if (places.length >= 2) for (const i of places) marks.add(i);
  if (!marks.size) return marks;
  const nearMark = (i: number) => {
    for (const d of [-1, 1]) {
      let seen = 0;
      for (let j = i + d; j >= 0 && j < lines.length && seen < 2; j += d) {
        if (lines[j] === '') continue;
        if (marks.has(j)) return true;
        seen++;
      }
    }
    return false;
  };
  const at = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l && l.length <= 120 && !marks.has(i)) at.set(l, [...(at.get(l) ?? []), i]);
  });
  const furniture = new Set(marks);
  for (const places of at.values()) {
    if (places.length >= 2 && places.every(nearMark)) for (const i of places) furniture.add(i);
  }
  return furniture;
}

/**
 * A line continues the previous one when the previous does not end a sentence and this is not a new
 * item. A heading line ("Article 4 – Violences sexuelles liées aux conflits", "4.1 Protection of
 * civilians") stays a line of its own when what follows starts with a capital, however near the
 * line width it ends. `width` is the width the text was wrapped at (0 when unknown); `titleBlock`
 * says no line but capitals has been read yet.
 */
function continuesSentence(
  joined: JoinedLine,
  line: string,
  context: { width: number; titleBlock: boolean } = { width: 0, titleBlock: false },
): boolean {
  if (LIST_MARKER.test(line)) return false;
  const end = joined.tail;
  if (/[.;:!?]["'”’»)]?$/.test(end)) return false;
  if (/^\p{Ll}/u.test(line)) return true;
  // The whole line only while it is short enough to be a heading.
  const prev = joined.short();
  // A line that opens a section never goes on a heading or a title before it.
  const opens = HEADING_MARKER.test(line) || /^(?:pr[ée]ambule|preamble)\b/iu.test(line);
  // A heading in capitals goes on on the next line, when that line is in capitals and opens
  // nothing, if it breaks on a word no title ends on ("TITRE III : DE L'ASSISTANCE ET DE
  // LA\nCIRCULATION") or its title is long enough to have wrapped ("TITRE II – DE LA CESSATION
  // DES HOSTILITÉS ET DES ARRANGEMENTS\nSÉCURITAIRES").
  if (prev !== null && isHeadingLine(prev))
    return (
      !opens &&
      isShoutedHeading(prev) &&
      isShoutedHeading(line) &&
      (/\s(?:DES?|DU|LA|LE|LES|AUX?|ET|EN|POUR|SUR|ENTRE|OF|THE|AND|ON|FOR|TO|IN)$/u.test(end) ||
        (HEADING_MARKER.exec(prev)?.[1] ?? '').length >= WRAPPED_HEADING_TITLE)
    );
  // A long line cut mid-sentence ("... by the\nGovernment of"): join unless the previous line is a heading.
  if (joined.length >= 50 && /[\p{Ll},]$/u.test(end) && !(prev !== null && isShoutedHeading(prev)))
    return true;
  // A title in capitals wrapped over two lines ("ACCORD ... EN RÉPUBLIQUE\nCENTRAFRICAINE"): the
  // first is long or ends on a word that cannot end a title ("... CESSATION DES\nHOSTILITÉS"), the
  // next word would not have fitted on it, or the document's title block ends in a word or two.
  if (opens || !(prev !== null && isShoutedHeading(prev) && isShoutedHeading(line) && /\p{Lu}$/u.test(end)))
    return false;
  if (
    prev.length >= 60 ||
    /\s(?:DES?|DU|LA|LE|LES|AUX?|ET|EN|POUR|SUR|ENTRE|OF|THE|AND|ON|FOR|TO|IN)$/u.test(end)
  )
    return true;
  const firstWord = line.split(/\s+/)[0] ?? '';
  if (context.width && prev.length + 1 + firstWord.length > context.width) return true;
  return context.titleBlock && /^[\p{Lu}’'-]+(?:\s+[\p{Lu}’'-]+)?$/u.test(line);
}

/**
 * A line that opens an article, title, chapter, section or numbered clause and carries nothing
 * but its heading: the words after the number are short, do not end a clause, and are not a
 * sentence ("Article 3 – Les Parties s'engagent à …" is one).
 */
function isHeadingLine(line: string): boolean {
  const m = HEADING_MARKER.exec(line);
  if (!m) return false;
  const rest = (m[1] ?? '').trim();
  if (rest === '') return true;
  return (
    rest.length <= 100 &&
    /^[\p{Lu}\d"“«(]/u.test(rest) &&
    !/[,;:]$/.test(rest) &&
    !SENTENCE_START.test(rest) &&
    !FINITE_VERB.test(rest)
  );
}

/** The width a hard-wrapped text was wrapped at: nearly all its lines are no longer. */
function wrapWidth(lines: string[]): number {
  const lengths = lines
    .filter((l) => l.length > 0)
    .map((l) => l.length)
    .sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor((lengths.length - 1) * 0.95)] : 0;
}

function isShoutedHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** Hard-wrapped text: most lines are of a similar, modest width and many continue mid-sentence. */
function looksHardWrapped(lines: string[]): boolean {
  const full = lines.filter((l) => l.length > 0);
  if (full.length < 8) return false;
  const lengths = full.map((l) => l.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)];
  let continued = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] && lines[i - 1] && !/[.;:!?]$/.test(lines[i - 1]) && /^\p{Ll}/u.test(lines[i])) continued++;
  }
  return p90 <= 110 && continued / full.length > 0.15;
}
