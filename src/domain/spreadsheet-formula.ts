/**
 * A text cell that a spreadsheet would run as a formula (OWASP, "CSV Injection"): it starts with
 * `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed (a cell whose next line starts `=`). Such a cell is written with a leading `'` and
 * quoted, which Excel and LibreOffice show as text. Numbers (a longitude of -12.5) are written as
 * numbers. papaparse's own default pattern ends in `.*$`, which misses a cell with a line break,
 * so this one looks at the first character only. A cell that already starts with apostrophes
 * before such a character (`'=`) gets one more, so that taking one off (FORMULA_GUARD) always
 * gives back the text as it was. See docs/exports.md.
 */
export const FORMULA_START = /^'*[=+\-@\t\r\n]/;

/** The apostrophe FORMULA_START put in front of a cell, to take off when Tandem reads its own export. */
export const FORMULA_GUARD = /^'(?='*[=+\-@\t\r\n])/;
