/** A parsed HXL hashtag: `#adm1+name` is tag `adm1` with attribute `name`. */
export interface HxlTag {
  tag: string;
  attributes: string[];
}

export function parseTag(cell: string): HxlTag | null {
  const s = cell.trim().toLowerCase().replace(/\s+/g, '');
  if (!s.startsWith('#')) return null;
  const [tag, ...attributes] = s.slice(1).split('+');
  return tag ? { tag, attributes } : null;
}

/** Whether a row is an HXL hashtag row: most non-empty cells are hashtags. */
export function isHashtagRow(row: readonly string[]): boolean {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  return cells.length > 0 && cells.filter((c) => parseTag(c)).length >= Math.ceil(cells.length / 2);
}
