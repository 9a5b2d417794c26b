import type { Provision, ProvisionKind } from '../domain/provision.ts';
import {
  ANNEX_RE,
  ARTICLE_RE,
  BULLET_RE,
  CHAPTER_RE,
  cap,
  isSectionTitle,
  isShoutedHeading,
  LETTER_RE,
  NOTE_ITEM_RE,
  NOTES_RE,
  NUMBERED_RE,
  numberValue,
  ROMAN_RE,
  romanValue,
  sentenceCaseHeading,
  startsHeadingOrEnds,
  UPPER_ROMAN_RE,
} from './provision-line-shapes.ts';

/** The numbering marker a line opens with: its kind, rank or list style, number and id token. */
export interface Marker {
  kind: ProvisionKind;
  /** Structural rank: lower contains higher. Lists use `style` instead. */
  rank: number;
  style: 'structure' | 'letter' | 'roman' | 'bullet' | 'paren-number';
  number: string;
  token: string;
  rest: string;
  /** Offset of `rest` within the line. */
  restAt: number;
  value?: number;
}

/** A provision open while segmenting, that the lines after it may fall under. */
export interface OpenProvision {
  p: Provision;
  rank: number;
  style: Marker['style'];
  value?: number;
  /** Clause-level provisions absorb the unnumbered lines that follow them. */
  absorbs: boolean;
}

/**
 * The marker a line opens with (Chapter 2, Article 1er, 2.4, (a), (iv), •, a note's [3]), or null
 * for unnumbered text. `stack` holds the provisions open above the line, innermost last: whether
 * "(i)" is a letter or a Roman numeral, and "1." an item or a clause, depends on what is open.
 */
export function lineMarker(t: string, stack: readonly OpenProvision[]): Marker | null {
  if (NOTES_RE.test(t)) {
    // The notes of a Word document, after its last provision: a section of their own.
    return { kind: 'annex', rank: 0, style: 'structure', number: '', token: 'notes', rest: t, restAt: 0 };
  }
  const note = inNotes(stack) ? NOTE_ITEM_RE.exec(t) : null;
  if (note) {
    return {
      kind: 'item',
      rank: 0,
      style: 'paren-number',
      number: `[${note[1]}]`,
      token: `note-${note[1]}`,
      rest: note[2],
      restAt: t.length - note[2].length,
      value: Number(note[1]),
    };
  }
  let m = CHAPTER_RE.exec(t);
  if (m && startsHeadingOrEnds(m[3])) {
    const word = m[1].toLowerCase();
    // French Titre contains Chapitre, which contains Section.
    const isPart = word === 'part' || word === 'partie' || word === 'titre';
    const kind: ProvisionKind = isPart ? 'part' : 'chapter';
    const rank = isPart ? 1 : word === 'section' || word === 'sous-titre' ? 3 : 2;
    const n = numberValue(m[2]);
    return {
      kind,
      rank,
      style: 'structure',
      number: `${cap(word)} ${m[2]}`,
      token: `${word === 'chapter' || word === 'chapitre' ? 'ch' : word === 'section' ? 'sec' : word}-${m[2]}`
        .toLowerCase()
        .replace(/\s+/g, '-'),
      rest: m[3],
      restAt: t.length - m[3].length,
      value: n,
    };
  }
  m = ANNEX_RE.exec(t);
  if (
    m &&
    (m[2] || /^[:.\-–—]/.test(t.slice(m[1].length).trim()) || m[3] === '' || /^(on|to|of)\b/i.test(m[3])) &&
    startsHeadingOrEnds(m[3], true)
  ) {
    const num = m[2] ?? '';
    return {
      kind: 'annex',
      rank: 0,
      style: 'structure',
      number: `${cap(m[1].toLowerCase())}${num ? ` ${num}` : ''}`,
      token: `annex${num ? `-${num}` : ''}`,
      rest: m[3],
      restAt: t.length - m[3].length,
    };
  }
  m = ARTICLE_RE.exec(t);
  if (m && startsHeadingOrEnds(m[3])) {
    return {
      kind: 'article',
      rank: 4,
      style: 'structure',
      number: `Article ${m[2]}`,
      token: `art-${m[2]}`.toLowerCase().replace(/\s+/g, '-'),
      rest: m[3],
      restAt: t.length - m[3].length,
      value: numberValue(m[2]),
    };
  }
  m = UPPER_ROMAN_RE.exec(t);
  if (
    m &&
    !(m[1] === 'I' && lastLetterIs(stack, 'k')) &&
    (!m[2] || isShoutedHeading(m[2]) || isSectionTitle(m[2]) || romanSentenceHeading(m[1], m[2], stack))
  ) {
    const rest = m[2] ?? '';
    return {
      kind: 'chapter',
      rank: 2,
      style: 'structure',
      number: `${m[1]}.`,
      token: `sec-${m[1]}`.toLowerCase(),
      rest,
      restAt: t.length - rest.length,
      value: romanValue(m[1]),
    };
  }
  // "I. Il est créé une commission…", "II. La commission est composée…": inside an article, a
  // capital Roman number before a sentence numbers the article's paragraphs (an item each), where
  // "I." alone read as the letter I and "II." as no marker at all. "I." after "H." stays a letter.
  if (
    m &&
    m[2] &&
    stack.some((o) => o.p.kind === 'article') &&
    !(m[1] === 'I' && (lastLetterIs(stack, 'h') || lastLetterIs(stack, 'k'))) &&
    (m[1] === 'I' || inRomanAt(stack, m[1]))
  ) {
    const r = m[1].toLowerCase();
    return {
      kind: 'item',
      rank: 0,
      style: 'roman',
      number: `${m[1]}.`,
      token: `(${r})`,
      rest: m[2],
      restAt: t.length - m[2].length,
      value: romanValue(m[1]),
    };
  }
  m = NUMBERED_RE.exec(t);
  if (m) {
    // "A.1", "B.2": an annex's clauses, numbered after the annex's letter (a clause, never a list item).
    const lettered = /^[A-Z]$/.test(m[1].split('.')[0]!);
    const parts = lettered ? m[1].split('.').slice(1) : m[1].split('.');
    // "1°)" is a list item like "1)"; its number keeps the degree sign.
    const term = m[2]?.startsWith('°') ? ')' : m[2];
    const rest = m[4];
    const first = Number(parts[0]);
    const ok =
      first <= 400 &&
      (parts.length > 1 || term || lettered) &&
      (rest === '' || m[3] !== '' || (term === '.' && /^[A-Z]/.test(rest))) &&
      !(parts.length === 2 && !term && /^\p{Ll}/u.test(rest)) &&
      !/^(mm|km|cm|kg|per|%|hours?|days?|months?|years?)\b/i.test(rest);
    if (ok) {
      // "1." under a clause numbered "2.4" (Word's automatic lists): an item of its list.
      const listUnderClause = !lettered && term === '.' && parts.length === 1 && numberListAt(stack, first);
      if (listUnderClause) {
        return {
          kind: 'item',
          rank: 0,
          style: 'paren-number',
          number: `${m[1]}.`,
          token: `${m[1]}.`,
          rest,
          restAt: t.length - rest.length,
          value: first,
        };
      }
      if (!lettered && term === ')' && parts.length === 1) {
        return {
          kind: 'item',
          rank: 0,
          style: 'paren-number',
          number: `${m[1]}${m[2]}`,
          token: `${m[1]})`,
          rest,
          restAt: t.length - rest.length,
          value: first,
        };
      }
      const number = m[1];
      return {
        kind: 'clause',
        rank: 10 + parts.length,
        style: 'structure',
        number,
        token: number,
        rest,
        restAt: t.length - rest.length,
      };
    }
  }
  m = ROMAN_RE.exec(t);
  if (m) {
    const r = (m[1] ?? m[2]).toLowerCase();
    // (i) after (h) is a letter; (v) after (u), (x) after (w) too. Otherwise Roman.
    const asLetter =
      r.length === 1 && lastLetterIs(stack, String.fromCharCode(r.charCodeAt(0) - 1)) && !inRomanAt(stack, r);
    if (!asLetter && (r.length > 1 || r === 'i' || inRomanAt(stack, r))) {
      const rest = m[3];
      return {
        kind: 'item',
        rank: 0,
        style: 'roman',
        number: m[1] ? `(${r})` : `${r}.`,
        token: `(${r})`,
        rest,
        restAt: t.length - rest.length,
        value: romanValue(r.toUpperCase()),
      };
    }
  }
  m = LETTER_RE.exec(t);
  if (m) {
    let l = m[1] ?? m[2] ?? m[3];
    if (l === 'I' && lastLetterIs(stack, 'k')) l = 'l'; // "I." after "k." is an "l." read as a capital I
    if (l.length === 1 || l[0] === l[1]) {
      const rest = m[4];
      const lower = l.toLowerCase();
      return {
        kind: 'item',
        rank: 0,
        style: 'letter',
        number: m[1] ? `(${l})` : `${l}.`,
        token: `(${lower})`,
        rest,
        restAt: t.length - rest.length,
        value: lower.charCodeAt(0) - 96 + (l.length - 1) * 26,
      };
    }
  }
  m = BULLET_RE.exec(t);
  if (m)
    return {
      kind: 'item',
      rank: 0,
      style: 'bullet',
      number: '',
      token: '•',
      rest: m[2] ?? '',
      restAt: t.length - (m[2] ?? '').length,
    };
  return null;
}

