import type { ReadProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { EventBatch } from './event-file.ts';
import { GED_REQUIRED, readGedFields } from './ucdp-reader.ts';

/** Line and column (1-based) of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/**
 * The line on which each element of the top-level "features" array starts, found by one pass over
 * the text that follows strings and nesting. JSON.parse gives the values; this gives the places,
 * so a bad feature is reported by line like a bad CSV row.
 */
export function featureLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let featuresDepth = -1;
  let lastString = '';
  let keyAtDepth1 = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    else if (ch === 34) {
      const start = i + 1;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92) i++;
        else if (c === 34) break;
        else if (c === 10) line++;
      }
      if (depth === 1) lastString = text.slice(start, i);
    } else if (ch === 58 && depth === 1) keyAtDepth1 = lastString;
    else if (ch === 123 || ch === 91) {
      if (ch === 123 && featuresDepth !== -1 && depth === featuresDepth) lines.push(line);
      if (ch === 91 && depth === 1 && keyAtDepth1 === 'features') featuresDepth = depth + 1;
      depth++;
    } else if (ch === 125 || ch === 93) {
      depth--;
      if (ch === 93 && depth + 1 === featuresDepth) featuresDepth = -1;
    }
  }
  return lines;
}

interface Feature {
  type?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/** Checks a parsed document is a FeatureCollection of GED events, or says why not. */
export function gedFeatureCollection(path: string, text: string): Feature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? lineColumnAt(text, Number(m[1])) : null;
    throw new TandemError(
      'unreadable-file',
      `${path}${at ? `:${at.line}:${at.column}` : ''}: not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*/, '')})`,
    );
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    const what = fc && typeof fc === 'object' && 'type' in fc ? `a GeoJSON ${String(fc.type)}` : 'JSON';
    throw new TandemError(
      'unreadable-file',
      `${path}: is ${what}, not a GeoJSON FeatureCollection of events`,
    );
  }
  const features = fc.features as Feature[];
  const first = features.find((f) => f?.properties);
  if (first && !GED_REQUIRED.every((k) => k in (first.properties as object))) {
    const missing = GED_REQUIRED.filter((k) => !(k in (first.properties as object)));
    throw new TandemError(
      'unknown-format',
      `${path}: a FeatureCollection, but its features lack GED's ${missing.join(', ')}: not UCDP GED events (admin boundaries load with \`tandem areas load\`)`,
    );
  }
  return features;
}

/** Reads UCDP GED events from the GeoJSON edition; the point geometry gives the coordinates. */
export function* readGedGeoJson(path: string, text: string, batchSize = 5000): Generator<EventBatch> {
  const features = gedFeatureCollection(path, text);
  const lines = featureLines(text);
  let batch: EventBatch = { records: [], problems: [] };
  for (let n = 0; n < features.length; n++) {
    const f = features[n];
    const line = lines[n] ?? 0;
    const problem = (reason: string, field?: string): ReadProblem => ({
      file: path,
      line,
      column: 0,
      field,
      reason: `feature ${n + 1}: ${reason}`,
      raw: JSON.stringify(f).slice(0, 2000),
    });
    if (
      !f ||
      typeof f !== 'object' ||
      f.type !== 'Feature' ||
      !f.properties ||
      typeof f.properties !== 'object'
    ) {
      batch.problems.push(problem('is not a GeoJSON Feature with properties'));
    } else {
      const props = f.properties;
      const coords =
        f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : null;
      const get = (name: string): string => {
        if (coords && (name === 'longitude' || name === 'latitude') && props[name] == null) {
          return String(coords[name === 'longitude' ? 0 : 1] ?? '');
        }
        const v = props[name];
        return v == null ? '' : String(v).trim();
      };
      const r = readGedFields(get, () => -1);
      if ('event' in r) batch.records.push({ line, event: r.event });
      else batch.problems.push(problem(r.problem.reason, r.problem.field));
    }
    if (batch.records.length + batch.problems.length >= batchSize) {
      yield batch;
      batch = { records: [], problems: [] };
    }
  }
  if (batch.records.length || batch.problems.length) yield batch;
}
