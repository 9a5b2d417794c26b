import { detectLanguage, mostlyNonLatin } from './agreement-language.ts';
import { isVersionLabel } from './provision-line-shapes.ts';

/**
 * Bilingual agreements are common where French and English (or Arabic) are both official: the
 * French text then the English one in one file, or the two side by side in two columns. Telling
 * the language of the whole text codes one half with the other half's rules. This tells the
 * language of each line from its function words (franc's letter trigrams mislead on a line), and
 * finds the runs of lines in one language:
 *
 * - `single`: one language (a line or a short passage in another, such as a quoted name, does
 *   not count);
 * - `sequential`: a few long runs, each a version of the text ("ENGLISH VERSION" …), each to be
 *   segmented and coded on its own;
 * - `interleaved`: the languages alternate line by line or paragraph by paragraph, as a PDF of two
 *   columns side by side reads; its halves cannot be told apart, so it is coded in one language,
 *   with a warning.
 */
export interface LanguageBlock {
  /** ISO 639-1 (`en`, `fr`) or as `detectLanguage` gives it for a part in another language. */
  language: string;
  /** Character span [start, end) into the text. */
  start: number;
  end: number;
}

export interface LanguageMix {
  layout: 'single' | 'sequential' | 'interleaved';
  /** The languages found, in the order they first appear; one for a single-language text. */
  languages: string[];
  /** The runs in one language, covering the text (one block for `single` and `interleaved`). */
  blocks: LanguageBlock[];
}

const EN = new Set(
  'the of and to in shall be are is for with may by or all their this that which from as at an its will not any such have has these those'.split(
    ' ',
  ),
);
const FR = new Set(
  'le la les des du de et est sont au aux dans pour par sur une un leur leurs ce qui que cette ces ou ne pas avec selon sous entre sera seront présent présente en l d qu à'.split(
    ' ',
  ),
);
const ACCENTED = /[éèêàçùûôîœâëï]/giu;
/** A part in another language must hold this many letters to count as a version of the text. */
const MIN_BLOCK = 300;
/** … and this share of the letters told. */
const MIN_SHARE = 0.15;
/** `both`: English and French on one line, as two columns side by side come out of a PDF. */
type Tag = 'en' | 'fr' | 'other' | 'und' | 'both' | 'both-en-first';

interface TaggedLine {
  tag: Tag;
  letters: number;
  start: number;
  end: number;
  text: string;
}

/** A line's language from its function words: English, French, a non-Latin script, or untold. */
function tagLine(line: string): Tag {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return 'und';
  if (mostlyNonLatin(line)) return 'other';
  let en = 0;
  let fr = 0;
  for (const word of line.toLowerCase().split(/[^\p{L}]+/u)) {
    if (EN.has(word)) en++;
    if (FR.has(word)) fr++;
  }
  let firstEn = -1;
  let firstFr = -1;
  line
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .forEach((word, i) => {
      if (firstEn < 0 && EN.has(word)) firstEn = i;
      if (firstFr < 0 && FR.has(word)) firstFr = i;
    });
  if (en >= 3 && fr >= 3 && Math.min(en, fr) >= 0.4 * Math.max(en, fr))
    return firstEn < firstFr ? 'both-en-first' : 'both';
  fr += 0.25 * Math.min(8, line.match(ACCENTED)?.length ?? 0);
  if (en >= 2 && en > 2 * fr) return 'en';
  if (fr >= 2 && fr > 2 * en) return 'fr';
  return 'und';
}

/** A line in one language. */
const isOne = (tag: Tag) => tag === 'en' || tag === 'fr' || tag === 'other';

interface Run {
  tag: Tag;
  letters: number;
  /** Indices into the tagged lines of its first and last told line. */
  first: number;
  last: number;
}

