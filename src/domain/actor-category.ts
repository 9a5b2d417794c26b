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

const BY_CODE: Record<string, ActorCategory> = {
  '1': 'state-forces',
  '2': 'rebel-group',
  '3': 'political-militia',
  '4': 'identity-militia',
  '5': 'rioters',
  '6': 'protesters',
  '7': 'civilians',
  '8': 'external-forces',
};

// Newer ACLED exports spell the categories out; these are their words, lower-cased.
const BY_WORDS: Record<string, ActorCategory> = {
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
};

/** Reads an ACLED `inter` value, numeric (old exports) or in words (new ones). Empty → null. */
export function parseActorCategory(value: string): ActorCategory | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '0') return null;
  if ((ACTOR_CATEGORIES as readonly string[]).includes(v)) return v as ActorCategory;
  const plain = v.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
  return BY_CODE[v] ?? BY_WORDS[v] ?? BY_WORDS[plain];
}

export function isStateCategory(category: ActorCategory | null): boolean {
  return category === 'state-forces';
}
