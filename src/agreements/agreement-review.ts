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
import { type LanguageMix, languageBlocks } from './agreement-language-blocks.ts';
import { codeProvisions, countsByCategory, impunityGrants } from './poc-coder.ts';
import type { PocRules } from './poc-rules.ts';
import { segmentProvisions } from './provision-segmenter.ts';
import { preambleOnlyCategories } from './recitals.ts';

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

/** A provision of a text written in more than one language, with the language it was coded in. */
export type LanguageProvision = Provision & { language?: string };

/** The review, with the languages the text is written in (added beside `language`). */
export type AgreementLanguagesReview = AgreementReview & {
  /**
   * The languages the text is written in, in the order they appear: `[language]` for a text in one
   * language, `["fr","en"]` for a French text followed by its English version.
   */
  languages: string[];
};

/**
 * Segments and codes an agreement text: its provisions with their codes, and nothing else. The
 * rules are those given, or those of the text's language; a text in a language Tandem has no
 * rules for is segmented but left uncoded. A text in two languages one after the other (a French
 * text and its English version) has each version segmented and coded in its own language.
 */
export function codeAgreement(text: string, rules?: PocRules, language = 'auto'): Provision[] {
  return segmentAndCode(text, rules, language).provisions;
}

interface Coded {
  /** The language of the review: the one asked for, else the text's (its first coded version's). */
  language: string;
  mix: LanguageMix;
  provisions: LanguageProvision[];
}

function segmentAndCode(text: string, rules: PocRules | undefined, asked = 'auto'): Coded {
  const mix = languageBlocks(text);
  if (rules || asked !== 'auto' || mix.layout !== 'sequential') {
    const lang = rules?.language ?? chooseLanguage(text, asked);
    const provisions = segmentProvisions(text, { language: lang });
    const coded =
      !rules && !isCodableLanguage(lang)
        ? provisions
        : codeProvisions(text, provisions, rules ?? rulesForLanguage(lang as 'en' | 'fr'));
    return { language: lang, mix, provisions: coded };
  }
  // One version after the other: each is segmented on its own (so the English half does not nest
  // under the French text's last title) and coded with its own rules. The first version keeps
  // the ids it would have alone; a later one's ids start with its language ("en/ch-1/1.1").
  const provisions: LanguageProvision[] = [];
  const prefixes = new Set<string>();
  mix.blocks.forEach((block, i) => {
    const part = text.slice(block.start, block.end);
    const lang = block.language;
    let prefix = '';
    if (i > 0) {
      prefix = `${lang}/`;
      for (let n = 2; prefixes.has(prefix); n++) prefix = `${lang}-${n}/`;
      prefixes.add(prefix);
    }
    const own = segmentProvisions(part, { language: lang });
    if (isCodableLanguage(lang)) codeProvisions(part, own, rulesForLanguage(lang));
    for (const p of own) {
      provisions.push({
        ...p,
        id: prefix + p.id,
        parentId: p.parentId === null ? null : prefix + p.parentId,
        start: p.start + block.start,
        end: p.end + block.start,
        codes: p.codes.map((c) => ({
          ...c,
          span: { ...c.span, start: c.span.start + block.start, end: c.span.end + block.start },
        })),
        language: lang,
      });
    }
  });
  // The review's language: that of the first version in a language Tandem codes, else the first's.
  const main =
    mix.blocks.find((b) => isCodableLanguage(b.language))?.language ?? mix.blocks[0]?.language ?? 'und';
  return { language: main, mix, provisions };
}

/** Why a text in `language` was not coded, for the reader. */
export function notCodedWarning(language: string): string {
  const reads =
    language === 'und'
      ? 'The language of this text could not be told'
      : `This text reads as ${languageName(language)}`;
  return `${reads}; Tandem codes agreements in ${CODABLE_LANGUAGES.map((l) => languageName(l)).join(' and ')} only, so nothing was coded and no gap is claimed. Give --lang en or --lang fr if the language was misread, or review a translation.`;
}

/**
 * The language a review of `text` codes it in (without --lang), and whether Tandem has rules for
 * it: what the review decides, without segmenting or coding the text.
 */
export function codingLanguage(text: string): { language: string; coded: boolean } {
  const mix = languageBlocks(text);
  const language =
    mix.layout === 'sequential'
      ? (mix.blocks.find((b) => isCodableLanguage(b.language))?.language ?? mix.blocks[0]?.language ?? 'und')
      : chooseLanguage(text);
  return { language, coded: isCodableLanguage(language) };
}

