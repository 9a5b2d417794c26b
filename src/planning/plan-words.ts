import { STATE_SUPPORT } from '../domain/plan.ts';
import { wordKey, wordValue } from '../domain/written-word.ts';

// How the plan checks read a plan's free words: what means support to the host state, and which
// cell functions are protection and political, in English and French.

// `supports` values and activity kinds that mean help to the host state's authority or forces,
// in English and French (RSS: réforme du secteur de la sécurité; FDS: forces de défense et de sécurité).
const STATE_SUPPORT_WORDS = new Set<string>([
  ...STATE_SUPPORT,
  'ssr',
  'rss',
  'fds',
  'security-sector-reform',
  'extension-of-state-authority',
  'state-forces',
  'police-support',
  'military-support',
]);
export const STATE_KIND =
  /state-authority|security-sector|state-forces|(^|-)ssr(-|$)|extension-of-state|secteur-de-la-securite|autorite-de-l-etat|forces-de-defense|(^|-)(rss|fds)(-|$)/;

export function supportsState(value: string): boolean {
  const key = wordKey(value);
  return STATE_SUPPORT_WORDS.has(key) || STATE_KIND.test(key);
}

export const POC_FUNCTIONS = new Set([
  'poc',
  'protection',
  'protection-of-civilians',
  'pdc',
  'protection-des-civils',
  'protection-des-populations-civiles',
]);
export const POLITICAL_FUNCTIONS = new Set([
  'political',
  'political-affairs',
  'politics',
  'politique',
  'affaires-politiques',
]);

/**
 * The French (and other) words a plan may write for the values of its fixed lists, by wordKey:
 * a French plan says `component: militaire`, `phase: pré-emption`, `kind: politique`.
 */
export const LIST_VALUE_WORDS: Record<string, string> = {
  // Components.
  civil: 'civilian',
  civile: 'civilian',
  militaire: 'military',
  // POC phases (DPO's policy: prévention, préemption, réponse, consolidation).
  'pre-emption': 'pre-emption',
  preemption: 'pre-emption',
  prevention: 'prevention',
  reponse: 'response',
  riposte: 'response',
  // Strategy kinds.
  pdc: 'poc',
  'protection-des-civils': 'poc',
  politique: 'political',
  autre: 'other',
  // Office levels.
  'bureau-national': 'national',
  siege: 'national',
  terrain: 'field',
  'bureau-de-terrain': 'field',
  regional: 'field',
};

/** A plan's value for one of its fixed lists, as that list spells it when a known word says it. */
export function listValue(value: unknown): unknown {
  return wordValue(LIST_VALUE_WORDS, value);
}

/**
 * A refusal of a list value, as a reader of French plans needs it: `expected one of "civilian",
 * "military", "police", got …` also names the French words taken for those values (`"civil",
 * "civile", "militaire"`). A reason about anything else is returned as it is.
 */
export function withFrenchListWords(reason: string): string {
  return reason.replace(
    /^((?:missing required field \()?expected one of )("[^"]*"(?:, "[^"]*")*)/,
    (all, head: string, list: string) => {
      const values = new Set([...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]));
      const french = Object.entries(LIST_VALUE_WORDS)
        .filter(([word, value]) => values.has(value) && word !== value)
        .map(([word]) => JSON.stringify(word));
      return french.length ? `${head}${list} (in French also ${french.join(', ')})` : all;
    },
  );
}

/** Yes and no as a plan may write them in words: `oui`, `non`, `vrai`, `faux`, `yes`, `no`. */
const YES_NO_WORDS: Readonly<Record<string, boolean>> = {
  oui: true,
  non: false,
  vrai: true,
  faux: false,
  yes: true,
  no: false,
  true: true,
  false: false,
};

/** A plan's yes-or-no value, `true` or `false` when a word says it; anything else as it is. */
export function yesNoValue(value: unknown): unknown {
  return wordValue(YES_NO_WORDS, value);
}
