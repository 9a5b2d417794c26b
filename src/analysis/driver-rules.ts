import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { DriverDefinition, DriverSuggestion, DriverTaxonomy } from '../domain/driver.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { wholeWordSource } from '../domain/whole-word.ts';

/** The taxonomy shipped with Tandem: data/drivers.yaml at the project root. */
export const DEFAULT_DRIVERS_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/drivers.yaml');

const driverSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case key such as "land-and-resources"'),
  label: z.string().min(1),
  label_fr: z.string().min(1).optional(),
  description: z.string().default(''),
  description_fr: z.string().min(1).optional(),
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
    if (seen.has(d.key))
      throw new TandemError('invalid-file', `${file}: drivers[${i}].key: "${d.key}" is used twice`);
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
  return {
    drivers: parsed.data.drivers.map(({ label_fr, description_fr, ...d }) => ({
      ...d,
      ...(label_fr ? { labelFr: label_fr } : {}),
      ...(description_fr ? { descriptionFr: description_fr } : {}),
    })),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(top)'
  );
}

// Parsed taxonomies by path, kept while the file's modification time is unchanged, so an edit to
// the file is seen at once and an unchanged file is not parsed (and its rules not recompiled) again.
const loaded = new Map<string, { mtimeMs: number; taxonomy: DriverTaxonomy }>();

/** Loads the taxonomy file (data/drivers.yaml unless another path is given). */
export function loadDriverTaxonomy(path: string = DEFAULT_DRIVERS_PATH): DriverTaxonomy {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
    const hit = loaded.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit.taxonomy;
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TandemError(
      'unreadable-file',
      `${path}: cannot read the driver taxonomy (${(e as Error).message})`,
    );
  }
  const taxonomy = parseDriverTaxonomy(text, path);
  loaded.set(path, { mtimeMs, taxonomy });
  return taxonomy;
}

interface CompiledDriver {
  key: string;
  /** All the driver's rules as one alternation: one test per note before the rules run one by one. */
  any: (text: string) => boolean;
  rules: { label: string; re: RegExp }[];
}

/** A taxonomy turned into matchers once, for many texts. */
export interface DriverMatcher {
  /** The drivers a text suggests; with `names`, the actors' names in it are not read (nameMask). */
  suggest(text: string, names?: NameMask): DriverSuggestion[];
  /**
   * The names among `names` (actors, groups harmed) that hold a word or pattern of the taxonomy,
   * to be left out of a text before the rules read it: "JNIM: Group for Support of Islam and
   * Muslims" or "Dozo Communal Militia (Mali)" say who acted, not why, and would otherwise suggest
   * an identity driver for every event that names them. A name is found as written, without its
   * closing brackets ("Dozo Communal Militia") and after its acronym ("Group for Support of Islam
   * and Muslims"); a name of one word ("Nuer", "Fulani") is a word of the note and stays.
   */
  nameMask(names: Iterable<string>): NameMask;
}

/** Names to leave out of a text: `strip` blanks them, keeping every other character where it was. */
export interface NameMask {
  strip(text: string): string;
}

const NO_NAMES: NameMask = { strip: (t) => t };

/** The forms a name may take in a note: as written, without "(Mali)" or "(2021-)", after "JNIM: ". */
function nameForms(name: string): string[] {
  const whole = name.trim().replace(/\s+/g, ' ');
  const bare = whole.replace(/(?:\s*\([^()]*\))+$/, '');
  const forms = [whole, bare];
  const acronym = /^[^\s:]{2,12}:\s+(.+)$/.exec(bare);
  if (acronym) forms.push(acronym[1]!);
  // One word is a word of the note, whatever else is called so.
  return forms.filter((f) => f.includes(' '));
}

/**
 * Compiles the taxonomy's rules. Words match as whole words (letters or digits may not touch
 * them), so "war" never fires inside "award"; patterns match as written. Each suggestion lists
 * what fired, lower-cased and without repeats, so an analyst sees exactly why it was made.
 */
export function compileDriverRules(taxonomy: DriverTaxonomy): DriverMatcher {
  const hit = compiledCache.get(taxonomy);
  if (hit) return hit;
  const compiled: CompiledDriver[] = taxonomy.drivers.map((d: DriverDefinition) => {
    const sources = [
      ...d.words.map((w) => ({
        label: w.toLowerCase(),
        source: wholeWordSource(w),
      })),
      ...d.patterns.map((p) => ({ label: p, source: p })),
    ];
    const any = sources.length ? new RegExp(sources.map((r) => `(?:${r.source})`).join('|'), 'i') : null;
    return {
      key: d.key,
      any: (t: string) => any?.test(t) ?? false,
      rules: sources.map((r) => ({ label: r.label, re: new RegExp(r.source, 'i') })),
    };
  });
  // A name that is itself one of the taxonomy's words or phrases ("Lou Nuer") is read as the word.
  const words = new Set(taxonomy.drivers.flatMap((d) => d.words.map((w) => w.toLowerCase())));
  const matcher: DriverMatcher = {
    suggest(raw: string, names: NameMask = NO_NAMES): DriverSuggestion[] {
      if (!raw) return [];
      const text = names.strip(raw);
      const out: DriverSuggestion[] = [];
      for (const d of compiled) {
        if (!d.any(text)) continue;
        const fired = new Set<string>();
        for (const r of d.rules) {
          const m = r.re.exec(text);
          if (m) fired.add(m[0].toLowerCase().replace(/\s+/g, ' '));
        }
        if (fired.size) out.push({ driver: d.key, fired: [...fired] });
      }
      return out;
    },
    nameMask(names: Iterable<string>): NameMask {
      const forms = new Set<string>();
      for (const name of names)
        for (const f of nameForms(name))
          if (!words.has(f.toLowerCase()) && compiled.some((d) => d.any(f))) forms.add(f);
      if (!forms.size) return NO_NAMES;
      // Longest first, so a name is blanked whole before a shorter one inside it is tried.
      const re = new RegExp(
        [...forms]
          .sort((a, b) => b.length - a.length || a.localeCompare(b))
          .map(wholeWordSource)
          .join('|'),
        'gi',
      );
      return { strip: (t) => t.replace(re, (m) => m.replace(/\S/g, ' ')) };
    },
  };
  compiledCache.set(taxonomy, matcher);
  return matcher;
}

const compiledCache = new WeakMap<DriverTaxonomy, DriverMatcher>();
