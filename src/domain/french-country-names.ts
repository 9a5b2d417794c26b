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