/**
 * "II. Protection of civilians": a Roman number before a heading in sentence case, of two words of
 * four letters or more and no parentheses, so a signatory ("L. Kuchma", "I. Plotnitskiy (signed)")
 * is not one, nor a capital letter of a lettered list ("I." after "H.").
 */
function romanSentenceHeading(roman: string, rest: string, stack: readonly OpenProvision[]): boolean {
  if (/[()]/.test(rest) || rest.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w)).length < 2) return false;
  if (roman.length === 1 && lastLetterIs(stack, String.fromCharCode(roman.toLowerCase().charCodeAt(0) - 1))) {
    return false;
  }
  return sentenceCaseHeading(rest) !== '';
}

/**
 * Whether "N." continues a list of "1.", "2." … under a clause of two levels or more ("2.4"):
 * the first item right under such a clause, or the next item of an open list.
 */
function numberListAt(stack: readonly OpenProvision[], n: number): boolean {
  const top = stack[stack.length - 1];
  if (!top) return false;
  if (top.style === 'paren-number') return top.value === n - 1 && /\.$/.test(top.p.number);
  return n === 1 && top.p.kind === 'clause' && top.rank >= 12;
}

function lastLetterIs(stack: readonly OpenProvision[], letter: string): boolean {
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k];
    if (o.style === 'letter') return o.value === letter.toLowerCase().charCodeAt(0) - 96;
    if (o.style === 'structure') return false;
  }
  return false;
}

function inRomanAt(stack: readonly OpenProvision[], r: string): boolean {
  const want = romanValue(r.toUpperCase()) - 1;
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k];
    if (o.style === 'roman') return o.value === want;
    if (o.style === 'structure') return false;
  }
  return false;
}

function inNotes(stack: readonly OpenProvision[]): boolean {
  return stack.some((o) => o.p.kind === 'annex' && /^notes(?:~\d+)?$/.test(o.p.id));
}
