import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { TandemError } from '../app/tandem-error.ts';
import type { DriverDefinition, DriverSuggestion, DriverTaxonomy } from '../domain/driver.ts';

/** The taxonomy shipped with Tandem: data/drivers.yaml at the project root. */
export const DEFAULT_DRIVERS_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/drivers.yaml');

const driverSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case key such as "land-and-resources"'),
  label: z.string().min(1),
  description: z.string().default(''),
  words: z.array(z.string().min(1)).default([]),
  patterns: z.array(z.string().min(1)).default([]),
});
const taxonomySchema = z.object({ drivers: z.array(driverSchema).min(1) });

/**
 * Reads a driver taxonomy from YAML text and checks it: every driver has a kebab-case key used
 * once, a label, and rules whose patterns compile. Errors name the file and the document path
 * (e.g. `drivers[3].patterns[0]`) so an analyst editing the file can fix it.
 */
export function parseDriverTaxonomy(text: string, file = 'drivers.yaml'): DriverTaxonomy {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new TandemError(
      'invalid-file',
      `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`,
    );
  }
  const parsed = taxonomySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TandemError('invalid-file', `${file}: ${formatPath(issue.path)}: ${issue.message}`);
  }
  const seen = new Set<string>();
  parsed.data.drivers.forEach((d, i) => {
    if (seen.has(d.key)) throw new TandemError('invalid-file', `${file}: drivers[${i}].key: "${d.key}" is used twice`);
    seen.add(d.key);
    d.patterns.forEach((p, j) => {
      try {
        new RegExp(p, 'i');
      } catch (err) {
        throw new TandemError(
          'invalid-file',
          `${file}: drivers[${i}].patterns[${j}]: not a valid regular expression: ${(err as Error).message}`,
        );
      }
    });
  });
  return { drivers: parsed.data.drivers };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(top)';
}

/** Loads the taxonomy file (data/drivers.yaml unless another path is given). */
export function loadDriverTaxonomy(path: string = DEFAULT_DRIVERS_PATH): DriverTaxonomy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TandemError('unreadable-file', `${path}: cannot read the driver taxonomy (${(e as Error).message})`);
  }
  return parseDriverTaxonomy(text, path);
}

interface CompiledDriver {
  key: string;
  rules: { label: string; re: RegExp }[];
}

/** A taxonomy turned into matchers once, for many texts. */
export interface DriverMatcher {
  suggest(text: string): DriverSuggestion[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles the taxonomy's rules. Words match as whole words (letters or digits may not touch
 * them), so "war" never fires inside "award"; patterns match as written. Each suggestion lists
 * what fired, lower-cased and without repeats, so an analyst sees exactly why it was made.
 */
export function compileDriverRules(taxonomy: DriverTaxonomy): DriverMatcher {
  const compiled: CompiledDriver[] = taxonomy.drivers.map((d: DriverDefinition) => ({
    key: d.key,
    rules: [
      ...d.words.map((w) => ({
        label: w.toLowerCase(),
        re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
      })),
      ...d.patterns.map((p) => ({ label: p, re: new RegExp(p, 'i') })),
    ],
  }));
  return {
    suggest(text: string): DriverSuggestion[] {
      if (!text) return [];
      const out: DriverSuggestion[] = [];
      for (const d of compiled) {
        const fired = new Set<string>();
        for (const r of d.rules) {
          const m = r.re.exec(text);
          if (m) fired.add(m[0].toLowerCase().replace(/\s+/g, ' '));
        }
        if (fired.size) out.push({ driver: d.key, fired: [...fired] });
      }
      return out;
    },
  };
}
