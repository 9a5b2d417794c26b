// Letters and digits of the Latin scripts the sources write in; spelled out rather than \p{L}, which
// costs several times more per note.
const WORD_CHAR = '[0-9A-Za-z\\u00C0-\\u024F]';

/** Text as a regular expression that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The source of a regular expression that finds `phrase` as a whole word: no letter or digit may
 * touch it, so "war" is not found in "award", nor "Maban" in "Mabanese". Spaces match any run of
 * white space.
 */
export function wholeWordSource(phrase: string): string {
  return `(?<!${WORD_CHAR})${escapeRegExp(phrase).replace(/\s+/g, '\\s+')}(?!${WORD_CHAR})`;
}
