/**
 * What a text that should be YAML or JSON is instead, when it is plainly another format: a
 * spreadsheet export, a PDF, a Word or Excel file, a web page. A CSV given by mistake to
 * `tandem plan check` reads as hundreds of YAML syntax errors, every one true and none useful; the
 * one useful thing to say is what the file is. Undefined when the text could be a YAML or JSON
 * document, whose mistakes are then worth listing line by line.
 */
export function otherFormatOf(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('%PDF-')) return 'a PDF file';
  if (start.startsWith('PK\u0003\u0004')) return 'a Word, Excel or other zipped file';
  if (text.includes('\u0000')) return 'binary content, not text';
  if (/^<(!doctype|html|\?xml)/i.test(start)) return 'an HTML or XML file';
  const end = start.indexOf('\n');
  const first = (end < 0 ? start : start.slice(0, end)).trim();
  if (STRUCTURE_LINE.test(first)) return undefined;
  for (const [delimiter, name] of DELIMITED) if (first.split(delimiter).length >= 3) return name;
  return undefined;
}

/**
 * What a text that YAML could not read is, when few of its lines have YAML's shape: plain text (an
 * agreement, a report) rather than a document with a slip in it. A YAML or JSON document with
 * mistakes still has mostly `key: value`, `- item` and bracket lines.
 */
export function unstructuredTextOf(text: string): string | undefined {
  const other = otherFormatOf(text);
  if (other) return other;
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const shaped = lines.filter((l) => STRUCTURE_LINE.test(l.trim()) || /^[\s\]}),]*$/.test(l)).length;
  return lines.length >= 5 && shaped < lines.length / 2 ? 'plain text' : undefined;
}

/** A line that starts a YAML or JSON structure: a key, a list item, a bracket, a comment or a marker. */
const STRUCTURE_LINE = /^(- |-$|[{[#%]|---|\.\.\.|[^,\t;]+:(\s|$))/u;

const DELIMITED: readonly [string, string][] = [
  ['\t', 'a tab-separated file'],
  [',', 'a CSV file'],
  [';', 'a CSV file (separated by semicolons)'],
];
