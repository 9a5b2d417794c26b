import { ownValue } from './own-value.ts';
/**
 * Kinds of violence that rank as serious by their nature, whatever the deaths: the DPO POC
 * handbook's threat assessment weighs severity by the nature of the harm as well as its scale, and
 * the Security Council treats these as grave violations (sexual violence in conflict, abduction,
 * recruitment and use of children) or as attacks on those who protect and assist civilians.
 */
export const HARM_KINDS = [
  'sexual-violence',
  'abduction',
  'child-recruitment',
  'attack-on-aid-workers',
  'attack-on-peacekeepers',
] as const;
export type HarmKind = (typeof HARM_KINDS)[number];

// The sub-event types that name the kind: ACLED's wording, as a francophone partner writes it, and
// the mission incident's categories.
const BY_SUB_EVENT: Record<string, HarmKind> = {
  'sexual violence': 'sexual-violence',
  'violence sexuelle': 'sexual-violence',
  'sexual-violence': 'sexual-violence',
  'abduction/forced disappearance': 'abduction',
  'enlèvement/disparition forcée': 'abduction',
  'abduction-or-disappearance': 'abduction',
  'recruitment-or-use-of-children': 'child-recruitment',
  'attack-on-humanitarian-workers': 'attack-on-aid-workers',
  'attack-on-peacekeepers': 'attack-on-peacekeepers',
};

/** The sub-event types (lower-cased) that are a kind of serious harm by themselves. */
export const SERIOUS_SUB_EVENT_TYPES = Object.keys(BY_SUB_EVENT);

/** The kind a sub-event type names, if it is one of the serious kinds. */
export function harmKindOfSubEvent(subEventType: string): HarmKind | null {
  return ownValue(BY_SUB_EVENT, subEventType.trim().toLowerCase()) ?? null;
}

const AID_WORKERS =
  /\b(aid|humanitarian|health|relief) workers?\b|\b(WFP|ICRC|UNICEF|UNHCR|MSF|OCHA)\b|Red Cross|World Food Programme|M[ée]decins Sans Fronti[èe]res/i;
const PEACEKEEPERS =
  /\b(UNMISS|UNISFA|MINUSCA|MINUSMA|MONUSCO|UNAMID|UNIFIL|AMISOM|ATMIS)\b|peace ?keep|United Nations Mission|UN: United Nations/i;

/** The kind a harmed group makes an attack: on aid workers, or on peacekeepers and the UN. */
export function harmKindOfGroup(group: string): HarmKind | null {
  if (AID_WORKERS.test(group)) return 'attack-on-aid-workers';
  if (PEACEKEEPERS.test(group)) return 'attack-on-peacekeepers';
  return null;
}
