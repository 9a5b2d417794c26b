import { FORMULA_START } from '../domain/spreadsheet-formula.ts';
import type { CsvRow } from './csv-rows.ts';
import { featureLines } from './ged-geojson-reader.ts';
import { tandemExportHashtags } from './tandem-export-reader.ts';

/**
 * Tandem's own GeoJSON export read back as the table it stands for: each feature's properties are
 * the plain CSV export's columns (its point is already in `latitude` and `longitude`), so the
 * export imports again as the CSV and HXL exports do. Null when the document is not such an export
 * (a GED edition, boundaries, anything else), which the caller then reads as it would have.
 */
export function tandemGeoJsonExport(text: string): { header: string[]; rows: CsvRow[] } | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const fc = doc as { type?: unknown; features?: unknown } | null;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return null;
  const features = fc.features as { properties?: Record<string, unknown> | null }[];
  const first = features.find((f) => f?.properties && typeof f.properties === 'object');
  if (!first?.properties) return null;
  const header = Object.keys(first.properties);
  if (!tandemExportHashtags(header)) return null;
  const lines = featureLines(text);
  // A text that a spreadsheet would run as a formula gets the apostrophe the CSV export gives it
  // (GeoJSON needs none), so that the reader's taking it off gives the text back as it was.
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'string'
        ? FORMULA_START.test(v)
          ? `'${v}`
          : v
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return {
    header,
    rows: features.map((f, n) => ({
      line: lines[n] ?? 0,
      fields: header.map((h) => cell(f?.properties?.[h])),
    })),
  };
}
