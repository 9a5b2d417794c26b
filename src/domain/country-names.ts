/**
 * The names a country goes by in the field's data and in a mission's own papers: ACLED's and UCDP
 * GED's spellings, the English and French names, the ISO 3166 alpha-3 code and the short forms
 * staff write ("DRC", "RCA", "CAR"). The first name of each is ACLED's, the name events are stored
 * under (storedCountryName). A plan written in French names "République démocratique du
 * Congo" where ACLED writes "Democratic Republic of Congo" and GED "DR Congo (Zaire)": no spelling
 * distance joins those, this table does. It covers the countries of current and recent peace
 * operations and of the conflicts around them; a country not in it is matched by spelling alone.
 */
const COUNTRIES: readonly (readonly string[])[] = [
  [
    'Democratic Republic of Congo',
    'Democratic Republic of the Congo',
    'DR Congo',
    'DR Congo (Zaire)',
    'Congo, DRC',
    'Congo-Kinshasa',
    'DRC',
    'RDC',
    'RD Congo',
    'République démocratique du Congo',
    'COD',
    'Zaire',
  ],
  ['Republic of Congo', 'Congo', 'Congo-Brazzaville', 'République du Congo', 'COG'],
  ['Central African Republic', 'CAR', 'République centrafricaine', 'Centrafrique', 'RCA', 'CAF'],
  ['South Sudan', 'Soudan du Sud', 'SSD', 'Republic of South Sudan'],
  ['Sudan', 'Soudan', 'SDN', 'Republic of the Sudan'],
  ['Mali', 'MLI', 'République du Mali'],
  ['Burkina Faso', 'BFA'],
  ['Niger', 'NER', 'République du Niger'],
  ['Chad', 'Tchad', 'TCD'],
  ['Cameroon', 'Cameroun', 'CMR'],
  ['Nigeria', 'Nigéria', 'NGA'],
  ['Somalia', 'Somalie', 'SOM'],
  ['Ethiopia', 'Éthiopie', 'ETH'],
  ['Eritrea', 'Érythrée', 'ERI'],
  ['Kenya', 'KEN'],
  ['Uganda', 'Ouganda', 'UGA'],
  ['Rwanda', 'RWA'],
  ['Burundi', 'BDI'],
  ['Tanzania', 'Tanzanie', 'TZA', 'United Republic of Tanzania'],
  ['Mozambique', 'MOZ'],
  ['Libya', 'Libye', 'LBY'],
  ['Western Sahara', 'Sahara occidental', 'ESH'],
  ['Mauritania', 'Mauritanie', 'MRT'],
  ['Algeria', 'Algérie', 'DZA'],
  ['Senegal', 'Sénégal', 'SEN'],
  ['Guinea', 'Guinée', 'GIN'],
  ['Guinea-Bissau', 'Guinée-Bissau', 'GNB'],
  ['Sierra Leone', 'SLE'],
  ['Liberia', 'Libéria', 'LBR'],
  ['Ivory Coast', "Côte d'Ivoire", 'Cote d’Ivoire', 'CIV'],
  ['Benin', 'Bénin', 'BEN'],
  ['Togo', 'TGO'],
  ['Ghana', 'GHA'],
  ['Lebanon', 'Liban', 'LBN'],
  ['Syria', 'Syrie', 'Syrian Arab Republic', 'SYR'],
  ['Israel', 'Israël', 'ISR'],
  ['Palestine', 'State of Palestine', 'État de Palestine', 'PSE'],
  ['Iraq', 'Irak', 'IRQ'],
  ['Yemen', 'Yémen', 'YEM', 'Yemen (North Yemen)'],
  ['Afghanistan', 'AFG'],
  ['Myanmar', 'Burma', 'Birmanie', 'MMR', 'Myanmar (Burma)'],
  ['Haiti', 'Haïti', 'HTI'],
  ['Colombia', 'Colombie', 'COL'],
  ['Cyprus', 'Chypre', 'CYP'],
  ['Kosovo', 'XKX'],
  ['Ukraine', 'UKR'],
  ['Bosnia and Herzegovina', 'Bosnie-Herzégovine', 'BIH', 'Bosnia-Herzegovina'],
  ['Philippines', 'PHL'],
  ['Timor-Leste', 'East Timor', 'Timor oriental', 'TLS'],
  ['Georgia', 'Géorgie', 'GEO'],
  ['Armenia', 'Arménie', 'ARM'],
  ['Azerbaijan', 'Azerbaïdjan', 'AZE'],
  ['India', 'Inde', 'IND'],
  ['Pakistan', 'PAK'],
  // GED's names that carry a former one, and the few others where GED and ACLED differ.
  ['Cambodia', 'Cambodge', 'KHM', 'Cambodia (Kampuchea)'],
  ['Russia', 'Russie', 'RUS', 'Russia (Soviet Union)', 'Russian Federation'],
  ['Serbia', 'Serbie', 'SRB', 'Serbia (Yugoslavia)'],
  ['Zimbabwe', 'ZWE', 'Zimbabwe (Rhodesia)'],
  ['Madagascar', 'MDG', 'Madagascar (Malagasy)'],
  ['eSwatini', 'Eswatini', 'Swaziland', 'SWZ', 'Kingdom of eSwatini (Swaziland)'],
  ['Vietnam', 'Viêt Nam', 'VNM', 'Vietnam (North Vietnam)'],
  ['United States', 'United States of America', 'États-Unis', 'USA'],
];

