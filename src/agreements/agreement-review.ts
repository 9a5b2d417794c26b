import type { AgreementFormat, AgreementReview, CoverageGap, Precedent } from '../domain/agreement.ts';
import { emptyCoverage, POC_CATEGORIES, type PocCategory, type Provision } from '../domain/provision.ts';
import {
  CODABLE_LANGUAGES,
  chooseLanguage,
  detectLanguage,
  isCodableLanguage,
  languageName,
  rulesForLanguage,
} from './agreement-language.ts';
import { codeProvisions } from './poc-coder.ts';
import type { PocRules } from './poc-rules.ts';
import { segmentProvisions } from './provision-segmenter.ts';

export interface ReviewOptions {
  /** Rules to code with; by default those of the text's language. */
  rules?: PocRules;
  /** `auto` (the default) detects the language; `en` or `fr` forces it. */
  language?: string;
  /** Provisions from the user's corpus that cover each category, to cite under a gap. */
  precedents?: Partial<Record<PocCategory, Precedent[]>>;
}

export interface AgreementInput {
  title: string;
  format: AgreementFormat;
  text: string;
}

/**
 * Segments and codes an agreement text: its provisions with their codes, and nothing else. The
 * rules are those given, or those of the text's language; a text in a language Tandem has no
 * rules for is segmented but left uncoded.
 */
export function codeAgreement(text: string, rules?: PocRules, language = 'auto'): Provision[] {
  const lang = rules?.language ?? chooseLanguage(text, language);
  const provisions = segmentProvisions(text, { language: lang });
  if (!rules && !isCodableLanguage(lang)) return provisions;
  return codeProvisions(text, provisions, rules ?? rulesForLanguage(lang as 'en' | 'fr'));
}

/**
 * Reviews an agreement for protection-of-civilians language: finds its language, segments it into
 * provisions, codes each one with that language's rules, and builds the scorecard (a category is
 * covered when any provision carries it) and the gaps, each with why it matters, the UN actors to
 * engage, model language and precedents, in the text's language. A text in a language Tandem
 * cannot code comes back with `coded: false`, a warning and no gaps: an uncoded text is not one
 * that lacks every provision.
 */
export function reviewAgreement(input: AgreementInput, options: ReviewOptions = {}): AgreementReview {
  const language = options.rules?.language ?? chooseLanguage(input.text, options.language);
  const coverage = emptyCoverage();
  const counts = Object.fromEntries(POC_CATEGORIES.map((c) => [c, 0])) as Record<PocCategory, number>;
  const base = {
    title: input.title,
    format: input.format,
    characters: input.text.length,
    language,
    coverage,
    counts,
  };
  if (!options.rules && !isCodableLanguage(language)) {
    const reads =
      language === 'und'
        ? 'The language of this text could not be told'
        : `This text reads as ${languageName(language)}`;
    return {
      ...base,
      coded: false,
      warning: `${reads}; Tandem codes agreements in ${CODABLE_LANGUAGES.map((l) => languageName(l)).join(' and ')} only, so nothing was coded and no gap is claimed. Give --lang en or --lang fr if the language was misread, or review a translation.`,
      provisions: segmentProvisions(input.text, { language }),
      gaps: [],
      notes: [],
    };
  }
  const rules = options.rules ?? rulesForLanguage(language as 'en' | 'fr');
  const provisions = codeAgreement(input.text, rules);
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
  const warning = options.rules ? undefined : askedLanguageWarning(input.text, options.language, language);
  return {
    ...base,
    coded: true,
    ...(warning ? { warning } : {}),
    provisions,
    gaps,
    notes: rules.language === 'fr' ? NOTES_FR : NOTES_EN,
  };
}

/**
 * When --lang forced a language the text does not read as (a French text coded with the English
 * rules finds almost nothing), a warning saying so, in the language of the review; else undefined.
 */
function askedLanguageWarning(text: string, asked: string | undefined, used: string): string | undefined {
  if (!asked || asked === 'auto') return undefined;
  const detected = detectLanguage(text);
  if (detected === 'und' || detected === used) return undefined;
  if (used === 'fr') {
    return `Ce texte semble rédigé en ${languageName(detected, 'fr')}, pas en ${languageName(used, 'fr')} comme demandé (--lang ${asked}) : il a été codé avec les règles en ${languageName(used, 'fr')}, qui peuvent manquer ses dispositions ; les lacunes signalées ne sont pas fiables. Relancez avec --lang auto${isCodableLanguage(detected) ? ` ou --lang ${detected}` : ''}.`;
  }
  return `This text reads as ${languageName(detected)}, not ${languageName(used)} as asked (--lang ${asked}): it was coded with the ${languageName(used)} rules, which may miss its provisions, so the gaps reported are not reliable. Run again with --lang auto${isCodableLanguage(detected) ? ` or --lang ${detected}` : ''}.`;
}

const NOTES_EN = [
  'Codes come from transparent phrase rules (data/poc-categories.yaml); each code quotes the span that fired it. A rule match is evidence to read, not a legal finding.',
  'Categories follow PA-X variable names (Bell & Badanjak 2019); SexViol is Tandem-specific.',
  'A table of contents or list of acronyms is kept as front matter and never coded.',
];

const NOTES_FR = [
  'Les codes viennent de règles d’expressions lisibles (data/poc-categories.fr.yaml) ; chaque code cite le passage qui l’a déclenché. Une règle qui se déclenche est un indice à lire, pas une conclusion juridique.',
  'Les catégories suivent les variables de PA-X (Bell & Badanjak 2019) ; SexViol est propre à Tandem.',
  'Un sommaire ou une liste des sigles est gardé comme partie liminaire et n’est jamais codé.',
];
