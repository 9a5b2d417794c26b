/**
 * Running headers and footers of a PDF: the same short line at the top or the foot of most pages
 * ("DRAFT 3 – NOT FOR CIRCULATION", "Signed copy – UNMISS Civil Affairs", a printer's date and
 * address). Read as text they would be coded ("civilians" in a header made a wealth-sharing text
 * a protection one) and cut provisions in two. They are found per page, before the pages are
 * joined: a line counts when it is among the first or last lines of a page on at least two pages
 * and on most of them. Lines are compared as written, so numbered headings at the top of pages
 * ("Article 3", "Article 5") are never taken for one header; a heading or list item never is.
 */

/** Lines at each end of a page where running headers and footers stand. */
const EDGE_LINES = 3;
/** Longest line taken for a running header or footer. */
const MAX_LENGTH = 160;
const NUMBERED =
  /^(?:\(?[a-z]{1,2}\)|\(?[ivxlc]+\)|\d{1,3}(?:\.\d{1,3})*[.)]?\s|(?:article|art\.|chapter|chapitre|part|partie|section|titre|annex|annexe)\b)/i;

export function dropRunningLines(pages: readonly string[]): string[] {
  if (pages.length < 2) return [...pages];
  const split = pages.map((p) => p.split('\n'));
  const onPages = new Map<string, Set<number>>();
  split.forEach((lines, page) => {
    const filled = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l !== '');
    const edges = [...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)];
    for (const [l] of edges) {
      if (l.length > MAX_LENGTH || NUMBERED.test(l)) continue;
      const seen = onPages.get(l) ?? new Set<number>();
      seen.add(page);
      onPages.set(l, seen);
    }
  });
  const running = new Set(
    [...onPages].filter(([, seen]) => seen.size >= 2 && seen.size >= pages.length * 0.6).map(([l]) => l),
  );
  if (!running.size) return [...pages];
  return split.map((lines) => {
    const filled = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l !== '');
    const edge = new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)].map(([, i]) => i));
    return lines.filter((l, i) => !(edge.has(i) && running.has(l.trim()))).join('\n');
  });
}
