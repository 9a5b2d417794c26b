// `npm run eval`: how well the POC coder agrees with PA-X's hand coding on the shared agreement
// texts (or, with --dir DIR, on a folder of texts named by PA-X AgtId). A PA-X code above 0 means
// the agreement has such a provision; the coder says a category is present when any provision
// carries it. SexViol has no PA-X variable and is not scored. With --dir DIR --split dev|test only
// the texts of that half of a fixed split are scored: a text is in the test half when the SHA-256
// of its AgtId, read as a number, leaves 6 or more when divided by 10 (about 40%). Rules may be
// tuned on what the dev half shows; the test half is only scored.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { readAgreementFile } from '../src/agreements/agreement-file-reader.ts';
import { codeAgreement } from '../src/agreements/agreement-review.ts';
import { POC_CATEGORIES, type PocCategory } from '../src/domain/provision.ts';

const DATA = resolve(import.meta.dirname, '../../shared/data');
const AGREEMENTS = join(DATA, 'agreements');
const PAX = join(DATA, 'pax/pax_all_agreements_data_v4.csv');

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface EvalResult {
  agreements: { slug: string; agtId: string; disagreements: string[] }[];
  perCategory: Record<string, Tally & { precision: number; recall: number; f1: number }>;
  micro: Tally & { precision: number; recall: number; f1: number };
}

const SCORED = POC_CATEGORIES.filter((c) => c !== 'SexViol');

interface EvalText {
  slug: string;
  path: string;
  agtId: string;
}

