import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { POC_CATEGORIES, type PocCategory } from '../domain/provision.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type CompiledNegation, compileNegation } from './negation-scope.ts';
import { PhraseBank, type PhraseMatcher, type Wording } from './phrase-bank.ts';

/** data/poc-categories.yaml beside the project: the phrase lists, gap advice and UN actors. */
export const DEFAULT_POC_RULES_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/poc-categories.yaml',
);

const phraseList = z.array(z.string().min(1)).min(1);
/** PA-X AgtIds of the coded texts whose errors a rule or narrowing was written from. */
const provenance = z.array(z.string().regex(/^\d+$/, 'a PA-X AgtId')).min(1);
const narrowingSchema = z
  .object({ from: provenance, except: phraseList.optional(), unless: phraseList.optional(), why: z.string() })
  .refine((n) => n.except || n.unless, { message: 'a narrowing has except or unless' });
const ruleSchema = z
  .object({
    id: z.string().min(1),
    phrases: phraseList.optional(),
    near: z.object({ a: phraseList, b: phraseList, window: z.number().int().min(1).max(40) }).optional(),
    except: phraseList.optional(),
    unless: phraseList.optional(),
    from: provenance.optional(),
    narrowed: z.array(narrowingSchema).optional(),
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
const wordList = z.array(z.string().min(1)).default([]);
/** The negation cues of a rules file (what each list does: src/agreements/negation-scope.ts). */
const negationSchema = z.object({
  'negated-verb': phraseList,
  auxiliaries: wordList,
  'scope-verbs': phraseList,
  harm: phraseList,
  determiners: phraseList,
  before: wordList,
  after: wordList,
  pseudo: wordList,
  terminators: wordList,
  'clause-verbs': wordList,
  restrictions: wordList,
});
const fileSchema = z.object({
  /** ISO 639-1 code of the texts these rules read (default en). */
  language: z.string().min(2).default('en'),
  wording: z
    .object({ elisions: z.array(z.string().min(1)).default([]), foldAccents: z.boolean().default(false) })
    .default({ elisions: [], foldAccents: false }),
  actors: z.record(z.string(), z.string()),
  negation: negationSchema,
  categories: z.record(z.string(), categorySchema),
});

export interface CompiledRule {
  category: PocCategory;
  id: string;
  /** For phrase rules: one pattern; for near rules: a and b. Global flag set. */
  phrases?: PhraseMatcher;
  near?: { a: PhraseMatcher; b: PhraseMatcher; window: number };
  /** Phrases that, overlapping a hit, cancel it. */
  except?: PhraseMatcher;
  /** Phrases that, anywhere in the hit's sentence, cancel it (another sense of the words). */
  unless?: PhraseMatcher;
  /** The coded texts this rule was written from (empty: from the codebook and the older texts). */
  from: string[];
  /** Exceptions added later from the errors on named texts, kept apart so a fold can leave them out. */
  narrowed: Narrowing[];
}

export interface Narrowing {
  from: string[];
  except?: PhraseMatcher;
  unless?: PhraseMatcher;
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
  /** The language of the texts these rules code (ISO 639-1). */
  language: string;
  rules: CompiledRule[];
  /** All phrase lists of all rules, scanned in one pass. */
  bank: PhraseBank;
  /** The cues that say a phrase is ruled out rather than provided for (negation-scope.ts). */
  negation: CompiledNegation;
  advice: Record<PocCategory, CategoryAdvice>;
  /** How the text is cut into words for these rules. */
  wording: Wording;
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
  const bank = new PhraseBank(file.wording);
  const advice = {} as Record<PocCategory, CategoryAdvice>;
  for (const category of POC_CATEGORIES) {
    const c = file.categories[category];
    if (!c) throw new TandemError('invalid-file', `${path}: categories.${category} is missing`);
    for (const r of c.rules) {
      rules.push({
        category,
        id: r.id,
        phrases: r.phrases ? bank.compile(r.phrases) : undefined,
        near: r.near
          ? { a: bank.compile(r.near.a), b: bank.compile(r.near.b), window: r.near.window }
          : undefined,
        except: r.except ? bank.compile(r.except) : undefined,
        unless: r.unless ? bank.compile(r.unless) : undefined,
        from: r.from ?? [],
        narrowed: (r.narrowed ?? []).map((n) => ({
          from: n.from,
          except: n.except ? bank.compile(n.except) : undefined,
          unless: n.unless ? bank.compile(n.unless) : undefined,
        })),
      });
    }
    const engage = c.engage.map((key) => {
      const name = file.actors[key];
      if (!name)
        throw new TandemError(
          'invalid-file',
          `${path}: categories.${category}.engage: unknown actor '${key}'`,
        );
      return name;
    });
    advice[category] = { label: c.label, meaning: c.meaning, why: c.why, engage, suggestion: c.suggestion };
  }
  const unknown = Object.keys(file.categories).filter(
    (k) => !(POC_CATEGORIES as readonly string[]).includes(k),
  );
  if (unknown.length)
    throw new TandemError('invalid-file', `${path}: unknown categories ${unknown.join(', ')}`);
  const compiled: PocRules = {
    language: file.language,
    rules,
    bank,
    negation: compileNegationCues(path, file.negation),
    advice,
    wording: file.wording,
    source: path,
  };
  cache.set(path, compiled);
  return compiled;
}

/**
 * The rules as they were before anything was learnt from the named texts: rules written from
 * their errors are left out, and so are the narrowings written from them. Cross-validation codes
 * a text with these, so no rule tuned on a text scores it.
 */
export function rulesNotTunedOn(rules: PocRules, agtIds: ReadonlySet<string>): PocRules {
  const from = (ids: string[]) => ids.some((id) => agtIds.has(id));
  return {
    ...rules,
    rules: rules.rules
      .filter((r) => !from(r.from))
      .map((r) => ({ ...r, narrowed: r.narrowed.filter((n) => !from(n.from)) })),
  };
}

/** Every AgtId named as a rule's or a narrowing's provenance. */
export function tunedOn(rules: PocRules): Set<string> {
  return new Set(rules.rules.flatMap((r) => [...r.from, ...r.narrowed.flatMap((n) => n.from)]));
}

/** The negation cues compiled; a pattern that is not a regular expression is a user error naming it. */
function compileNegationCues(path: string, cues: z.infer<typeof negationSchema>): CompiledNegation {
  try {
    return compileNegation(cues);
  } catch (e) {
    throw new TandemError('invalid-file', `${path}: negation: ${(e as Error).message}`);
  }
}
