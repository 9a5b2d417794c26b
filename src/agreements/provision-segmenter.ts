import type { Provision, ProvisionKind } from '../domain/provision.ts';
import { frontMatterExtent } from './provision-front-matter.ts';
import { isRecital, markerHeading } from './provision-headings.ts';
import {
  ACRONYMS_RE,
  isShoutedHeading,
  isTitleLike,
  isVersionLabel,
  PREAMBLE_RE,
  slug,
  TOC_RE,
  titleCase,
} from './provision-line-shapes.ts';
import { lineMarker, type Marker, type OpenProvision } from './provision-markers.ts';

export interface SegmentOptions {
  /** The text's language (ISO 639-1). In French, each paragraph of an article is an alinéa. */
  language?: string;
}

/** A line of a title block naming the parties: "BETWEEN THE GOVERNMENT OF …", "ET LA COALITION …". */
const TITLE_PARTIES_RE = /^(?:between|and|among|entre|et|conclu entre|signed between|signé entre)\s+\S/i;

/**
 * Splits a normalised agreement text into provisions: parts, chapters, sections numbered in Roman
 * capitals, articles, numbered clauses (1., 1.1, 2.1.10.6.), lettered items ((a), a.), Roman items
 * ((i), ii.), bullets, annexes and annex table rows, in English or French (Titre, Chapitre, Article
 * 1er, 7 bis, Annexe, Préambule, Sommaire). Each provision gets an id from its numbering path, its
 * heading and its character span [start, end) into the text. Unnumbered text under a clause
 * belongs to the clause; under a French article each paragraph is an alinéa of its own
 * (`art-2/al-1`), with the list it introduces ("Les Parties s'engagent à :") as its children;
 * elsewhere each paragraph is a provision of its own. A table of contents or list of acronyms is
 * one `front-matter` provision, kept but never coded.
 */
export function segmentProvisions(text: string, options: SegmentOptions = {}): Provision[] {
  return new Segmenter(text, options.language === 'fr').run();
}

interface Line {
  text: string;
  start: number;
  end: number;
}

