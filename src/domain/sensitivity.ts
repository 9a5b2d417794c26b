import { ownValue } from './own-value.ts';
import { TandemError } from './tandem-error.ts';
/**
 * How sensitive a record is. Public data (ACLED, GED) is `public`; a mission's own incident
 * reports are at least `internal`; anything that names or locates victims, witnesses, sources or
 * people at risk is `restricted` or `strictly-confidential`. Levels are ordered.
 */
/** What a text above the reader's clearance or need-to-know is replaced with (access-control.ts). */
export const REDACTED = '[withheld: above your clearance or need-to-know]';

export const SENSITIVITY_LEVELS = ['public', 'internal', 'restricted', 'strictly-confidential'] as const;
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];

export function sensitivityRank(s: string): number {
  const i = (SENSITIVITY_LEVELS as readonly string[]).indexOf(s);
  // An unknown label is treated as the most sensitive: never release by mistake.
  return i === -1 ? SENSITIVITY_LEVELS.length - 1 : i;
}

/** What each role may see: the highest level it is cleared for. */
export const ROLE_CLEARANCE: Record<string, Sensitivity> = {
  viewer: 'public',
  analyst: 'internal',
  planner: 'internal',
  political: 'internal',
  poc: 'restricted',
  'human-rights': 'strictly-confidential',
  protection: 'strictly-confidential',
  admin: 'strictly-confidential',
};

/** The highest of some levels ('public' for none). */
export function highestSensitivity(levels: Iterable<string>): Sensitivity {
  let best = 0;
  for (const l of levels) best = Math.max(best, sensitivityRank(l));
  return SENSITIVITY_LEVELS[best]!;
}

export function clearanceOf(roles: readonly string[]): Sensitivity {
  let best = 0;
  for (const r of roles) best = Math.max(best, sensitivityRank(ownValue(ROLE_CLEARANCE, r) ?? 'public'));
  return SENSITIVITY_LEVELS[best];
}

/** Whether a role is one of Tandem's (its own key of ROLE_CLEARANCE, not "toString"). */
export function isKnownRole(role: string): boolean {
  return Object.hasOwn(ROLE_CLEARANCE, role);
}

/**
 * Refuses roles Tandem does not know, saying which and what the known ones are: a misspelt role
 * ("veiwer") must not pass for one, least of all one that may write. `where` names the source
 * ("TANDEM_ROLES: ").
 */
export function assertKnownRoles(roles: readonly string[], where = ''): void {
  const unknown = roles.filter((r) => !isKnownRole(r));
  if (unknown.length)
    throw new TandemError(
      'bad-input',
      `${where}unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}: expected ${Object.keys(ROLE_CLEARANCE).join(', ')}`,
    );
}
