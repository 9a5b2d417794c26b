import type { i18n } from 'i18next';
import { frenchCountryName } from '../../../src/domain/french-country-names.ts';

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
