import { namesOneCountry } from './country-names.ts';
import { isNationalForceOf } from './national-forces.ts';
import { namesStateForcesOf } from './state-force-abbreviations.ts';
import type { ViolenceType } from './violence-type.ts';

/**
 * The eight actor categories that ACLED uses (its `inter1`/`inter2` codes), which Tandem uses for
 * every source. State forces are kept apart because the paper's main friction turns on them.
 */
export const ACTOR_CATEGORIES = [
  'state-forces',
  'rebel-group',
  'political-militia',
  'identity-militia',
  'rioters',
  'protesters',
  'civilians',
  'external-forces',
] as const;

export type ActorCategory = (typeof ACTOR_CATEGORIES)[number];

/**
 * How filters name the events whose perpetrator has no category (the summary's "unknown": a GED
 * actor or an ACLED code Tandem could not place): a filter takes it beside the eight categories.
 */
export const NO_CATEGORY_FILTER = 'unknown';
export const ACTOR_CATEGORY_FILTERS = [...ACTOR_CATEGORIES, NO_CATEGORY_FILTER] as const;
export type ActorCategoryFilter = (typeof ACTOR_CATEGORY_FILTERS)[number];

const BY_CODE: ReadonlyMap<string, ActorCategory> = new Map(
  Object.entries({
    '1': 'state-forces',
    '2': 'rebel-group',
    '3': 'political-militia',
    '4': 'identity-militia',
    '5': 'rioters',
    '6': 'protesters',
    '7': 'civilians',
    '8': 'external-forces',
  }),
);

// Newer ACLED exports spell the categories out; these are their words, lower-cased.
const BY_WORDS: ReadonlyMap<string, ActorCategory> = new Map(
  Object.entries({
    'state forces': 'state-forces',
    'rebel group': 'rebel-group',
    'rebel groups': 'rebel-group',
    'political militia': 'political-militia',
    'political militias': 'political-militia',
    'identity militia': 'identity-militia',
    'identity militias': 'identity-militia',
    rioters: 'rioters',
    protesters: 'protesters',
    civilians: 'civilians',
    'external/other forces': 'external-forces',
    'external forces': 'external-forces',
    'other forces': 'external-forces',
    // French, as francophone missions' sheets write them (read without accents).
    "forces de l'etat": 'state-forces',
    'forces etatiques': 'state-forces',
    'forces gouvernementales': 'state-forces',
    'forces de defense et de securite': 'state-forces',
    'groupe rebelle': 'rebel-group',
    'groupes rebelles': 'rebel-group',
    'groupe arme': 'rebel-group',
    'groupes armes': 'rebel-group',
    'milice politique': 'political-militia',
    'milices politiques': 'political-militia',
    'milice identitaire': 'identity-militia',
    'milices identitaires': 'identity-militia',
    'milice communautaire': 'identity-militia',
    'milices communautaires': 'identity-militia',
    emeutiers: 'rioters',
    manifestants: 'protesters',
    civils: 'civilians',
    'forces exterieures': 'external-forces',
    'autres forces': 'external-forces',
    // As MINUSMA's, MINUSCA's and MONUSCO's incident sheets write them: the national forces by
    // their initials, the armed groups by their stance on the peace agreement.
    fds: 'state-forces',
    'forces armees': 'state-forces',
    'forces de securite': 'state-forces',
    'forces de defense': 'state-forces',
    fama: 'state-forces',
    faca: 'state-forces',
    fardc: 'state-forces',
    'groupe arme terroriste': 'rebel-group',
    'groupes armes terroristes': 'rebel-group',
    'groupe arme signataire': 'rebel-group',
    'groupes armes signataires': 'rebel-group',
    'groupe arme non signataire': 'rebel-group',
    'groupes armes non signataires': 'rebel-group',
    "groupe d'autodefense": 'identity-militia',
    "groupes d'autodefense": 'identity-militia',
    "milice d'autodefense": 'identity-militia',
    "milices d'autodefense": 'identity-militia',
    'forces etrangeres': 'external-forces',
    'forces internationales': 'external-forces',
    // And English-speaking missions' and partners' sheets.
    'government forces': 'state-forces',
    'security forces': 'state-forces',
    'armed forces': 'state-forces',
    'armed group': 'rebel-group',
    'armed groups': 'rebel-group',
    'non-state armed group': 'rebel-group',
    'non-state armed groups': 'rebel-group',
    'communal militia': 'identity-militia',
    'communal militias': 'identity-militia',
    'ethnic militia': 'identity-militia',
    'ethnic militias': 'identity-militia',
    'self-defence group': 'identity-militia',
    'self-defense group': 'identity-militia',
    'self-defence militia': 'identity-militia',
    'self-defense militia': 'identity-militia',
    'foreign forces': 'external-forces',
    'international forces': 'external-forces',
  }),
);

