import { isKnownCountryName, namesOneCountry } from './country-names.ts';

/**
 * A country's own armed forces, police and gendarmerie as incident sheets and partners' reports
 * name them, in French and English: "Forces armées maliennes", "Forces armées du Burkina Faso",
 * "Gendarmerie nationale", "Sudanese Armed Forces", "Nigerian Army", "Police of Chad". GED writes
 * "Government of X" and ACLED codes its actors, but a mission's own sheet writes the force's
 * name, and the paper's main friction turns on telling state forces apart.
 *
 * A name is read as a national force only when it is a force word and a country and nothing else:
 * "Armée de libération du peuple soudanais" (a rebel movement) is not one.
 */

/** The country each adjective names, French forms by their masculine singular (accents off). */
const ADJECTIVES: readonly (readonly [string, string, string])[] = [
  // [English adjective, French masculine singular, country as country-names.ts spells it]
  ['Malian', 'malien', 'Mali'],
  ['Burkinabe', 'burkinabe', 'Burkina Faso'],
  ['Central African', 'centrafricain', 'Central African Republic'],
  ['Congolese', 'congolais', 'Democratic Republic of Congo'],
  ['Nigerien', 'nigerien', 'Niger'],
  ['Nigerian', 'nigerian', 'Nigeria'],
  ['South Sudanese', 'sud-soudanais', 'South Sudan'],
  ['Sudanese', 'soudanais', 'Sudan'],
  ['Somali', 'somalien', 'Somalia'],
  ['Chadian', 'tchadien', 'Chad'],
  ['Cameroonian', 'camerounais', 'Cameroon'],
  ['Ivorian', 'ivoirien', 'Ivory Coast'],
  ['Mauritanian', 'mauritanien', 'Mauritania'],
  ['Guinean', 'guineen', 'Guinea'],
  ['Senegalese', 'senegalais', 'Senegal'],
  ['Libyan', 'libyen', 'Libya'],
  ['Algerian', 'algerien', 'Algeria'],
  ['Rwandan', 'rwandais', 'Rwanda'],
  ['Burundian', 'burundais', 'Burundi'],
  ['Ugandan', 'ougandais', 'Uganda'],
  ['Ethiopian', 'ethiopien', 'Ethiopia'],
  ['Eritrean', 'erythreen', 'Eritrea'],
  ['Kenyan', 'kenyan', 'Kenya'],
  ['Mozambican', 'mozambicain', 'Mozambique'],
  ['Beninese', 'beninois', 'Benin'],
  ['Togolese', 'togolais', 'Togo'],
  ['Ghanaian', 'ghaneen', 'Ghana'],
  ['Lebanese', 'libanais', 'Lebanon'],
  ['Syrian', 'syrien', 'Syria'],
  ['Israeli', 'israelien', 'Israel'],
  ['Haitian', 'haitien', 'Haiti'],
  ['Colombian', 'colombien', 'Colombia'],
  ['Afghan', 'afghan', 'Afghanistan'],
  ['Iraqi', 'irakien', 'Iraq'],
  ['Yemeni', 'yemenite', 'Yemen'],
  ['French', 'francais', 'France'],
  ['Russian', 'russe', 'Russia'],
];

/** Words for a state's armed forces, police or gendarmerie, lower-case and without accents. */
const FRENCH_FORCES =
  "forces armees(?: nationales)?|forces de defense et de securite|forces de defense|forces de securite|forces de police|armee de l'air|armee(?: nationale)?|marine nationale|gendarmerie(?: nationale)?|police(?: nationale)?|garde (?:nationale|republicaine)";
const ENGLISH_FORCES =
  '(?:national )?(?:armed forces|army|military|military forces|police|police forces?|gendarmerie|national guard|republican guard|security forces|defen[cs]e forces|air force|navy|naval forces)';

const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** The French forms of an adjective: masculine and feminine, singular and plural. */
function frenchForms(m: string): string[] {
  if (m.endsWith('e')) return [m, `${m}s`];
  const f = /(?:ien|een|en)$/.test(m) ? `${m}ne` : `${m}e`;
  return m.endsWith('s') ? [m, f, `${f}s`] : [m, `${m}s`, f, `${f}s`];
}

const COUNTRY_OF_ADJECTIVE = new Map<string, string>();
for (const [english, french, country] of ADJECTIVES) {
  COUNTRY_OF_ADJECTIVE.set(plain(english), country);
  for (const form of frenchForms(french)) COUNTRY_OF_ADJECTIVE.set(form, country);
}
// Burkinabè is the same in every form.
COUNTRY_OF_ADJECTIVE.set('burkinabes', 'Burkina Faso');

/** A force's dates or notes as ACLED and partners append them: "(2016-)", "[Wagner]". */
const TRAILER = /(?:\s*\([^)]*\))*(?:\s*\[[^\]]*\])*$/;

const FRENCH_OF = new RegExp(`^(?:${FRENCH_FORCES})(?:\\s+(?:du|de la|de l'|des|de|d')\\s*(.+))?$`);
const FRENCH_ADJECTIVE = new RegExp(`^(?:${FRENCH_FORCES})\\s+(.+)$`);
const ENGLISH_ADJECTIVE = new RegExp(`^(?:the )?(.+?)\\s+${ENGLISH_FORCES}$`);
const ENGLISH_OF = new RegExp(`^(?:the )?${ENGLISH_FORCES}(?:\\s+of\\s+(?:the\\s+)?(.+))?$`);

/**
 * The country whose national forces `name` names, as written ("Burkina Faso" in "Forces armées du
 * Burkina Faso", "Mali" for "Forces armées maliennes"); `null` for a national force that names no
 * country ("Gendarmerie nationale", "Police"); `undefined` when `name` is not a national force.
 */
function writtenForcesCountry(name: string): string | null | undefined {
  const n = plain(name.replace(TRAILER, ''));
  if (!n) return undefined;
  const of = FRENCH_OF.exec(n) ?? ENGLISH_OF.exec(n);
  if (of) return of[1] === undefined ? null : of[1].trim();
  // An adjective ("Nigerian Army"), or the country's own name used as one ("Nigeria Police Force"),
  // which isNationalForceOf compares with the event's country.
  const adjective = FRENCH_ADJECTIVE.exec(n) ?? ENGLISH_ADJECTIVE.exec(n);
  return adjective ? (COUNTRY_OF_ADJECTIVE.get(adjective[1]!) ?? adjective[1]!) : undefined;
}

/**
 * Whether `name` names the national forces of `country`, the country of the event (`true`), of
 * another country (`false`), or is not a national force at all (`undefined`): "Forces armées de
 * libération" names no country, so it is not one.
 */
export function isNationalForceOf(name: string, country: string): boolean | undefined {
  const of = writtenForcesCountry(name);
  if (of === null) return true;
  if (of === undefined) return undefined;
  if (namesOneCountry(of, country)) return true;
  return isKnownCountryName(of) ? false : undefined;
}