class Segmenter {
  private readonly lines: Line[] = [];
  private readonly out: Provision[] = [];
  private stack: OpenProvision[] = [];
  private current: Provision | null = null;
  private paragraphCount = 0;
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly text: string,
    /** French: the paragraphs of an article are its alinéas. */
    private readonly alineas = false,
  ) {
    let at = 0;
    for (const raw of text.split('\n')) {
      this.lines.push({ text: raw, start: at, end: at + raw.length });
      at += raw.length + 1;
    }
  }

  run(): Provision[] {
    const lines = this.lines;
    let i = 0;
    let seenTitle = false;
    while (i < lines.length) {
      const line = lines[i];
      const t = line.text;
      if (t === '') {
        i++;
        this.blank = true;
        continue;
      }
      if (TOC_RE.test(t) || ACRONYMS_RE.test(t)) {
        i = this.frontMatter(i);
        continue;
      }
      const marker = this.marker(t);
      if (!seenTitle && this.out.length === 0 && isVersionLabel(t)) {
        // "ENGLISH VERSION" above the title of a bilingual text's second version: the title is the next line.
        let k = i + 1;
        while (k < lines.length && lines[k].text === '') k++;
        const next = lines[k];
        if (next && !this.marker(next.text) && isTitleLike(next.text) && !PREAMBLE_RE.test(next.text)) {
          seenTitle = true;
          const p = this.push({
            kind: 'title',
            number: '',
            token: 'title',
            heading: next.text,
            line,
            parent: null,
            level: 0,
          });
          this.extend(p, next.end);
          this.current = null;
          i = k + 1;
          continue;
        }
      }
      if (!seenTitle && !marker && this.out.length === 0 && isTitleLike(t) && !PREAMBLE_RE.test(t)) {
        seenTitle = true;
        this.push({ kind: 'title', number: '', token: 'title', heading: t, line, parent: null, level: 0 });
        this.current = null;
        i++;
        continue;
      }
      // "ENTRE LE GOUVERNEMENT …", "AND THE … FRONT" under the title: the parties named in the
      // title block are the title's, not headings of their own.
      const only = this.out.length === 1 ? this.out[0] : undefined;
      if (
        !marker &&
        only?.kind === 'title' &&
        TITLE_PARTIES_RE.test(t) &&
        isTitleLike(t) &&
        t.length <= 200
      ) {
        this.extend(only, lines[i].end);
        this.current = null;
        i++;
        continue;
      }
      if (marker) {
        this.endPreamble(marker);
        i = this.openMarker(marker, i);
        continue;
      }
      if (PREAMBLE_RE.test(t)) {
        this.stack = [];
        const p = this.push({
          kind: 'preamble',
          number: '',
          token: 'preamble',
          heading: /^pre/i.test(t) ? 'Preamble' : 'Préambule',
          line,
          parent: null,
          level: 0,
        });
        // A preamble ends at the first article, section, chapter or part ("Article 1er", "Section 2 –",
        // "CHAPTER I"), or at an unnumbered heading in capitals, which are not part of it.
        this.stack.push({ p, rank: 4, style: 'structure', absorbs: false });
        this.current = null;
        i++;
        continue;
      }
      if (t.length <= 120 && !t.endsWith(':') && isShoutedHeading(t)) {
        // An unnumbered heading in capitals ("NORMALIZATION"): a section of its own.
        this.popTo(3);
        const parent = this.top();
        const p = this.push({
          kind: 'chapter',
          number: '',
          token: slug(t),
          heading: titleCase(t),
          line,
          parent,
          level: parent ? parent.level + 1 : 0,
        });
        this.stack.push({ p, rank: 3, style: 'structure', absorbs: false });
        this.current = null;
        i++;
        continue;
      }
      this.body(line);
      i++;
    }
    return this.out;
  }

  private blank = false;

  /**
   * A numbered clause right under a preamble ("1. Cessation of hostilities" after "Have agreed as
   * follows:") is the first operative provision and ends it; a numbered recital ("1. Recalling …")
   * stays in it. Articles and larger divisions end it by their rank.
   */
  private endPreamble(marker: Marker): void {
    if (marker.kind !== 'clause' || isRecital(marker.rest)) return;
    const k = this.stack.findIndex((o) => o.p.kind === 'preamble');
    if (k < 0) return;
    // Only a clause of the preamble's own level: one under a heading inside it stays there.
    const above = this.stack.slice(k + 1).filter((o) => o.style === 'structure');
    if (above.every((o) => o.p.kind === 'clause' && o.rank >= marker.rank))
      this.stack = this.stack.slice(0, k);
  }

  /** A table of contents or acronym list runs until a line repeats one seen in it, or the next real section. */
  private frontMatter(i: number): number {
    const first = this.lines[i];
    const { isToc, next, last } = frontMatterExtent(this.lines, i, (t) => this.structural(t));
    this.stack = [];
    const p = this.push({
      kind: 'front-matter',
      number: '',
      token: isToc ? 'contents' : 'acronyms',
      heading: isToc ? 'Table of contents' : 'Acronyms',
      line: first,
      parent: null,
      level: 0,
    });
    this.extend(p, this.lines[last].end);
    this.current = null;
    return next;
  }

  private structural(t: string): boolean {
    const m = this.marker(t);
    return !!m && m.style === 'structure' && m.rank <= 3;
  }

  private marker(t: string): Marker | null {
    return lineMarker(t, this.stack);
  }

  private openMarker(marker: Marker, i: number): number {
    const line = this.lines[i];
    let parent: Provision | null;
    if (marker.style === 'structure') {
      this.popTo(marker.rank);
      parent = this.top();
    } else {
      // A list item is a sibling of the open item of the same style, else a child of what is open.
      let k = this.stack.length - 1;
      while (k >= 0 && this.stack[k].style !== 'structure' && this.stack[k].style !== marker.style) k--;
      if (k >= 0 && this.stack[k].style === marker.style) this.stack = this.stack.slice(0, k);
      parent = this.top();
    }
    const { heading, lines } = markerHeading({
      lines: this.lines,
      at: i,
      marker,
      french: this.alineas,
      markerOf: (t) => this.marker(t),
    });
    const next = i + 1 + lines;
    const level = parent ? parent.level + 1 : 0;
    const p = this.push({
      kind: marker.kind,
      number: marker.number,
      token: marker.token,
      heading,
      line,
      parent,
      level,
    });
    if (next > i + 1) this.extend(p, this.lines[next - 1].end);
    const absorbs = marker.style !== 'structure' || marker.rank >= 4;
    this.stack.push({
      p,
      rank: marker.style === 'structure' ? marker.rank : 99,
      style: marker.style,
      value: marker.value,
      absorbs,
    });
    this.current = absorbs ? p : null;
    this.blank = false;
    return next;
  }

  /** Unnumbered text: part of the open clause, a table row of an annex, or a paragraph of its own. */
  private body(line: Line): void {
    const top = this.stack[this.stack.length - 1];
    const isRow = /\|.*\|/.test(line.text) || /\S {2,}\S.* {2,}\S/.test(line.text);
    if (isRow && top && this.inAnnex()) {
      const parent = this.top();
      const p = this.push({
        kind: 'item',
        number: '',
        token: `row${++this.paragraphCount}`,
        heading: '',
        line,
        parent,
        level: parent ? parent.level + 1 : 0,
      });
      this.current = null;
      void p;
      return;
    }
    if (this.alineas && this.alinea(line)) return;
    if (this.current && top?.absorbs) {
      this.extend(this.current, line.end);
      return;
    }
    const prev = this.current;
    if (prev && prev.kind === 'paragraph' && !this.blank && !/[.;:!?]["'”’)]?$/.test(prev.text)) {
      this.extend(prev, line.end);
      return;
    }
    const parent = this.top();
    this.current = this.push({
      kind: 'paragraph',
      number: '',
      token: `para${++this.paragraphCount}`,
      heading: '',
      line,
      parent,
      level: parent ? parent.level + 1 : 0,
    });
    this.blank = false;
  }

  /**
   * A French article's paragraph starts an alinéa, unless it continues a list item that has not
   * ended ("a) … ;" is followed by more of the list, "d) … ." closes it).
   */
  private alinea(line: Line): boolean {
    let k = this.stack.length - 1;
    while (k >= 0 && this.stack[k].style !== 'structure') k--;
    if (k < 0) return false;
    const open = this.stack[k];
    const isAlinea = open.p.kind === 'paragraph';
    const article = isAlinea ? this.stack[k - 1] : open;
    if (article?.p.kind !== 'article') return false;
    const inList = k < this.stack.length - 1;
    if (inList && this.current && !/[.!?]["'”’»)]?$/.test(this.current.text.trimEnd())) return false;
    this.stack = this.stack.slice(0, isAlinea ? k : k + 1);
    const siblings = this.out.filter((p) => p.parentId === article.p.id && p.kind === 'paragraph').length;
    // An article whose first line carries text rather than a heading holds its first alinéa itself.
    const own = article.p.text
      .split('\n')[0]
      .replace(/^\S+\s+\S+(?:\s+(?:bis|ter|quater))?\s*[:.\-–—]?\s*/i, '')
      .trim();
    const n = siblings + (own && own !== article.p.heading ? 2 : 1);
    const p = this.push({
      kind: 'paragraph',
      number: '',
      token: `al-${n}`,
      heading: '',
      line,
      parent: article.p,
      level: article.p.level + 1,
    });
    this.stack.push({ p, rank: 5, style: 'structure', absorbs: false });
    this.current = p;
    this.blank = false;
    return true;
  }

  private inAnnex(): boolean {
    return this.stack.some((o) => o.p.kind === 'annex');
  }

  private popTo(rank: number): void {
    while (this.stack.length) {
      const o = this.stack[this.stack.length - 1];
      if (o.style !== 'structure' || o.rank >= rank) this.stack.pop();
      else break;
    }
  }

  private top(): Provision | null {
    return this.stack.length ? this.stack[this.stack.length - 1].p : null;
  }

  private push(a: {
    kind: ProvisionKind;
    number: string;
    token: string;
    heading: string;
    line: Line;
    parent: Provision | null;
    level: number;
  }): Provision {
    const base =
      a.kind === 'clause' && a.parent
        ? `${this.sectionOf(a.parent).id}/${a.token}`
        : a.parent
          ? `${a.parent.id}/${a.token}`
          : a.token;
    const seen = this.ids.get(base) ?? 0;
    this.ids.set(base, seen + 1);
    const id = seen ? `${base}~${seen + 1}` : base;
    const p: Provision = {
      id,
      number: a.number,
      heading: a.heading || a.parent?.heading || '',
      kind: a.kind,
      level: a.level,
      parentId: a.parent?.id ?? null,
      start: a.line.start,
      end: a.line.end,
      text: this.text.slice(a.line.start, a.line.end),
      codes: [],
    };
    this.out.push(p);
    return p;
  }

  /** Numbered clauses carry their full path in their number, so their id needs only the enclosing section. */
  private sectionOf(parent: Provision): Provision {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      if (this.stack[k].p.kind !== 'clause' && this.stack[k].style === 'structure') return this.stack[k].p;
    }
    return parent;
  }

  private extend(p: Provision, end: number): void {
    p.end = end;
    p.text = this.text.slice(p.start, end);
  }
}
