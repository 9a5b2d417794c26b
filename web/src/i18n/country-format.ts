import type { i18n } from 'i18next';
import { frenchCountryName, ofFrenchCountry } from '../../../src/domain/french-country-names.ts';

/**
 * Adds the `country` format, which the French catalogue writes as `{{country, country}}`: the
 * country's French name where there is one ("République centrafricaine" for the data's "Central
 * African Republic"), as the French brief has it; any other name, or another language, as it is.
 */
export function addCountryFormat(instance: i18n): void {
  instance.services.formatter?.add('country', (value: string, lng?: string) => countryIn(value, lng));
}

/** The country's name in a page's language, for text built outside the catalogue. */
export function countryIn(name: string, lng: string | undefined): string {
  return lng === 'fr' ? frenchCountryName(name) : name;
}

/**
 * "in the country" in French, article and all, from the project's "of" form: "au Mali" (du Mali),
 * "en Somalie" (de la Somalie), "en Haïti" (d’Haïti); a country outside the table as "à X", as the
 * "of" form leaves it without an article.
 */
export function inFrenchCountry(name: string): string {
  const of = ofFrenchCountry(name);
  if (of.startsWith('du ')) return `au ${of.slice(3)}`;
  if (of.startsWith('de la ')) return `en ${of.slice(6)}`;
  if (of.startsWith('d’')) return `en ${of.slice(2)}`;
  return `à ${of.replace(/^de /, '')}`;
}
