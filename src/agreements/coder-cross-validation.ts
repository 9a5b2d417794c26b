import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { POC_CATEGORIES, type PocCategory, type Provision } from '../domain/provision.ts';
import { readAgreementFile } from './agreement-file-reader.ts';
import { codeAgreement } from './agreement-review.ts';
import { type PocRules, rulesNotTunedOn, tunedOn } from './poc-rules.ts';

/** The categories PA-X codes; SexViol is Tandem's own and has no PA-X variable. */
export const SCORED_CATEGORIES = POC_CATEGORIES.filter((c) => c !== 'SexViol');

/** An agreement text with PA-X's coding of it: a category is present when PA-X codes it above 0. */
export interface CodedText {
  agtId: string;
  slug: string;
  text: string;
  gold: Set<PocCategory>;
  /** PA-X's peace process (its PP number): texts of one process share wording and are held out together. */
  process?: string;
}

/** What one fold holds out: one agreement, or every agreement of its PA-X peace process. */
export type FoldBy = 'agreement' | 'process';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

export interface TextOutcome {
  agtId: string;
  slug: string;
  /** FP and FN lines, each FP with the provision and rule behind it. */
  disagreements: string[];
  /** Rules switched off for this text: written from it, or failing the gate on the other texts. */
  heldOut: string[];
  tally: Tally;
}

export interface Evaluation {
  perCategory: Record<string, Scores>;
  micro: Scores;
  texts: TextOutcome[];
}

export interface CrossValidation {
  /** The coder as shipped, every rule on, scored on the texts its rules were tuned on. */
  inSample: Evaluation;
  /** Leave one agreement (or process) out: each text coded with rules and gates that never saw it. */
  crossValidated: Evaluation;
}

/**
 * The gate learnt in each fold: a rule is switched off when, on the training texts, it fires in
 * at least two agreements PA-X does not code for its category and in more such agreements than
 * ones PA-X does code. Nothing else is fitted; phrase lists and windows are hand-written.
 */
export const GATE_MIN_CONTRADICTIONS = 2;

/** PA-X's codes and peace process by AgtId, from the PA-X agreements CSV (its byte-order mark stripped). */
export function readPaxCodes(csvPath: string): Map<string, { gold: Set<PocCategory>; process: string }> {
  const rows = Papa.parse<Record<string, string>>(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return new Map(
    rows.map(
      (r) =>
        [
          r.AgtId,
          { gold: new Set(SCORED_CATEGORIES.filter((c) => Number(r[c]) > 0)), process: r.PP },
        ] as const,
    ),
  );
}

export interface TextFile {
  slug: string;
  path: string;
  agtId: string;
}

/** The shared agreement texts, listed with their PA-X AgtId in the folder's index.csv. */
export function sharedTexts(dir: string): TextFile[] {
  const index = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'index.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return index.map((r) => ({ slug: r.slug, path: join(dir, `${r.slug}.txt`), agtId: r.pax_agtid }));
}

/** Any folder of agreement texts named by their PA-X AgtId (2118.txt, 1966.pdf). */
export function folderTexts(dir: string): TextFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d+\.(txt|md|pdf|docx)$/.test(f))
    .map((f) => ({ slug: f, path: join(dir, f), agtId: f.replace(/\..*$/, '') }));
}

/** Reads the texts PA-X codes, once each (the first listed wins); the others are named and skipped. */
export async function codedTexts(files: TextFile[], paxCsv: string): Promise<CodedText[]> {
  const pax = readPaxCodes(paxCsv);
  const out: CodedText[] = [];
  for (const f of files) {
    const coded = pax.get(f.agtId);
    if (!coded) {
      console.log(`  (skipped ${f.slug}: PA-X AgtId ${f.agtId} not in the PA-X file)`);
      continue;
    }
    if (out.some((t) => t.agtId === f.agtId)) continue;
    const text = (await readAgreementFile(f.path)).text;
    out.push({ agtId: f.agtId, slug: f.slug, text, gold: coded.gold, process: coded.process });
  }
  return out;
}

/** Which rules fired for which category in one coded text: rule id → provision id and phrase. */
type Firing = Map<string, { category: PocCategory; where: string }>;

function firings(provisions: Provision[]): Firing {
  const out: Firing = new Map();
  for (const p of provisions)
    for (const c of p.codes)
      if (!out.has(c.rule)) out.set(c.rule, { category: c.code, where: `${p.id}: ${c.why}` });
  return out;
}

/**
 * Scores the coder against PA-X twice: in-sample (every rule, no gate) and cross-validated, one
 * fold per agreement or per PA-X peace process. A fold codes every text with the rules minus those
 * and the narrowings written from the texts it holds out (their `from`), fits the gate on the other
 * texts, and scores the texts it holds out.
 */