/** The shared texts, listed with their PA-X ids in index.csv. */
function sharedTexts(): EvalText[] {
  const index = Papa.parse<Record<string, string>>(readFileSync(join(AGREEMENTS, 'index.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return index.map((r) => ({ slug: r.slug, path: join(AGREEMENTS, `${r.slug}.txt`), agtId: r.pax_agtid }));
}

/** Any folder of agreement texts named by their PA-X AgtId (2118.txt, 1966.pdf), optionally one half of the split. */
function folderTexts(dir: string, split?: Split): EvalText[] {
  return readdirSync(dir)
    .filter((f) => /^\d+\.(txt|md|pdf|docx)$/.test(f))
    .map((f) => ({ slug: f, path: join(dir, f), agtId: f.replace(/\..*$/, '') }))
    .filter((t) => !split || splitOf(t.agtId) === split);
}

export type Split = 'dev' | 'test';

/** The fixed dev/test split: decided by the AgtId alone, so adding texts never moves old ones. */
export function splitOf(agtId: string): Split {
  const n = Number.parseInt(createHash('sha256').update(agtId).digest('hex').slice(0, 8), 16);
  return n % 10 >= 6 ? 'test' : 'dev';
}

export async function evaluateCoder(texts: EvalText[]): Promise<EvalResult> {
  // The PA-X file starts with a byte-order mark; strip it so the first column is named AgtId-safe.
  const pax = Papa.parse<Record<string, string>>(readFileSync(PAX, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const byId = new Map(pax.map((r) => [r.AgtId, r]));
  const tallies = Object.fromEntries(SCORED.map((c) => [c, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<
    PocCategory,
    Tally
  >;
  const agreements: EvalResult['agreements'] = [];
  for (const row of texts) {
    const truth = byId.get(row.agtId);
    if (!truth) {
      console.log(`  (skipped ${row.slug}: PA-X AgtId ${row.agtId} not in the PA-X file)`);
      continue;
    }
    const source = await readAgreementFile(row.path);
    const provisions = codeAgreement(source.text);
    const evidence = new Map<PocCategory, string>();
    for (const p of provisions)
      for (const c of p.codes) if (!evidence.has(c.code)) evidence.set(c.code, `${p.id}: ${c.why}`);
    const disagreements: string[] = [];
    for (const c of SCORED) {
      const gold = Number(truth[c]) > 0;
      const said = evidence.has(c);
      const t = tallies[c];
      if (gold && said) t.tp++;
      else if (!gold && said) {
        t.fp++;
        disagreements.push(`FP ${c} (${evidence.get(c)})`);
      } else if (gold && !said) {
        t.fn++;
        disagreements.push(`FN ${c} (PA-X ${c}=${truth[c]})`);
      } else t.tn++;
    }
    agreements.push({ slug: row.slug, agtId: row.agtId, disagreements });
  }
  const perCategory = Object.fromEntries(SCORED.map((c) => [c, { ...tallies[c], ...scores(tallies[c]) }]));
  const sum = SCORED.reduce(
    (s, c) => ({
      tp: s.tp + tallies[c].tp,
      fp: s.fp + tallies[c].fp,
      fn: s.fn + tallies[c].fn,
      tn: s.tn + tallies[c].tn,
    }),
    { tp: 0, fp: 0, fn: 0, tn: 0 },
  );
  return { agreements, perCategory, micro: { ...sum, ...scores(sum) } };
}

function scores(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : Number.NaN;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : Number.NaN;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1: t.tp + t.fp + t.fn === 0 ? Number.NaN : f1 };
}

const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2).padStart(5));

async function main(): Promise<void> {
  const dirFlag = process.argv.indexOf('--dir');
  const dir = dirFlag > 0 ? process.argv[dirFlag + 1] : undefined;
  const splitFlag = process.argv.indexOf('--split');
  const split = splitFlag > 0 ? process.argv[splitFlag + 1] : undefined;
  if (split !== undefined && ((split !== 'dev' && split !== 'test') || !dir)) {
    console.error('agreement eval: --split takes dev or test, and needs --dir DIR');
    process.exit(2);
  }
  if (!existsSync(PAX) || (!dir && !existsSync(join(AGREEMENTS, 'index.csv')))) {
    console.log(`agreement eval skipped: shared data not found at ${AGREEMENTS} and ${PAX}`);
    return;
  }
  const result = await evaluateCoder(dir ? folderTexts(dir, split as Split | undefined) : sharedTexts());
  console.log(
    `POC coder vs PA-X v4 on ${result.agreements.length} agreements${split ? ` (${split} half of the split)` : ''} (${result.agreements.map((a) => a.slug).join(', ')})`,
  );
  console.log('category    TP  FP  FN  TN  precision recall   F1');
  for (const [c, t] of Object.entries(result.perCategory)) {
    console.log(
      `${c.padEnd(10)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)} ${String(t.tn).padStart(3)}      ${fmt(t.precision)}  ${fmt(t.recall)} ${fmt(t.f1)}`,
    );
  }
  const m = result.micro;
  console.log(
    `micro      ${String(m.tp).padStart(3)} ${String(m.fp).padStart(3)} ${String(m.fn).padStart(3)} ${String(m.tn).padStart(3)}      ${fmt(m.precision)}  ${fmt(m.recall)} ${fmt(m.f1)}   (target micro-F1 >= 0.85)`,
  );
  console.log('SexViol is not scored: PA-X v4 has no sexual-violence variable.');
  console.log('\nDisagreements, with the provision and rule behind each false positive:');
  for (const a of result.agreements) {
    console.log(`  ${a.slug} (PA-X ${a.agtId}): ${a.disagreements.length ? '' : 'none'}`);
    for (const d of a.disagreements) console.log(`    ${d}`);
  }
  console.log(
    [
      '',
      'How tuning was limited: the coder has no fitted parameters; its phrase lists and proximity',
      'windows (data/poc-categories.yaml) follow the PA-X codebook meaning of each variable. The',
      'four shared texts were read while the rules were written, so figures on them are in-sample.',
      'For other texts use --dir DIR with --split dev|test (a fixed split by a hash of the AgtId):',
      'rules may be changed on what the dev half shows, never on the test half. Disagreements with',
      'PA-X are left standing rather than special-cased: PA-X itself codes near-identical wording',
      'differently (SsrDdr for the Minsk memorandum of 19 September 2014 but not for the Minsk',
      'protocol of 5 September; ImPK for OSCE monitoring in the 2014 Minsk texts but not in the',
      '2019 TCG statement).',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
