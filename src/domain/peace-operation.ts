/**
 * Peace operations as the sources name them: "UNMISS: United Nations Mission in the Republic of
 * South Sudan (2011-)", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission
 * in Mali", "AMISOM: African Union Mission in Somalia", "UNIFIL: United Nations Interim Force in
 * Lebanon", "UN: United Nations". Named on either side of fighting, or beside a side, a mission
 * has not perpetrated the clash: its peacekeepers killed at Akobo are no deaths it caused. The
 * order of a battle's actors does not say who attacked (ACLED names UNMISS first in "Gunmen kill
 * 12 peacekeepers" at Gumuruk, and in the attack on its compound at Bor), so the first side is
 * no surer a perpetrator than the second. Its violence against civilians, or remote violence, as
 * the first actor, counts as any actor's does.
 *
 * The patterns are SQL LIKE patterns (the aggregates are read by them, in lower case) and,
 * translated, the test of a single name, so both decide alike; neither minds the case ("MINUSMA:
 * united nations Multidimensional…" in a partner's sheet is the mission too).
 */
export const PEACE_OPERATION_PATTERNS: readonly string[] = [
  'UN: %',
  'AU: %',
  '%United Nations%Mission%',
  '%United Nations%Force%',
  '%United Nations%Operation%',
  '%United Nations%Observer%',
  '%African Union%Mission%',
  '%African Union%Force%',
  '%African Union%Operation%',
  // In French, as francophone missions' sheets name them: "Casques bleus", "Mission de
  // l'Organisation des Nations Unies pour la stabilisation en RDC", "Force de l'ONU".
  '%Nations Unies%',
  '%casques bleus%',
  '%Mission de l%ONU%',
  // By the mission's initials alone, as sheets write them ("MONUSCO", "ATMIS (Somalia)"), and
  // peacekeepers without the mission's name.
  'MONUSCO%',
  'MONUC%',
  'MINUSCA%',
  'MINUSMA%',
  'MINUSTAH%',
  'MINURSO%',
  'UNMISS%',
  'UNAMID%',
  'UNISFA%',
  'UNIFIL%',
  'UNFICYP%',
  'UNDOF%',
  'UNMIK%',
  'UNMIL%',
  'UNOCI%',
  'AMISOM%',
  'ATMIS%',
  '%peacekeepers%',
];

const PEACE_OPERATION = new RegExp(
  `^(?:${PEACE_OPERATION_PATTERNS.map((p) =>
    p
      .split('%')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*'),
  ).join('|')})$`,
  'si',
);

/** Whether an actor's name is a peace operation's (PEACE_OPERATION_PATTERNS). */
export function isPeaceOperation(name: string): boolean {
  return PEACE_OPERATION.test(name);
}
