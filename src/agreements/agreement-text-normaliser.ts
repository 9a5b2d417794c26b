/**
 * Turns text extracted from a file into the one normalised text that provision spans point into:
 * Unix line ends, no byte-order mark, lines trimmed, words split by a hyphen at a line end joined
 * ("protec-\ntion" -> "protection"), and, for hard-wrapped text such as PDF output, lines that
 * continue a sentence joined with a space. Blank-line runs shrink to one blank line.
 */
export interface NormaliseOptions {
  /** Join soft line breaks inside sentences. Default: only when the text looks hard-wrapped. */
  reflow?: boolean | 'auto';
  /** Drop lines that are only a page number or "Page N of M" (PDF page furniture). */
  dropPageNumbers?: boolean;
}

const LIST_MARKER =
  /^(?:\(?[a-z]{1,2}\)|[a-z][.)]\s|\(?[ivxlc]+\)|[ivxlc]+\.\s|\d{1,3}(?:\.\d{1,3})*[.)]?(?:\s|$)|[-•*–]\s|(?:article|chapter|part|section|annex)\b)/i;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;

export function normaliseAgreementText(raw: string, options: NormaliseOptions = {}): string {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Non-breaking and other odd spaces become plain spaces; tabs too, so table cells stay apart.
  text = text.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').replace(/\t/g, '  ');
  text = text.replace(/[\u200B\u00AD]/g, '');
  // Symbol-font bullets from Word and PDF arrive as private-use characters.
  text = text.replace(/[\uE000-\uF8FF]+ */g, '• ');
  let lines = text.split('\n').map((l) => l.trim());
  if (options.dropPageNumbers) lines = lines.filter((l) => !PAGE_NUMBER.test(l));
  const reflow =
    options.reflow === 'auto' || options.reflow === undefined ? looksHardWrapped(lines) : options.reflow;

  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1] : undefined;
    if (line === '') {
      if (prev !== undefined && prev !== '') out.push('');
      continue;
    }
    if (prev) {
      // A word broken over a line end: lowercase letter, hyphen, newline, lowercase letter.
      if (/\p{Ll}-$/u.test(prev) && /^\p{Ll}/u.test(line)) {
        out[out.length - 1] = prev.slice(0, -1) + line;
        continue;
      }
      if (reflow && continuesSentence(prev, line)) {
        out[out.length - 1] = `${prev} ${line}`;
        continue;
      }
    }
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** A line continues the previous one when the previous does not end a sentence and this is not a new item. */
function continuesSentence(prev: string, line: string): boolean {
  if (LIST_MARKER.test(line)) return false;
  if (/[.;:!?]["'”’)]?$/.test(prev)) return false;
  if (/^\p{Ll}/u.test(line)) return true;
  // A long line cut mid-sentence ("... by the\nGovernment of"): join unless the previous line is a heading.
  return prev.length >= 50 && /[\p{Ll},]$/u.test(prev) && !isShoutedHeading(prev);
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
