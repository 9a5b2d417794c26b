import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { francAll } from 'franc-min';
import { TandemError } from '../domain/tandem-error.ts';
import { loadPocRules, type PocRules } from './poc-rules.ts';

/** The languages Tandem has coding rules for, each with its own rules file in data/. */
export const CODABLE_LANGUAGES = ['en', 'fr'] as const;
export type CodableLanguage = (typeof CODABLE_LANGUAGES)[number];

const RULES_FILES: Record<CodableLanguage, string> = {
  en: 'poc-categories.yaml',
  fr: 'poc-categories.fr.yaml',
};

/**
 * franc answers in ISO 639-3 (`spa`, `rus`, `arb`); Tandem reports ISO 639-1 (`es`, `ru`, `ar`)
 * wherever the language has such a code, and keeps the three letters where it has none (`ckb`).
 */
function iso6391(iso3: string): string {
  if (iso3 === 'und') return 'und';
  try {
    return Intl.getCanonicalLocales(iso3)[0] ?? iso3;
  } catch {
    return iso3;
  }
}

export function isCodableLanguage(code: string): code is CodableLanguage {
  return (CODABLE_LANGUAGES as readonly string[]).includes(code);
}

/** The coding rules for a language Tandem codes. */
export function rulesForLanguage(language: CodableLanguage): PocRules {
  const here = dirname(fileURLToPath(import.meta.url));
  return loadPocRules(resolve(here, '../../data', RULES_FILES[language]));
}

/** Only so much of a long agreement is needed to tell its language: its start, middle and end. */
const SAMPLE = 4000;
/** Below this many characters letter trigrams mislead ("Refugees may return voluntarily." reads as Quechua). */
const SHORT = 200;
const FUNCTION_WORDS: Record<CodableLanguage, Set<string>> = {
  en: new Set(
    'the of and to in shall be are is for with may by on or all their this that not no any every must will from'.split(
      ' ',
    ),
  ),
  // With the negation and the verbs of a one-line provision ("Nul ne peut être gardé au secret").
  fr: new Set(
    'le la les des du de et est sont à au aux dans pour par sur une un leur leurs ce qui que ne nul aucun aucune toute tout être peut doit doivent sera seront'.split(
      ' ',
    ),
  ),
};

/**
 * True when most of a text's letters are in a script other than Latin (Cyrillic, Arabic, ...): such
 * a text is never English or French, however few words it has.
 */
export function mostlyNonLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return false;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin < letters / 2;
}

/** A short text in a non-Latin script: franc's best guess other than English or French, else `und`. */
function shortNonLatinLanguage(letters: string): string {
  const [best] = francAll(letters, { minLength: 10, ignore: ['eng', 'fra'] });
  return best ? iso6391(best[0]) : 'und';
}

/** A short text: English or French when its function words say so clearly, else undetermined. */
function shortTextLanguage(text: string): string {
  const tally = { en: 0, fr: 0 };
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FUNCTION_WORDS.en.has(word)) tally.en++;
    if (FUNCTION_WORDS.fr.has(word)) tally.fr++;
  }
  if (tally.fr >= 2 && tally.fr > 2 * tally.en) return 'fr';
  if (tally.en >= 1 && tally.en > 2 * tally.fr) return 'en';
  return 'und';
}

/**
 * The language of an agreement text as an ISO 639-1 code (`en`, `fr`, `es`, `ru`, `ar`; ISO 639-3
 * for a language with no two-letter code), or `und` when it cannot be told. franc compares the
 * text's letter trigrams with those of each language; a sample from the start, middle and end of a
 * long text is enough and keeps it fast. A text too short for trigrams (a clause pasted on its own)
 * is told by its English or French function words, or left undetermined. A text written mostly in
 * a non-Latin script (Cyrillic, Arabic, ...) is never taken as English or French.
 */
export function detectLanguage(text: string): string {
  const letters = text.replace(/[\d\s\p{P}]+/gu, ' ');
  const nonLatin = mostlyNonLatin(letters);
  if (letters.length < SHORT) return nonLatin ? shortNonLatinLanguage(letters) : shortTextLanguage(letters);
  const sample =
    letters.length <= 3 * SAMPLE
      ? letters
      : [0, Math.floor(letters.length / 2), letters.length - SAMPLE]
          .map((at) => letters.slice(at, at + SAMPLE))
          .join(' ');
  const [best] = francAll(sample, { minLength: 20, ...(nonLatin ? { ignore: ['eng', 'fra'] } : {}) });
  if (!best || best[0] === 'und') return 'und';
  return iso6391(best[0]);
}

/** A language code in words, in English: "Spanish", or the code itself when unknown. */
export function languageName(code: string, locale = 'en'): string {
  if (code === 'und') return locale === 'fr' ? 'indéterminée' : 'undetermined';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The language to code a text in: the one asked for, or (for `auto`) the one detected; a text whose
 * language cannot be told (too short) is coded in English, as before languages were told apart,
 * unless it is written mostly in a non-Latin script: then it stays `und` and is not coded. A
 * language asked for that Tandem has no rules for is a user error.
 */
export function chooseLanguage(text: string, asked: string = 'auto'): string {
  if (asked === 'auto') {
    const detected = detectLanguage(text);
    return detected === 'und' && !mostlyNonLatin(text) ? 'en' : detected;
  }
  if (!isCodableLanguage(asked))
    throw new TandemError(
      'bad-input',
      `lang: Tandem codes agreements in ${CODABLE_LANGUAGES.join(' and ')} (or auto), not '${asked}'`,
    );
  return asked;
}
