import { ownValue } from './own-value.ts';
/**
 * One vocabulary of violence types for all sources. ACLED's event types are kept as they are.
 * UCDP GED's two kinds of armed conflict stay apart, because a practitioner reads them apart:
 * state-based conflict (a government is one side) and non-state conflict (organised groups, none
 * of them a government, fight each other); its one-sided violence is violence against civilians.
 * ACLED's battles, which mix the two, stay battles.
 */
export const VIOLENCE_TYPES = [
  'battles',
  'state-based-conflict',
  'non-state-conflict',
  'explosions-remote-violence',
  'violence-against-civilians',
  'protests',
  'riots',
  'strategic-developments',
] as const;

export type ViolenceType = (typeof VIOLENCE_TYPES)[number];

const ACLED_EVENT_TYPES: Record<string, ViolenceType> = {
  battles: 'battles',
  battle: 'battles',
  'battle-no change of territory': 'battles',
  'battle-government regains territory': 'battles',
  'battle-non-state actor overtakes territory': 'battles',
  'explosions/remote violence': 'explosions-remote-violence',
  'remote violence': 'explosions-remote-violence',
  explosions: 'explosions-remote-violence',
  'violence against civilians': 'violence-against-civilians',
  protests: 'protests',
  protest: 'protests',
  riots: 'riots',
  riot: 'riots',
  'riots/protests': 'riots',
  'strategic developments': 'strategic-developments',
  'strategic development': 'strategic-developments',
  'headquarters or base established': 'strategic-developments',
  'non-violent transfer of territory': 'strategic-developments',
  'non-violent activity': 'strategic-developments',
};

/** Reads ACLED's event type (any vintage's wording) or Tandem's own id for it. */
export function parseAcledEventType(value: string): ViolenceType | undefined {
  const v = value.trim().toLowerCase();
  return (
    ownValue(ACLED_EVENT_TYPES, v) ??
    ((VIOLENCE_TYPES as readonly string[]).includes(v) ? (v as ViolenceType) : undefined)
  );
}

export const GED_TYPES: Record<string, { type: ViolenceType; subType: string }> = {
  '1': { type: 'state-based-conflict', subType: 'state-based' },
  '2': { type: 'non-state-conflict', subType: 'non-state' },
  '3': { type: 'violence-against-civilians', subType: 'one-sided' },
};

/** Fighting between armed sides, where each side is a perpetrator: ACLED's battles and GED's two conflict types. */
export const FIGHTING_TYPES: readonly string[] = ['battles', 'state-based-conflict', 'non-state-conflict'];

export function isFighting(type: string): boolean {
  return FIGHTING_TYPES.includes(type);
}

/**
 * The types that count as political violence (protests and strategic developments do not):
 * ACLED's battles, explosions and remote violence, and violence against civilians; GED's three
 * types. Every count of violent events reads this list.
 */
export const VIOLENT_TYPES: readonly ViolenceType[] = [
  'battles',
  'state-based-conflict',
  'non-state-conflict',
  'explosions-remote-violence',
  'violence-against-civilians',
];

export function isViolent(type: string): boolean {
  return (VIOLENT_TYPES as readonly string[]).includes(type);
}
