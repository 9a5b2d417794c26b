/**
 * Where a table of contents or a list of acronyms at the head of an agreement ends: a pure
 * function of the lines, used by the provision segmenter to keep it as one front-matter provision.
 */
import { ACRONYMS_RE, PREAMBLE_RE, TOC_RE } from './provision-line-shapes.ts';

/** A contents entry's page number, after dot leaders or a gap ("…… 12", "  iv"). */
const PAGE_NUMBER_RE = /(?:[.·…_\s-]{2,}|\t)(\d{1,4}|[ivxlcdm]{1,6})\s*$/i;

/** A line as a contents entry and a heading are compared: lower case, letters and digits only. */
function entryKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The front matter opening at line `i` (a "Table of contents" or "Acronyms" line): whether it is a
 * table of contents, the line the document goes on at, and its last non-blank line. A table of
 * contents ends where the document begins again: a line that is one of its entries without the
 * page number ("CHAPTER I. CESSATION OF HOSTILITIES" after "Chapter I. Cessation of hostilities
 * ........ 1"), the preamble or the parties' opening words once entries with page numbers were
 * seen, failing that a line of running text; a list of acronyms at the next section
 * (`structural`), the preamble, or the parties' opening words.
 */
export function frontMatterExtent(
  lines: readonly { text: string }[],
  i: number,
  structural: (text: string) => boolean,
): { isToc: boolean; next: number; last: number } {
  const isToc = TOC_RE.test(lines[i].text);
  const entries = new Set<string>();
  let firstEntry = '';
  let paged = false;
  let j = i + 1;
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    if (t === '' || TOC_RE.test(t)) continue;
    if (isToc) {
      const page = PAGE_NUMBER_RE.exec(t);
      const key = entryKey(page ? t.slice(0, page.index) : t);
      if (!firstEntry) firstEntry = key;
      else if (!page && (key === firstEntry || entries.has(key))) break;
      else if (t.length > 160) break;
      else if (paged && !page && (PREAMBLE_RE.test(t) || OPENING_WORDS_RE.test(t))) break;
      entries.add(key);
      paged ||= page !== null;
    } else if (PREAMBLE_RE.test(t) || ACRONYMS_RE.test(t) || structural(t) || OPENING_WORDS_RE.test(t)) {
      break;
    }
  }
  let last = j - 1;
  while (last > i && lines[last].text === '') last--;
  return { isToc, next: j, last };
}

/** The parties' opening words, with which an agreement's text begins. */
const OPENING_WORDS_RE = /^(we|whereas|nous|considérant)\b/i;
