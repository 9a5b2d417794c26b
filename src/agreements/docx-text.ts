/**
 * The text of a Word (.docx) agreement as the segmenter needs it. mammoth reads the document; its
 * raw text is not used, as it loses what carries an agreement's structure:
 *
 * - Word's automatic list numbers ("1.", "a)", "2.1") are not in the text but in the numbering
 *   part: each numbered paragraph gets its number written in front of it, as a reader sees it;
 * - a table's cells would each be a paragraph ("Délai", "J+15"): each row is one line, its cells
 *   joined with " | ";
 * - footnotes and endnotes are dropped: the reference stays in the text as "[1]" and the notes
 *   follow the document in a final "Notes" section ("[1] Au sens de la quatrième Convention …"),
 *   after every provision, so they never shift the numbering of the text;
 * - manual line breaks and carriage returns inside a paragraph glue the words on either side
 *   ("Internally<w:br/>displaced"): they are written as newlines first.
 */

import { unpackWithin } from '../sources/zip-budget.ts';

/** A manual line break (Shift+Enter, `<w:br/>`), a carriage return (`<w:cr/>`) or a page break. */
const WORD_BREAK = /<w:(?:br|cr)\b[^>]*?(?:\/>|>\s*<\/w:(?:br|cr)>)/g;

/** The heading of the section the notes are gathered under; the segmenter reads it as such. */
export const NOTES_HEADING = 'Notes';

interface MammothNode {
  type: string;
  value?: string;
  children?: MammothNode[];
  noteType?: string;
  noteId?: string;
  body?: MammothNode[];
  notes?: { resolve(ref: MammothNode): MammothNode | null };
}

/**
 * The most a .docx's XML parts may unpack to. mammoth holds a part as a tree many times its size
 * (11 MB of one-word paragraphs took 2.4 GB), and the longest agreements' parts are a few megabytes.
 */
const XML_BUDGET = 6 * 1024 * 1024;

export async function docxText(bytes: Buffer, file = 'the .docx file'): Promise<string> {
  const [{ default: JSZip }, mammoth] = await Promise.all([import('jszip'), import('mammoth')]);
  const convert = ((mammoth as unknown as { default?: typeof mammoth }).default ?? mammoth).convertToHtml;
  const zip = await JSZip.loadAsync(bytes);
  // Only the XML parts are read (images and other media are not text), each unpacked once and
  // counted as it comes, whatever sizes the archive declares (zip-budget.ts).
  const parts = await unpackWithin(zip, (name) => /\.(?:xml|rels)$/i.test(name), {
    bytes: XML_BUDGET,
    file,
    what: 'its document parts',
  });
  const read = (name: string) => parts.get(name) ?? '';
  const numbering = readNumbering(read('word/numbering.xml'), read('word/styles.xml'));
  for (const [name, original] of parts) {
    if (!/^word\/[^/]+\.xml$/.test(name)) continue;
    let xml = original;
    if (name === 'word/document.xml' && numbering) xml = numberParagraphs(xml, numbering);
    xml = xml.replace(WORD_BREAK, '<w:t xml:space="preserve">\n</w:t>');
    parts.set(name, xml);
  }
  // mammoth reads the parts from here rather than from a zip written again, which would unpack
  // every entry, media included.
  const encoder = new TextEncoder();
  const source = {
    exists: (name: string) => parts.has(name),
    read: async (name: string, encoding?: string) => {
      const text = parts.get(name);
      if (text === undefined) throw new Error(`${name} is not a part Tandem reads`);
      if (!encoding) return encoder.encode(text);
      if (encoding === 'base64') return Buffer.from(text, 'utf8').toString('base64');
      return text;
    },
    write: (name: string, contents: string) => {
      parts.set(name, contents);
    },
    toArrayBuffer: async () => {
      throw new Error('not written back');
    },
  };
  let document: MammothNode | undefined;
  await convert({ file: source } as never, {
    // The tree is all that is wanted: mammoth is left an empty document to write as HTML.
    transformDocument: (d: MammothNode) => {
      document = d;
      return { ...d, children: [] };
    },
  });
  if (!document) throw new Error('the document body could not be read');
  return documentText(document);
}

