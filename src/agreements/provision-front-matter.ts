/**
 * Where a table of contents or a list of acronyms at the head of an agreement ends: a pure
 * function of the lines, used by the provision segmenter to keep it as one front-matter provision.
 */
import { ACRONYMS_RE, PREAMBLE_RE, TOC_RE } from './provision-line-shapes.ts';

/**
 * The front matter opening at line `i` (a "Table of contents" or "Acronyms" line): whether it is a
 * table of contents, the line the document goes on at, and its last non-blank line. A table of
 * contents ends where the document begins again with its first entry ("ACRONYMS", "PREAMBLE",
 * "CHAPTER 1"), failing that at a line of running text; a list of acronyms at the next section
 * (`structural`), the preamble, or the parties' opening words.
 */
export function frontMatterExtent(
  lines: readonly { text: string }[],
  i: number,
  structural: (text: string) => boolean,
): { isToc: boolean; next: number; last: number } {
  const isToc = TOC_RE.test(lines[i].text);
  let firstEntry = '';
  let j = i + 1;
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    if (t === '' || TOC_RE.test(t)) continue;
    const key = t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (isToc) {
      if (!firstEntry) firstEntry = key;
      else if (key === firstEntry || t.length > 160) break;
    } else if (
      PREAMBLE_RE.test(t) ||
      ACRONYMS_RE.test(t) ||
      structural(t) ||
      /^(we|whereas|nous|considérant)\b/i.test(t)
    ) {
      break;
    }
  }
  let last = j - 1;
  while (last > i && lines[last].text === '') last--;
  return { isToc, next: j, last };
}