export function languageBlocks(text: string): LanguageMix {
  const lines: TaggedLine[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    lines.push({
      tag: t ? tagLine(t) : 'und',
      letters: t.match(/\p{L}/gu)?.length ?? 0,
      start: at,
      end: at + raw.length,
      text: t,
    });
    at += raw.length + 1;
  }
  const whole = (language: string): LanguageMix => ({
    layout: 'single',
    languages: [language],
    blocks: [{ language, start: 0, end: text.length }],
  });
  // Both languages on most lines: two columns side by side.
  const across = lines.filter((l) => l.tag === 'both' || l.tag === 'both-en-first');
  const acrossLetters = across.reduce((n, l) => n + l.letters, 0);
  const taggedLetters = lines.filter((l) => l.tag !== 'und').reduce((n, l) => n + l.letters, 0);
  if (acrossLetters >= MIN_BLOCK && acrossLetters >= 0.3 * taggedLetters) {
    const enFirst = across.filter((l) => l.tag === 'both-en-first').length * 2 > across.length;
    return {
      layout: 'interleaved',
      languages: enFirst ? ['en', 'fr'] : ['fr', 'en'],
      blocks: [{ language: '', start: 0, end: text.length }],
    };
  }
  const totals = new Map<Tag, number>();
  for (const l of lines) if (isOne(l.tag)) totals.set(l.tag, (totals.get(l.tag) ?? 0) + l.letters);
  const told = [...totals.values()].reduce((a, b) => a + b, 0);
  const present = [...totals.entries()].filter(([, n]) => n >= MIN_BLOCK && n >= MIN_SHARE * told);
  if (present.length < 2) return whole('');

  let runs: Run[] = [];
  lines.forEach((l, i) => {
    if (!isOne(l.tag)) return;
    const last = runs[runs.length - 1];
    if (last && last.tag === l.tag) {
      last.letters += l.letters;
      last.last = i;
    } else runs.push({ tag: l.tag, letters: l.letters, first: i, last: i });
  });
  const rawRuns = runs.length;
  // A short run (a quoted name, a line of the other language) joins the runs around it.
  for (;;) {
    let k = -1;
    for (let i = 0; i < runs.length; i++)
      if (runs[i].letters < MIN_BLOCK && (k < 0 || runs[i].letters < runs[k].letters)) k = i;
    if (k < 0 || runs.length === 1) break;
    const before = runs[k - 1];
    const after = runs[k + 1];
    const into = !after || (before && before.letters >= after.letters) ? before : after;
    into.letters += runs[k].letters;
    into.first = Math.min(into.first, runs[k].first);
    into.last = Math.max(into.last, runs[k].last);
    runs.splice(k, 1);
    const merged: Run[] = [];
    for (const r of runs) {
      const prev = merged[merged.length - 1];
      if (prev && prev.tag === r.tag) {
        prev.letters += r.letters;
        prev.last = r.last;
      } else merged.push(r);
    }
    runs = merged;
  }
  const order = (tags: Tag[]) => [...new Set(tags)];
  if (runs.length === 1 || runs.length > 4 || rawRuns > 12 + 4 * runs.length) {
    // The languages alternate all along: two columns side by side, or a text and its translation
    // paragraph by paragraph.
    const other = () =>
      detectLanguage(
        lines
          .filter((l) => l.tag === 'other')
          .map((l) => l.text)
          .join('\n'),
      );
    const languages = order(lines.filter((l) => present.some(([t]) => t === l.tag)).map((l) => l.tag)).map(
      (t) => (t === 'other' ? other() : t),
    );
    return { layout: 'interleaved', languages, blocks: [{ language: '', start: 0, end: text.length }] };
  }
  const blocks: LanguageBlock[] = runs.map((r, i) => {
    let start = i === 0 ? 0 : lines[r.first].start;
    if (i > 0) {
      // The heading or version label just above a run's first told line opens it.
      for (let j = r.first - 1, seen = 0; j > runs[i - 1].last && seen < 4; j--) {
        const l = lines[j];
        if (!l.text) continue;
        seen++;
        if (isVersionLabel(l.text)) {
          start = l.start;
          break;
        }
        if (l.tag !== 'und' || l.letters === 0 || l.text !== l.text.toUpperCase()) break;
        start = l.start;
      }
    }
    return { language: r.tag, start, end: text.length };
  });
  for (let i = 0; i < blocks.length - 1; i++) blocks[i].end = blocks[i + 1].start;
  for (const b of blocks) {
    if (b.language === 'other') b.language = detectLanguage(text.slice(b.start, b.end));
  }
  return { layout: 'sequential', languages: [...new Set(blocks.map((b) => b.language))], blocks };
}
