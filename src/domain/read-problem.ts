/** Why a row or a file could not be read, and where: what every reader returns beside its records. */
export interface ReadProblem {
  file: string;
  /** 1-based line in the file (the line where the row starts); 0 for the file as a whole. */
  line: number;
  /** 1-based column, or the column's name where a field is at fault; 0 when not known. */
  column: number;
  field?: string;
  reason: string;
  /** The raw row as read, kept so nothing read is lost. */
  raw?: string;
}

export function formatProblem(p: ReadProblem): string {
  const where = p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : '';
  const field = p.field ? ` (${p.field})` : '';
  return `${p.file}${where}${field}: ${p.reason}`;
}
