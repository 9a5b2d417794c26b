// Bench: a 150-page agreement reviewed (read, normalised, segmented, coded, scored) in under 1 s.
// The agreement is synthesised: provisions written for this bench, composed into chapters,
// articles, numbered clauses and lettered items until about 450,000 characters (150 pages of
// 3,000 characters). When the shared R-ARCSS text is present, it is also timed repeated three
// times (about 450,000 characters of real agreement language).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readAgreementFile } from '../src/agreements/agreement-file-reader.ts';
import { reviewAgreement } from '../src/agreements/agreement-review.ts';
import { loadPocRules } from '../src/agreements/poc-rules.ts';

const PAGE = 3000;
const PAGES = 150;

// Clause bodies written for this bench: a mix of POC language and ordinary governance text.
const CLAUSES = [
  'The Parties shall observe a complete cessation of hostilities throughout the territory from the date of signature.',
  'The Parties shall protect civilians at all times and refrain from any attack against the civilian population.',
  'Women shall make up no less than one third of the members of every body established under this Chapter.',
  'No child under eighteen years of age shall be recruited or used by any force or group.',
  'Refugees and internally displaced persons may return voluntarily, in safety and dignity, to their places of origin.',
  'The Parties shall allow the unimpeded delivery of humanitarian assistance to all persons in need.',
  'Freedom of movement of persons and goods shall be guaranteed, and unauthorised checkpoints shall be removed.',
  'Every person deprived of liberty shall be treated humanely and registered at a recognised place of detention.',
  'The Parties request the United Nations to support the monitoring of this Agreement.',
  'An international monitoring mission shall verify compliance and report its findings publicly.',
  'Combatants shall be cantoned in agreed sites and shall take part in disarmament and demobilisation.',
  'Civil society organisations shall be represented in the implementation committee.',
  'Victims of the conflict have the right to truth, justice and reparation.',
  'Land and property lost during the conflict shall be returned to their rightful owners or compensated.',
  'Sexual and gender-based violence is prohibited and shall be treated as a violation of this Agreement.',
  'Persons with disabilities and older persons shall receive priority in the delivery of services.',
  'The Ministry of Finance shall publish the annual budget within thirty days of its adoption.',
  'The Council of Ministers shall meet at least once a month and shall keep written minutes of its decisions.',
  'Revenue from natural resources shall be shared between the national and state governments as set out in Annex B.',
  'The National Elections Commission shall be reconstituted within six months of the start of the transition.',
  'Members of the Assembly shall take an oath of office before assuming their functions.',
  'The Parties shall establish a joint committee to review the boundaries of administrative units.',
  'Any dispute on the interpretation of this Chapter shall be referred to the mediation for resolution.',
  'The seat of the transitional government shall be the capital, and its term shall be thirty-six months.',
];
const HEADINGS = [
  'Transitional Governance',
  'Permanent Ceasefire and Security Arrangements',
  'Humanitarian Assistance and Reconstruction',
  'Economic and Financial Management',
  'Transitional Justice and Reconciliation',
  'Parameters of the Permanent Constitution',
  'Monitoring and Evaluation',
];

/** Deterministic composition, so every run times the same document. */
export function synthesiseAgreement(targetChars = PAGE * PAGES): string {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const parts = ['AGREEMENT ON THE RESOLUTION OF THE CONFLICT (SYNTHETIC BENCH TEXT)', '', 'PREAMBLE', ''];
  let size = parts.join('\n').length;
  for (let ch = 1; size < targetChars; ch++) {
    const chapter = [`CHAPTER ${ch}:`, HEADINGS[ch % HEADINGS.length].toUpperCase(), ''];
    for (let art = 1; art <= 12; art++) {
      chapter.push(`${ch}.${art}.`, `${HEADINGS[(ch + art) % HEADINGS.length]} (${art})`);
      for (let cl = 1; cl <= 4; cl++) {
        chapter.push(
          `${ch}.${art}.${cl}. ${CLAUSES[next() % CLAUSES.length]} ${CLAUSES[next() % CLAUSES.length]}`,
        );
        if (cl === 2) {
          chapter.push('The following measures shall apply:');
          for (const letter of ['a', 'b', 'c'])
            chapter.push(`(${letter}) ${CLAUSES[next() % CLAUSES.length]}`);
        }
      }
      chapter.push('');
    }
    const block = chapter.join('\n');
    parts.push(block);
    size += block.length + 1;
  }
  parts.push(
    'ANNEX A: IMPLEMENTATION MATRIX',
    'Task | Responsible | Deadline',
    'Canton forces | Parties | 30 days',
  );
  return parts.join('\n');
}

export interface BenchResult {
  name: string;
  medianMs: number;
  runsMs: number[];
  characters: number;
  pages: number;
  provisions: number;
  codes: number;
  withinBudget: boolean;
}

async function timeReview(name: string, text: string, runs: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-agreement-bench-'));
  const path = join(dir, 'agreement.txt');
  writeFileSync(path, text);
  const rules = loadPocRules();
  try {
    const runsMs: number[] = [];
    let provisions = 0;
    let codes = 0;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const source = await readAgreementFile(path);
      const review = reviewAgreement(
        { title: source.title, format: source.format, text: source.text },
        { rules },
      );
      const ms = performance.now() - t0;
      if (i > 0) runsMs.push(ms); // the first run warms up the JIT and is not counted
      provisions = review.provisions.length;
      codes = review.provisions.reduce((n, p) => n + p.codes.length, 0);
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    const medianMs = sorted[Math.floor(sorted.length / 2)];
    return {
      name,
      medianMs: Math.round(medianMs),
      runsMs: runsMs.map(Math.round),
      characters: text.length,
      pages: Math.round(text.length / PAGE),
      provisions,
      codes,
      withinBudget: medianMs < 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench the lead's bench/run.ts calls: the synthetic 150-page agreement, median of 7 runs. */
export async function benchAgreementReview(runs = 7): Promise<BenchResult> {
  return timeReview('agreement review, 150-page synthetic agreement', synthesiseAgreement(), runs);
}

async function main(): Promise<void> {
  const results = [await benchAgreementReview()];
  const rarcss = resolve(import.meta.dirname, '../../shared/data/agreements/ssd_rarcss_2018.txt');
  try {
    const text = readFileSync(rarcss, 'utf8');
    results.push(await timeReview('agreement review, R-ARCSS text x3', [text, text, text].join('\n\n'), 7));
  } catch {
    console.log(`(R-ARCSS run skipped: ${rarcss} not found)`);
  }
  for (const r of results) {
    console.log(
      `${r.name}: median ${r.medianMs} ms over ${r.runsMs.length} runs [${r.runsMs.join(', ')}], ${r.characters.toLocaleString('en')} chars (~${r.pages} pages), ${r.provisions} provisions, ${r.codes} codes: ${r.withinBudget ? 'under' : 'OVER'} the 1 s budget`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