/** The words a sheet may write a category in, for a refusal to list. */
export const CATEGORY_WORDS_HINT =
  "ACLED's categories in words or numbers (State forces, Rebel group, Political militia, Identity militia, Rioters, Protesters, Civilians, External/Other forces; 1–8), or in French (forces de l'État, FDS, groupe armé, groupe armé terroriste, milice communautaire, milice d'autodéfense, émeutiers, manifestants, civils, forces étrangères)";

/** Reads an ACLED `inter` value, numeric (old exports) or in words (new ones). Empty → null. */
export function parseActorCategory(value: string): ActorCategory | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '0') return null;
  // ACLED's numeric codes first: every row of an older export carries two, and the accents need
  // not be taken off a digit.
  const coded = BY_CODE.get(v) ?? BY_WORDS.get(v);
  if (coded) return coded;
  if ((ACTOR_CATEGORIES as readonly string[]).includes(v)) return v as ActorCategory;
  return BY_WORDS.get(v.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'"));
}

export function isStateCategory(category: ActorCategory | null): boolean {
  return category === 'state-forces';
}

/**
 * Foreign and international forces that sheets name by their own names: private military companies
 * acting for a government, foreign operations, and peace operations, which ACLED codes as
 * external/other forces.
 */
const FOREIGN_FORCES =
  /^(?:(?:the )?wagner(?: group)?|groupe wagner|africa corps|(?:op[ée]ration )?barkhane|minusma|minusca|monusco|unmiss|unisfa|unamid|amisom|atmis|unifil|minurso|(?:un|united nations) peacekeepers|casques bleus)\b/i;

/** Where an actor stands in an event, for inferring its category from its name. */
export interface ActorRole {
  /** The event's kind of violence. */
  violenceType: ViolenceType;
  /** The actor's side: 1 (GED's side_a, a sheet's first actor) or 2. */
  side: 1 | 2;
  /** The country the event took place in. */
  country: string;
}

/**
 * The category an actor's name and role say, for sources that name actors without coding them:
 * UCDP GED, and HXL sheets without a category for the actor. GED's conventions are the rule:
 *
 * - "Government of X" is state forces when X is the country of the event, external forces
 *   otherwise (another government's troops);
 * - "Civilians", or "Civilians (X)" as ACLED writes it, are civilians;
 * - the second side of one-sided violence (violence against civilians) is civilians, and the
 *   second side of state-based conflict is by definition an organised armed group.
 *
 * Any other actor is left without a category (null) rather than guessed: the actor register
 * (`tandem actors load`) may code it later.
 */
export function categoryFromName(name: string, role: ActorRole): ActorCategory | null {
  const n = name.trim();
  if (!n) return null;
  const named = categoryOfName(n, role.country);
  if (named) return named;
  // ACLED's "ABBR: Full name" ("FARDC: Forces Armées de la République Démocratique du Congo", as
  // partners' sheets copy it): either part may say what the actor is.
  const parts = /^([^:]{2,24}):\s+(.+)$/.exec(n);
  if (parts) {
    const part = categoryOfName(parts[1]!.trim(), role.country) ?? categoryOfName(parts[2]!, role.country);
    if (part) return part;
  }
  if (role.side === 2 && role.violenceType === 'violence-against-civilians') return 'civilians';
  if (role.side === 2 && role.violenceType === 'state-based-conflict') return 'rebel-group';
  return null;
}

/**
 * What an actor's name alone says it is, in an event of `country` ("Military Forces of Rwanda
 * (2000-)" in the DR Congo: an outside force); null when it says nothing.
 */
export function categoryOfName(n: string, country: string): ActorCategory | null {
  // GED's "Government of DR Congo (Zaire)" in an event stored under ACLED's country name, and
  // ACLED's names as partners' sheets copy them ("Military Forces of Mali (2021-)", "Police Forces
  // of Sudan (2019-)"): the country's own forces, or another's.
  const forces =
    /^government of (.+)$/i.exec(n) ??
    /^(?:military|police) forces of (.+?)(?:\s*\(\d{4}-(?:\d{4})?\))?(?:\s*\[.*\])?$/i.exec(n);
  if (forces) {
    const of = forces[1]!.trim();
    return namesOneCountry(of, country) ? 'state-forces' : 'external-forces';
  }
  // A sheet's own names for the country's forces ("Forces armées maliennes", "FAMa", "Gendarmerie
  // nationale") and another's ("Sudanese Armed Forces" in Chad).
  const national = isNationalForceOf(n, country);
  if (national !== undefined) return national ? 'state-forces' : 'external-forces';
  if (namesStateForcesOf(n, country)) return 'state-forces';
  // Foreign and international forces known by their own names, as ACLED codes them.
  if (FOREIGN_FORCES.test(n)) return 'external-forces';
  if (/^(?:civilians|civils)(?:\s*\(.*\))?$/i.test(n)) return 'civilians';
  if (/^(?:protesters|manifestants)(?:\s*\(.*\))?$/i.test(n)) return 'protesters';
  if (/^(?:rioters|[ée]meutiers)(?:\s*\(.*\))?$/i.test(n)) return 'rioters';
  return null;
}