export function crossValidate(
  texts: CodedText[],
  rules: PocRules,
  by: FoldBy = 'agreement',
): CrossValidation {
  const tuned = tunedOn(rules);
  const groupOf = (t: CodedText) => (by === 'process' && t.process ? `pp${t.process}` : t.agtId);
  const cache = new Map<string, Firing>();
  /** A text coded with the rules of a fold (they differ from all the rules only when some came from it). */
  const coded = (t: CodedText, heldOut: ReadonlySet<string>): Firing => {
    const relevant = [...heldOut].filter((id) => tuned.has(id)).sort();
    const key = `${t.agtId}\u0000${relevant.join(',')}`;
    let f = cache.get(key);
    if (!f) {
      f = firings(codeAgreement(t.text, relevant.length ? rulesNotTunedOn(rules, new Set(relevant)) : rules));
      cache.set(key, f);
    }
    return f;
  };
  const none = new Set<string>();
  const inSample = score(texts.map((t) => ({ t, fired: coded(t, none), off: none })));
  const folds = texts.map((t) => {
    const group = texts.filter((o) => groupOf(o) === groupOf(t));
    const heldOut = new Set(group.map((o) => o.agtId));
    const off = gate(
      texts.filter((o) => !heldOut.has(o.agtId)),
      (o) => coded(o, heldOut),
    );
    const from = (ids: string[]) => ids.some((id) => heldOut.has(id));
    const own = rules.rules.filter((r) => from(r.from)).map((r) => `${r.id} (written from this fold)`);
    const narrowed = rules.rules
      .filter((r) => r.narrowed.some((n) => from(n.from)))
      .map((r) => `${r.id}'s narrowing`);
    return { t, fired: coded(t, heldOut), off, notes: [...own, ...narrowed] };
  });
  return { inSample, crossValidated: score(folds) };
}

/** Rules the training texts show fire more where PA-X says no than where it says yes. */
function gate(training: CodedText[], fired: (t: CodedText) => Firing): Set<string> {
  const record = new Map<string, { yes: number; no: number }>();
  for (const t of training)
    for (const [rule, f] of fired(t)) {
      if (f.category === 'SexViol') continue;
      const r = record.get(rule) ?? { yes: 0, no: 0 };
      if (t.gold.has(f.category)) r.yes++;
      else r.no++;
      record.set(rule, r);
    }
  return new Set(
    [...record].filter(([, r]) => r.no >= GATE_MIN_CONTRADICTIONS && r.no > r.yes).map(([rule]) => rule),
  );
}

function score(runs: { t: CodedText; fired: Firing; off: Set<string>; notes?: string[] }[]): Evaluation {
  const tallies = Object.fromEntries(
    SCORED_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, tn: 0 }]),
  ) as Record<string, Tally>;
  const texts: TextOutcome[] = [];
  for (const { t, fired, off, notes } of runs) {
    const evidence = new Map<PocCategory, string>();
    for (const [rule, f] of fired)
      if (!off.has(rule) && !evidence.has(f.category)) evidence.set(f.category, f.where);
    const disagreements: string[] = [];
    const own: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const c of SCORED_CATEGORIES) {
      const gold = t.gold.has(c);
      const said = evidence.has(c);
      const outcome: keyof Tally = gold ? (said ? 'tp' : 'fn') : said ? 'fp' : 'tn';
      tallies[c][outcome]++;
      own[outcome]++;
      if (outcome === 'fp') disagreements.push(`FP ${c} (${evidence.get(c)})`);
      if (outcome === 'fn') disagreements.push(`FN ${c}`);
    }
    texts.push({
      agtId: t.agtId,
      slug: t.slug,
      disagreements,
      heldOut: [...(notes ?? []), ...[...off].map((r) => `${r} (gated)`)],
      tally: own,
    });
  }
  return {
    perCategory: Object.fromEntries(SCORED_CATEGORIES.map((c) => [c, withScores(tallies[c])])),
    micro: withScores(sumOf(Object.values(tallies))),
    texts,
  };
}

/** Micro-averaged scores over some of the texts of an evaluation. */
export function microOver(evaluation: Evaluation, agtIds: Set<string>): Scores {
  return withScores(sumOf(evaluation.texts.filter((t) => agtIds.has(t.agtId)).map((t) => t.tally)));
}

function sumOf(tallies: Tally[]): Tally {
  return tallies.reduce((s, x) => ({ tp: s.tp + x.tp, fp: s.fp + x.fp, fn: s.fn + x.fn, tn: s.tn + x.tn }), {
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
  });
}

/**
 * The fixed dev/test split the rules were written under before cross-validation: a text is in
 * the test half when the first 8 hex digits of the SHA-256 of its AgtId, as a number, leave 6 or
 * more when divided by 10. Rule writers read the shared texts and the dev half, never the test half.
 */
export function splitOf(agtId: string): 'dev' | 'test' {
  const n = Number.parseInt(createHash('sha256').update(agtId).digest('hex').slice(0, 8), 16);
  return n % 10 >= 6 ? 'test' : 'dev';
}

export function withScores(t: Tally): Scores {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : Number.NaN;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : Number.NaN;
  const f1 = t.tp + t.fp + t.fn === 0 ? Number.NaN : (2 * t.tp) / (2 * t.tp + t.fp + t.fn);
  return { ...t, precision, recall, f1 };
}
