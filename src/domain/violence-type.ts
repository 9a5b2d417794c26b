/**
 * One vocabulary of violence types for all sources. ACLED's event types are kept as they are;
 * UCDP GED's three types map onto them (state-based and non-state conflict are battles, one-sided
 * violence is violence against civilians), and the GED type is kept as the sub-type.
 */
export const VIOLENCE_TYPES = [
  'battles',
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
    ACLED_EVENT_TYPES[v] ??
    ((VIOLENCE_TYPES as readonly string[]).includes(v) ? (v as ViolenceType) : undefined)
  );
}

export const GED_TYPES: Record<string, { type: ViolenceType; subType: string }> = {
  '1': { type: 'battles', subType: 'state-based' },
  '2': { type: 'battles', subType: 'non-state' },
  '3': { type: 'violence-against-civilians', subType: 'one-sided' },
};

/** Types that count as political violence (protests and strategic developments do not). */
export function isViolent(type: ViolenceType): boolean {
  return type === 'battles' || type === 'explosions-remote-violence' || type === 'violence-against-civilians';
}