/**
 * Reviews an agreement for protection-of-civilians language: finds its language, segments it into
 * provisions, codes each one with that language's rules, and builds the scorecard (a category is
 * covered when any provision carries it) and the gaps, each with why it matters, the UN actors to
 * engage, model language and precedents, in the text's language. A text in a language Tandem
 * cannot code comes back with `coded: false`, a warning and no gaps: an uncoded text is not one
 * that lacks every provision. A text in French then English (or the reverse) has each version
 * coded with its own rules, each provision saying its `language`, and `languages` lists both; a
 * text whose languages alternate all along (two columns side by side) is coded in its main
 * language, with a warning.
 */
export function reviewAgreement(
  input: AgreementInput,
  options: ReviewOptions = {},
): AgreementLanguagesReview {
  const { language, mix, provisions } = segmentAndCode(input.text, options.rules, options.language);
  const languages = mix.layout === 'single' ? [language] : mix.languages;
  const coverage = emptyCoverage();
  const counts = Object.fromEntries(POC_CATEGORIES.map((c) => [c, 0])) as Record<PocCategory, number>;
  const base = {
    title: input.title,
    format: input.format,
    characters: input.text.length,
    language,
    languages,
    coverage,
    counts,
  };
  if (!options.rules && !isCodableLanguage(language)) {
    return {
      ...base,
      coded: false,
      warning: notCodedWarning(language),
      provisions,
      gaps: [],
      preambleOnly: [],
      impunity: [],
      notes: [],
    };
  }
  const rules = options.rules ?? rulesForLanguage(language as 'en' | 'fr');
  for (const p of provisions) for (const c of p.codes) coverage[c.code] = true;
  // A heading-only provision is not counted again for what its sub-provisions carry.
  Object.assign(counts, countsByCategory(provisions));
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
  const warning = options.rules
    ? undefined
    : (askedLanguageWarning(input.text, options.language, language) ?? mixWarning(mix, language));
  const notes = rules.language === 'fr' ? NOTES_FR : NOTES_EN;
  const mixNote = mix.layout === 'sequential' && !warning ? sequentialNote(mix, rules.language) : undefined;
  return {
    ...base,
    coded: true,
    ...(warning ? { warning } : {}),
    provisions,
    gaps,
    preambleOnly: preambleOnlyCategories(provisions),
    impunity: impunityGrants(input.text, provisions),
    notes: mixNote ? [...notes, mixNote] : notes,
  };
}

/** The versions of a text in several languages, and how each was coded, for the notes. */
function sequentialNote(mix: LanguageMix, locale: string): string {
  const names = mix.blocks.map((b) => languageName(b.language, locale));
  const uncoded = mix.blocks
    .filter((b) => !isCodableLanguage(b.language))
    .map((b) => languageName(b.language, locale));
  if (locale === 'fr') {
    return `Ce texte est rédigé en plusieurs langues, une version après l’autre (${names.join(', ')}) : chaque version a été découpée et codée avec les règles de sa langue (le champ « language » de chaque disposition la donne)${uncoded.length ? ` ; la partie en ${uncoded.join(', ')} n’a pas été codée` : ''}. Une catégorie est couverte quand l’une des versions la prévoit.`;
  }
  return `This text is written in more than one language, one version after the other (${names.join(', ')}): each version was segmented and coded with its own language's rules (each provision's "language" says which)${uncoded.length ? `; the part in ${uncoded.join(', ')} was not coded` : ''}. A category is covered when either version provides for it.`;
}

/**
 * A text whose languages alternate all along (a bilingual text in two columns side by side, read
 * across both columns): coded in its main language only, so the reader is told.
 */
function mixWarning(mix: LanguageMix, used: string): string | undefined {
  if (mix.layout !== 'interleaved') return undefined;
  const others = mix.languages.filter((l) => l !== used);
  if (used === 'fr') {
    return `Ce texte mêle le ${languageName(used, 'fr')} et ${others.map((l) => `le ${languageName(l, 'fr')}`).join(', ')} tout du long, comme un texte bilingue sur deux colonnes côte à côte : il a été codé avec les seules règles en ${languageName(used, 'fr')}, et son découpage en dispositions peut mêler les deux langues. Revoyez chaque version dans un fichier à part si possible.`;
  }
  return `This text mixes ${languageName(used)} and ${others.map((l) => languageName(l)).join(', ')} throughout, as a bilingual text set in two columns side by side does: it was coded with the ${languageName(used)} rules only, and its provisions may mix the two languages. Review each version as a file of its own if you can.`;
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
