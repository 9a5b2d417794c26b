import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { TandemError } from '../app/tandem-error.ts';
import { POC_CATEGORIES, type PocCategory } from '../domain/provision.ts';

/** data/poc-categories.yaml beside the project: the phrase lists, gap advice and UN actors. */
export const DEFAULT_POC_RULES_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/poc-categories.yaml');

const phraseList = z.array(z.string().min(1)).min(1);
const ruleSchema = z
  .object({
    id: z.string().min(1),
    phrases: phraseList.optional(),
    near: z.object({ a: phraseList, b: phraseList, window: z.number().int().min(1).max(40) }).optional(),
    except: phraseList.optional(),
  })
  .refine((r) => !!r.phrases !== !!r.near, { message: 'a rule has either phrases or near, not both' });
const categorySchema = z.object({
  label: z.string(),
  meaning: z.string(),
  rules: z.array(ruleSchema).min(1),
  why: z.string(),
  engage: z.array(z.string()),
  suggestion: z.string(),
});
const fileSchema = z.object({
  actors: z.record(z.string(), z.string()),
  negations: phraseList,
  categories: z.record(z.string(), categorySchema),
});

export interface CompiledRule {
  category: PocCategory;
  id: string;
  /** For phrase rules: one pattern; for near rules: a and b. Global flag set. */
  phrases?: PhraseMatcher;
  near?: { a: PhraseMatcher; b: PhraseMatcher; window: number };
  except?: PhraseMatcher;
}

export interface CategoryAdvice {
  label: string;
  meaning: string;
  why: string;
  /** Display names of the UN actors to engage, resolved from the actors table. */
  engage: string[];
  suggestion: string;
}

export interface PocRules {
  rules: CompiledRule[];
  /** Case-insensitive, whatever the phrase style. */
  negation: RegExp;
  advice: Record<PocCategory, CategoryAdvice>;
  source: string;
}

const cache = new Map<string, PocRules>();

/** Loads and compiles the rules file once per path; a broken file is a user error naming the problem. */
export function loadPocRules(path: string = DEFAULT_POC_RULES_PATH): PocRules {
  const hit = cache.get(path);
  if (hit) return hit;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new TandemError('invalid-file', `${path}: cannot read the POC rules (${(e as Error).message})`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TandemError('invalid-file', `${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const file = parsed.data;
  const rules: CompiledRule[] = [];
  const advice = {} as Record<PocCategory, CategoryAdvice>;
  for (const category of POC_CATEGORIES) {
    const c = file.categories[category];
    if (!c) throw new TandemError('invalid-file', `${path}: categories.${category} is missing`);
    for (const r of c.rules) {
      rules.push({
        category,
        id: r.id,
        phrases: r.phrases ? compilePhrases(r.phrases) : undefined,
        near: r.near ? { a: compilePhrases(r.near.a), b: compilePhrases(r.near.b), window: r.near.window } : undefined,
        except: r.except ? compilePhrases(r.except) : undefined,
      });
    }
    const engage = c.engage.map((key) => {
      const name = file.actors[key];
      if (!name) throw new TandemError('invalid-file', `${path}: categories.${category}.engage: unknown actor '${key}'`);
      return name;
    });
    advice[category] = { label: c.label, meaning: c.meaning, why: c.why, engage, suggestion: c.suggestion };
  }
  const unknown = Object.keys(file.categories).filter((k) => !(POC_CATEGORIES as readonly string[]).includes(k));
  if (unknown.length) throw new TandemError('invalid-file', `${path}: unknown categories ${unknown.join(', ')}`);
  const compiled: PocRules = { rules, negation: new RegExp(file.negations.map((n) => `(?:${phraseSource(n)})`).join('|'), 'giu'), advice, source: path };
  cache.set(path, compiled);
  return compiled;
}

/** Finds every phrase of a list in a text: plain phrases case-insensitively, `re:` patterns as written. */
export interface PhraseMatcher {
  ci: RegExp | null;
  cs: RegExp | null;
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

/**
 * Compiles a phrase list. Longer phrases come first so "sexual and gender-based violence" wins over
 * "gender" where both match. `re:` patterns are case-sensitive so acronyms (UN, IDPs, AU) do not
 * match ordinary words.
 */
export function compilePhrases(phrases: string[]): PhraseMatcher {
  const sorted = [...phrases].sort((x, y) => y.length - x.length);
  const plain = sorted.filter((p) => !p.startsWith('re:')).map(phraseSource);
  const raw = sorted.filter((p) => p.startsWith('re:')).map(phraseSource);
  return {
    ci: plain.length ? new RegExp(`${WORD_START}(?:${plain.join('|')})${WORD_END}`, 'giu') : null,
    cs: raw.length ? new RegExp(raw.join('|'), 'gu') : null,
  };
}

export function findPhrases(m: PhraseMatcher, text: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const re of [m.ci, m.cs]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let x = re.exec(text); x; x = re.exec(text)) {
      if (x[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ start: x.index, end: x.index + x[0].length, text: x[0] });
    }
  }
  if (m.ci && m.cs) hits.sort((p, q) => p.start - q.start);
  return hits;
}

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

function phraseSource(phrase: string): string {
  if (phrase.startsWith('re:')) return `(?:${phrase.slice(3)})`;
  const words = phrase.trim().split(/\s+/).map((w) => {
    const star = w.endsWith('*');
    const body = (star ? w.slice(0, -1) : w)
      .split('-')
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
      .join('[-‐–\\s]*');
    return star ? `${body}[\\p{L}\\p{N}-]*` : body;
  });
  return words.join('[\\s\\-‐–]+');
}
