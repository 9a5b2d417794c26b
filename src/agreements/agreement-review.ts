import type { AgreementFormat, AgreementReview, CoverageGap, Precedent } from '../domain/agreement.ts';
import { emptyCoverage, POC_CATEGORIES, type PocCategory, type Provision } from '../domain/provision.ts';
import { codeProvisions } from './poc-coder.ts';
import { loadPocRules, type PocRules } from './poc-rules.ts';
import { segmentProvisions } from './provision-segmenter.ts';

export interface ReviewOptions {
  rules?: PocRules;
  /** Provisions from the user's corpus that cover each category, to cite under a gap. */
  precedents?: Partial<Record<PocCategory, Precedent[]>>;
}

export interface AgreementInput {
  title: string;
  format: AgreementFormat;
  text: string;
}

/** Segments and codes an agreement text: its provisions with their codes, and nothing else. */
export function codeAgreement(text: string, rules: PocRules = loadPocRules()): Provision[] {
  return codeProvisions(text, segmentProvisions(text), rules);
}

/**
 * Reviews an agreement for protection-of-civilians language: segments it into provisions, codes
 * each one, and builds the scorecard (a category is covered when any provision carries it) and
 * the gaps, each with why it matters, the UN actors to engage, model language and precedents.
 */
export function reviewAgreement(input: AgreementInput, options: ReviewOptions = {}): AgreementReview {
  const rules = options.rules ?? loadPocRules();
  const provisions = codeAgreement(input.text, rules);
  const coverage = emptyCoverage();
  const counts = Object.fromEntries(POC_CATEGORIES.map((c) => [c, 0])) as Record<PocCategory, number>;
  for (const p of provisions) {
    for (const code of new Set(p.codes.map((c) => c.code))) {
      coverage[code] = true;
      counts[code]++;
    }
  }
  const gaps: CoverageGap[] = POC_CATEGORIES.filter((c) => !coverage[c]).map((code) => {
    const a = rules.advice[code];
    return {
      code,
      label: a.label,
      why: a.why,
      engage: a.engage,
      suggestion: a.suggestion,
      precedents: options.precedents?.[code] ?? [],
    };
  });
  return {
    title: input.title,
    format: input.format,
    characters: input.text.length,
    provisions,
    coverage,
    counts,
    gaps,
    notes: [
      'Codes come from transparent phrase rules (data/poc-categories.yaml); each code quotes the span that fired it. A rule match is evidence to read, not a legal finding.',
      'Categories follow PA-X variable names (Bell & Badanjak 2019); SexViol is Tandem-specific.',
      'A table of contents or list of acronyms is kept as front matter and never coded.',
    ],
  };
}
