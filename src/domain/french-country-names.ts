import { ownValue } from './own-value.ts';

/**
 * The countries of the francophone and neighbouring missions, as the sources spell them in
 * English, in French (the brief's French and the workbench's). Others stay as the data spells them.
 */
const FRENCH_NAMES: Record<string, string> = {
  'Central African Republic': 'République centrafricaine',
  'Democratic Republic of Congo': 'République démocratique du Congo',
  'Democratic Republic of the Congo': 'République démocratique du Congo',
  'DR Congo (Zaire)': 'République démocratique du Congo',
  'Republic of Congo': 'République du Congo',
  'South Sudan': 'Soudan du Sud',
  Sudan: 'Soudan',
  Chad: 'Tchad',
  Cameroon: 'Cameroun',
  Mali: 'Mali',
  Niger: 'Niger',
  'Burkina Faso': 'Burkina Faso',
  Somalia: 'Somalie',
  Nigeria: 'Nigeria',
  Libya: 'Libye',
  Haiti: 'Haïti',
  Lebanon: 'Liban',
  "Cote d'Ivoire": 'Côte d’Ivoire',
  "Côte d'Ivoire": 'Côte d’Ivoire',
  'Ivory Coast': 'Côte d’Ivoire',
};

/** The country's French name where the table has one, else the name as the data spells it. */
export function frenchCountryName(name: string): string {
  return ownValue(FRENCH_NAMES, name) ?? name;
}

/** The feminine countries of the table (la Somalie), and those that take no article (Haïti). */
const FEMININE = new Set([
  'République centrafricaine',
  'République démocratique du Congo',
  'République du Congo',
  'Somalie',
  'Libye',
  'Côte d’Ivoire',
]);
const NO_ARTICLE = new Set(['Haïti']);

/**
 * "of the country" in French, article and all: "du Soudan du Sud", "de la Somalie", "d’Haïti"; a
 * country outside the table as "de X" (or "d’X" before a vowel), which reads without an article.
 */
export function ofFrenchCountry(name: string): string {
  return withArticle(name, 'de', 'd’');
}

/** "for the country" in French: "pour le Soudan du Sud", "pour la République centrafricaine", "pour Haïti". */
export function forFrenchCountry(name: string): string {
  return withArticle(name, 'pour', 'pour ');
}

/** `word` and the country with its article: "du"/"de la"/"d’" for de, "pour le"/"pour la"/"pour" else. */
function withArticle(name: string, word: 'de' | 'pour', beforeVowel: string): string {
  const fr = frenchCountryName(name);
  const known = Object.values(FRENCH_NAMES).includes(fr);
  const bare = /^[AEIOUÀÂÉÈÊÎÔÛ]/i.test(fr) ? `${beforeVowel}${fr}` : `${word} ${fr}`;
  if (NO_ARTICLE.has(fr)) return `${beforeVowel}${fr}`;
  if (!known) return bare;
  if (FEMININE.has(fr)) return `${word} la ${fr}`;
  return word === 'de' ? `du ${fr}` : `pour le ${fr}`;
}
