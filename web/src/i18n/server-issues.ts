import { frenchSpacing } from '../../../src/domain/language.ts';

/**
 * What the server says of a refused field, in French. The server words its refusals in English
 * (src/app/input-issue-text.ts rewords zod's defaults; the forms' schemas word their own); the
 * workbench shows them in the person's language. Messages the tables below do not know are shown
 * as the server wrote them.
 */

/** The forms' own messages (incidents, participants, local processes), word for word. */
export const FRENCH_ISSUE_TEXT: Record<string, string> = {
  'is required': 'est requis',
  'is not in any form this field takes': 'n’a aucune des formes que prend ce champ',
  'must not be empty': 'ne doit pas être vide',
  'expected a date as YYYY-MM-DD': 'une date au format AAAA-MM-JJ est attendue',
  'not a real day': 'ce jour n’existe pas',
  'the date is in the future': 'la date est dans le futur',
  'expected a time as HH:MM': 'une heure au format HH:MM est attendue',
  'a latitude is between -90 and 90': 'une latitude est comprise entre -90 et 90',
  'a longitude is between -180 and 180': 'une longitude est comprise entre -180 et 180',
  'a credibility from 1 to 6': 'une crédibilité de 1 à 6',
  'the country is needed': 'le pays est requis',
  'the reporting office is needed': 'le bureau qui signale est requis',
  'the office that follows them is needed': 'le bureau qui en assure le suivi est requis',
  'an alias is needed: the register is pseudonymous':
    'un pseudonyme est requis : le registre est pseudonymisé',
  'the role is needed (delegate, women’s group leader, …)':
    'le rôle est requis (délégué, responsable d’un groupe de femmes, …)',
  'say when consent was given': 'indiquez quand le consentement a été donné',
  'a radius above 0 km': 'un rayon supérieur à 0 km',
  'an incident id is a positive whole number': 'un identifiant d’incident est un nombre entier positif',
  'not a field of this request': 'ce champ n’est pas pris par cette requête',
  'text may not contain NUL characters': 'le texte ne peut pas contenir de caractère NUL',
};

/** What input-issue-text.ts says was expected, as the subject of "… est attendu(e)". */
const EXPECTED: Record<string, string> = {
  'a number': 'un nombre est attendu',
  'a whole number': 'un nombre entier est attendu',
  text: 'du texte est attendu',
  'true or false': 'vrai ou faux est attendu',
  'a list': 'une liste est attendue',
  'an object': 'un objet est attendu',
  'a date': 'une date est attendue',
};
const KINDS = Object.keys(EXPECTED).join('|');

const quoted = (got: string | undefined) => (got ? ` (reçu « ${got} »)` : '');

/** The generated messages (input-issue-text.ts), by their pattern. */
const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [new RegExp(`^expected (${KINDS}), got a fraction$`), (_, e) => `${EXPECTED[e!]}, pas une fraction`],
  [new RegExp(`^expected (${KINDS})(?:; got "(.*)")?$`), (_, e, got) => `${EXPECTED[e!]}${quoted(got)}`],
  [/^must have at least (\d+) characters?$/, (_, n) => `doit compter au moins ${n} caractères`],
  [/^must have at most (\d+) characters?$/, (_, n) => `doit compter au plus ${n} caractères`],
  [
    /^must have at least (\d+) items?$/,
    (_, n) => `doit compter au moins ${n} élément${n === '1' ? '' : 's'}`,
  ],
  [/^must have at most (\d+) items?$/, (_, n) => `doit compter au plus ${n} élément${n === '1' ? '' : 's'}`],
  [/^must be (-?[\d.]+) or more$/, (_, n) => `doit valoir ${n} ou plus`],
  [/^must be (-?[\d.]+) or less$/, (_, n) => `doit valoir ${n} ou moins`],
  [/^must be more than (-?[\d.]+)$/, (_, n) => `doit valoir plus de ${n}`],
  [/^must be less than (-?[\d.]+)$/, (_, n) => `doit valoir moins de ${n}`],
  [
    /^must be one of (.+?)(?:; got "(.*)")?$/,
    (_, list, got) => `doit être l’une des valeurs ${list}${quoted(got)}`,
  ],
  [/^must be (.+?)(?:; got "(.*)")?$/, (_, v, got) => `doit être ${v}${quoted(got)}`],
];

/**
 * One refusal of a field in French (with French spacing: it is shown as it is, not through the
 * catalogue), or as the server wrote it when it is not known here.
 */
export function frenchIssue(message: string): string {
  const exact = FRENCH_ISSUE_TEXT[message];
  if (exact) return frenchSpacing(exact);
  for (const [re, to] of PATTERNS) {
    const m = re.exec(message);
    if (m) return frenchSpacing(to(...m));
  }
  return message;
}