/**
 * Lower case, no accents, apostrophes and punctuation as spaces, no leading article: "Côte
 * d’Ivoire" → "cote d ivoire", "the Democratic Republic of Congo" (as ACLED's "Military Forces of
 * the Democratic Republic of Congo" writes it) → "democratic republic of congo".
 */
function countryKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const NAMED_GROUP = new Map<string, number>();
COUNTRIES.forEach((names, i) => {
  for (const n of names) NAMED_GROUP.set(countryKey(n), i);
});

/** A state's formal name before its short one: "République du Soudan", "Federal Republic of Somalia". */
const FORMAL =
  /^(?:(?:federal |islamic |democratic )?republic of (?:the )?|state of |republique (?:federale |islamique )?(?:du |de la |de l |des |de |d )|etat (?:du |de la |de l |de |d ))/;

/** The table's country for a name's key: as written, or its short name when written formally. */
function groupOf(key: string): number | undefined {
  return NAMED_GROUP.get(key) ?? NAMED_GROUP.get(key.replace(FORMAL, ''));
}

/** Whether two names are known names of one country ("RDC" and "DR Congo (Zaire)"). */
export function sameCountry(a: string, b: string): boolean {
  const ga = groupOf(countryKey(a));
  return ga !== undefined && ga === groupOf(countryKey(b));
}

/** Whether the names table knows `name` as one of a country's names. */
export function isKnownCountryName(name: string): boolean {
  return groupOf(countryKey(name)) !== undefined;
}

/**
 * Whether two names, as an event and its actors write them, name one country: written alike (case,
 * accents and punctuation aside; a country the table does not hold too), or known names of one
 * country (sameCountry).
 */
export function namesOneCountry(a: string, b: string): boolean {
  const ka = countryKey(a);
  return (ka !== '' && ka === countryKey(b)) || sameCountry(a, b);
}

/**
 * The name events of a country are stored under: ACLED's spelling where the country is in the
 * table above, so that GED's "DR Congo (Zaire)" and a French sheet's "République centrafricaine"
 * count with ACLED's events of the same country as one; any other name as written (trimmed).
 */
export function storedCountryName(name: string): string {
  const group = groupOf(countryKey(name));
  return group === undefined ? name.trim() : COUNTRIES[group]![0]!;
}