/** The document's paragraphs and table rows, one per paragraph, then its notes. */
export function documentText(document: MammothNode): string {
  const notes: string[] = [];
  const numbers = new Map<string, number>();
  const out: string[] = [];
  const inline = (node: MammothNode): string => {
    switch (node.type) {
      case 'text':
        return node.value ?? '';
      case 'tab':
        return '\t';
      case 'break':
        return '\n';
      case 'noteReference': {
        const key = `${node.noteType}-${node.noteId}`;
        let n = numbers.get(key);
        if (n === undefined) {
          const note = document.notes?.resolve(node);
          if (!note) return '';
          n = notes.length + 1;
          numbers.set(key, n);
          notes.push(
            (note.body ?? [])
              .map((p) => blockText(p))
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
          );
        }
        return `[${n}]`;
      }
      case 'paragraph':
      case 'table':
        return blockText(node);
      default:
        return (node.children ?? []).map(inline).join('');
    }
  };
  /** A paragraph's text, or a table's rows on lines of their own, cells joined with " | ". */
  const blockText = (node: MammothNode): string => {
    if (node.type === 'table') {
      return (node.children ?? [])
        .map((row) =>
          (row.children ?? [])
            .map((cell) => (cell.children ?? []).map(blockText).join(' ').replace(/\s+/g, ' ').trim())
            .filter((c) => c !== '')
            .join(' | '),
        )
        .filter((r) => r !== '')
        .join('\n\n');
    }
    return (node.children ?? []).map(inline).join('');
  };
  const walk = (node: MammothNode): void => {
    if (node.type === 'paragraph' || node.type === 'table') out.push(blockText(node));
    else for (const c of node.children ?? []) walk(c);
  };
  walk(document);
  if (notes.length) {
    out.push(NOTES_HEADING);
    notes.forEach((text, i) => {
      out.push(`[${i + 1}] ${text}`);
    });
  }
  return out.join('\n\n');
}

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  /** Each numbering instance's levels (by w:numId), start overrides applied. */
  nums: Map<string, Level[]>;
  /** Paragraph styles that number their paragraphs ("List Number"): numId and level. */
  styles: Map<string, { numId: string; level: number }>;
}

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*?\\s${name}=["']([^"']*)["']`).exec(xml)?.[1];

/** Word's numbering part: for each list, the start, format and text of each level. */
function readNumbering(numberingXml: string, stylesXml: string): Numbering | null {
  if (!numberingXml) return null;
  const abstract = new Map<string, Level[]>();
  for (const m of numberingXml.matchAll(
    /<w:abstractNum\b[^>]*?w:abstractNumId=["']([^"']+)["'][^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels: Level[] = [];
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*?w:ilvl=["'](\d+)["'][^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels[Number(l[1])] = {
        start: Number(attr(l[2], 'w:start') ?? 1),
        format: attr(l[2], 'w:numFmt') ?? 'decimal',
        text: attr(l[2], 'w:lvlText') ?? '',
      };
    }
    abstract.set(m[1], levels);
  }
  const nums = new Map<string, Level[]>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*?w:numId=["']([^"']+)["'][^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = [...(abstract.get(attr(m[2], 'w:abstractNumId') ?? '') ?? [])];
    for (const o of m[2].matchAll(
      /<w:lvlOverride\b[^>]*?w:ilvl=["'](\d+)["'][^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const start = attr(o[2], 'w:startOverride');
      const level = levels[Number(o[1])];
      if (start !== undefined && level) levels[Number(o[1])] = { ...level, start: Number(start) };
    }
    nums.set(m[1], levels);
  }
  const styles = new Map<string, { numId: string; level: number }>();
  for (const m of stylesXml.matchAll(
    /<w:style\b[^>]*?w:styleId=["']([^"']+)["'][^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2])?.[1];
    const numId = numPr ? attr(numPr, 'w:numId') : undefined;
    if (numId) styles.set(m[1], { numId, level: Number(attr(numPr!, 'w:ilvl') ?? 0) });
  }
  return { nums, styles };
}

/**
 * Writes each numbered paragraph's number ("1.", "a)", "2.1.") as text at its start, counting as
 * Word does: per list, a deeper level restarting under each new item of the level above. A
 * bulleted paragraph starts with "• ".
 */
function numberParagraphs(xml: string, numbering: Numbering): string {
  const counters = new Map<string, (number | undefined)[]>();
  return xml.replace(/<w:p(?=[\s>/])[^>]*?(\/?)>(?:\s*<w:pPr>([\s\S]*?)<\/w:pPr>)?/g, (whole, empty, pPr) => {
    if (empty || !pPr) return whole;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const style = numbering.styles.get(attr(pPr, 'w:pStyle') ?? '');
    const numId = (numPr && attr(numPr, 'w:numId')) ?? style?.numId;
    if (!numId || numId === '0') return whole;
    const ilvl = Number((numPr && attr(numPr, 'w:ilvl')) ?? style?.level ?? 0);
    const levels = numbering.nums.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level || level.format === 'none') return whole;
    if (level.format === 'bullet') return `${whole}${run('• ')}`;
    const state = counters.get(numId) ?? [];
    for (let l = ilvl + 1; l < state.length; l++) state[l] = undefined;
    for (let l = 0; l < ilvl; l++) state[l] ??= levels[l]?.start ?? 1;
    state[ilvl] = state[ilvl] === undefined ? level.start : state[ilvl]! + 1;
    counters.set(numId, state);
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(state[k] ?? levels[k]?.start ?? 1, levels[k]?.format ?? 'decimal');
    });
    return label.trim() ? `${whole}${run(`${label.trim()} `)}` : whole;
  });
}

function run(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<w:r><w:t xml:space="preserve">${escaped}</w:t></w:r>`;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/** Word's letters: a … z, then aa … zz. */
function letters(n: number): string {
  const k = Math.max(1, n);
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = Math.max(1, n);
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}
