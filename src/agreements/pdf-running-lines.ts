import { LIST_MARKER } from './agreement-text-normaliser.ts';

/**
 * Running headers and footers of a PDF: the same short line at the top or the foot of most pages
 * ("DRAFT 3 – NOT FOR CIRCULATION", "Signed copy – UNMISS Civil Affairs", a printer's date and
 * address). Read as text they would be coded ("civilians" in a header made a wealth-sharing text
 * a protection one) and cut provisions in two. They are found per page, before the pages are
 * joined: a line counts when it is among the first or last lines of a page on at least two pages
 * and on most of them. Lines are compared as written, so numbered headings at the top of pages
 * ("Article 3", "Article 5") are never taken for one header; a heading or list item (LIST_MARKER)
 * never is.
 */

/** Lines at each end of a page where running headers and footers stand. */
const EDGE_LINES = 3;
/** Longest line taken for a running header or footer. */
const MAX_LENGTH = 160;

export function dropRunningLines(pages: readonly string[]): string[] {
  const split = pages.map((p) => p.split('\n'));
  const edges = split.map(edgeLines);
  // A browser's print header and footer, on every page, a single one too: the date and time it was
  // printed ("12/7/26, 4:06 PM" and the page title) and the page's address and number
  // ("file:///…/draft.html 1/1"). Left in, a one-page draft printed twice was two agreements.
  for (const [page, lines] of split.entries())
    for (const i of edges[page]!)
      if (BROWSER_PRINT_LINE.some((re) => re.test(lines[i]!.trim()))) lines[i] = '';
  if (pages.length < 2) return split.map((lines) => lines.join('\n'));
  const onPages = new Map<string, Set<number>>();
  edges.forEach((edge, page) => {
    for (const i of edge) {
      const l = split[page]![i]!.trim();
      if (l.length > MAX_LENGTH || LIST_MARKER.test(l)) continue;
      const seen = onPages.get(l) ?? new Set<number>();
      seen.add(page);
      onPages.set(l, seen);
    }
  });
  const running = new Set(
    [...onPages].filter(([, seen]) => seen.size >= 2 && seen.size >= pages.length * 0.6).map(([l]) => l),
  );
  if (!running.size) return [...pages];
  return split.map((lines, page) =>
    lines.filter((l, i) => !(edges[page]!.has(i) && running.has(l.trim()))).join('\n'),
  );
}

const BROWSER_PRINT_LINE = [
  /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[AP]M)?(?:\s|$)/i,
  /^(?:file|https?|about|blob):\S*(?:\s+\d+\/\d+)?$/i,
];

/** The indexes of a page's first and last EDGE_LINES lines that are not blank. */
function edgeLines(lines: readonly string[]): Set<number> {
  const filled = lines.flatMap((l, i) => (l.trim() ? [i] : []));
  return new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)]);
}
