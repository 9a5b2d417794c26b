import { namesOneCountry } from './country-names.ts';
import { ownValue } from './own-value.ts';

/**
 * The abbreviations by which missions and their partners name a country's own armed forces, where
 * the event data names them otherwise ("FACA" for ACLED's "Military Forces of the Central African
 * Republic (2016-)" or GED's "Government of Central African Republic"): written in a plan or a
 * negotiation file, they match no name of the data and share no word with it. Only abbreviations
 * that name one country's forces are listed.
 */
const STATE_FORCES: Readonly<Record<string, string>> = {
  faca: 'Central African Republic',
  fama: 'Mali',
  fardc: 'Democratic Republic of Congo',
  spla: 'South Sudan',
  sspdf: 'South Sudan',
  saf: 'Sudan',
  sna: 'Somalia',
  updf: 'Uganda',
  endf: 'Ethiopia',
  kdf: 'Kenya',
  fdn: 'Burundi',
  rdf: 'Rwanda',
  fadm: 'Mozambique',
  ant: 'Chad',
  fanci: 'Ivory Coast',
  faes: 'Chad',
  laf: 'Lebanon',
  idf: 'Israel',
};

/** Whether `written` is an abbreviation of `country`'s own armed forces ("FACA" in the Central African Republic). */
export function namesStateForcesOf(written: string, country: string): boolean {
  const key = written
    .trim()
    .replace(/^(?:the|les?|la)\s+/i, '')
    .replace(/[.\s]/g, '')
    .toLowerCase();
  const of = ownValue(STATE_FORCES, key);
  return of !== undefined && namesOneCountry(of, country);
}
