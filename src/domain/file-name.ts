/**
 * Text as a piece of a file name: accents dropped, lower case, anything else a single hyphen
 * ("Côte d’Ivoire" → "cote-d-ivoire"). A name with no Latin letters at all comes out empty, and is
 * left out of the file's name rather than guessed at.
 */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A file's name from what it holds ("tandem-events", the country, the area, the period…), each
 * part a slug, empty parts left out: ASCII only, so that it needs no encoding in a
 * Content-Disposition header and survives every file system.
 */
export function fileName(parts: readonly (string | undefined)[], extension: string): string {
  return `${parts
    .map((p) => fileSlug(p ?? ''))
    .filter(Boolean)
    .join('-')}.${extension}`;
}

/** A period as a file name says it: both days, or the one given (`from-2026-01-01`), or nothing. */
export function periodInFileName(from: string | undefined, to: string | undefined): string {
  return from && to ? `${from}-${to}` : from ? `from-${from}` : to ? `to-${to}` : '';
}

/** The name an events export is saved under (`tandem-events-mali-mopti-2026-01-01-2026-06-30.csv`). */
export function exportFileName(
  format: string,
  scope: { country?: string; admin1?: string; from?: string; to?: string },
): string {
  return fileName(
    [
      'tandem-events',
      scope.country,
      scope.admin1,
      periodInFileName(scope.from, scope.to),
      format === 'hxl' ? 'hxl' : undefined,
    ],
    format === 'geojson' ? 'geojson' : 'csv',
  );
}

/** The name the brief's PDF is saved under (`tandem-brief-south-sudan-2025-12-01-2026-11-30.pdf`). */
export function briefFileName(
  scope: {
    country?: string;
    admin1?: string;
    from?: string;
    to?: string;
  },
  extension: 'pdf' | 'md' = 'pdf',
): string {
  return fileName(
    ['tandem-brief', scope.country, scope.admin1, periodInFileName(scope.from, scope.to)],
    extension,
  );
}
